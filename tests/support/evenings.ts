/** Evenings for the ledger's and the book's tests, made through the events module's own command. */
import type { Db } from '../../src/db/database.ts';
import { saveEvent } from '../../src/modules/events/index.ts';

/** A published evening on 20 May 2026 (past for the test clock's June), no ticket types. */
export async function makeEvening(db: Db, title: string): Promise<number> {
  const startsAt = new Date('2026-05-20T17:30:00Z');
  const { id } = await saveEvent(
    { db, actor: null, now: new Date('2026-05-01T00:00:00Z') },
    {
      id: null,
      defaultTicketTypes: false,
      title,
      slug: '',
      themeId: null,
      description: '',
      venue: 'Salle',
      address: '',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600e3),
      capacity: 50,
      opensAt: null,
      closesAt: null,
      status: 'published',
    },
  );
  return id;
}

/** A one-time form key, as the desk puts in its money forms. */
export const formKey = (): string => `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 24).padEnd(16, '0');
