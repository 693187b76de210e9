/** Moves one id within an ordered list: up or down one place, or to either end. Unknown ids leave the list as it was. */
export function moveInOrder(ids: readonly number[], id: number, move: 'up' | 'down' | 'first' | 'last'): number[] {
  const from = ids.indexOf(id);
  if (from === -1) return [...ids];
  const rest = ids.filter((x) => x !== id);
  const to = move === 'up' ? Math.max(0, from - 1) : move === 'down' ? Math.min(rest.length, from + 1) : move === 'first' ? 0 : rest.length;
  return [...rest.slice(0, to), id, ...rest.slice(to)];
}
