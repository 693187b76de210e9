/** The waiting list is first come, first served: the earliest entry still waiting gets the next seat. */
export interface WaitlistEntry {
  id: number;
  status: 'waiting' | 'offered' | 'claimed' | 'expired' | 'removed';
  createdAt: string;
  ticketTypeId: number;
}

export function nextInLine<T extends WaitlistEntry>(entries: readonly T[], ticketTypeId?: number): T | undefined {
  return entries
    .filter((e) => e.status === 'waiting' && (ticketTypeId === undefined || e.ticketTypeId === ticketTypeId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)[0];
}
