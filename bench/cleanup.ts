/**
 * Clean-ups that must also happen when the benchmark is interrupted (Ctrl-C, SIGTERM), beyond the
 * child processes and the temporary directory run.ts already handles: e.g. dropping a scratch
 * PostgreSQL database. A scenario registers one while it holds the resource and unregisters it
 * once it has cleaned up itself; run.ts's signal handler runs what is left after killing children.
 */
const pending = new Set<() => Promise<void>>();

/** Registers `fn` for an interrupt; returns the function that unregisters it. */
export function onInterrupt(fn: () => Promise<void>): () => void {
  pending.add(fn);
  return () => {
    pending.delete(fn);
  };
}

/** Runs every registered clean-up (each at most `timeoutMs`), ignoring their errors. */
export async function runInterruptCleanups(timeoutMs = 5000): Promise<void> {
  const fns = [...pending];
  pending.clear();
  await Promise.all(
    fns.map((fn) =>
      Promise.race([fn().catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]),
    ),
  );
}
