import type { Executor } from '../../db/database.ts';
import { containsText } from '../../db/text-match.ts';
import { toPage, type Page, type PageWindow } from '../../shared/pagination.ts';

export async function getPage(db: Executor, slug: string) {
  return db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** One page of the editors' inbox, unread first, filtered by a part of the subject, name or email. Emails are shown to editors only. */
export async function listMessages(db: Executor, filter: { q: string; window: PageWindow }): Promise<Page<InboxMessage>> {
  let query = db.selectFrom('messages').select(['id', 'name', 'email', 'subject', 'body', 'created_at', 'read_at']);
  if (filter.q) query = query.where((eb) => eb.or([containsText('subject', filter.q), containsText('name', filter.q), containsText('email', filter.q)]));
  const rows = await query.orderBy('read_at', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.window.limit).offset(filter.window.offset).execute();
  return toPage(rows, filter.window);
}

export interface InboxMessage {
  id: number;
  name: string;
  email: string;
  subject: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

export async function countUnreadMessages(db: Executor): Promise<number> {
  const row = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One contact message, for the editors' notice email. */
export async function getMessage(db: Executor, id: number) {
  return db.selectFrom('messages').select(['id', 'name', 'email', 'subject', 'body']).where('id', '=', id).executeTakeFirst();
}
