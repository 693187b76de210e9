import type { Executor } from '../../db/database.ts';

export async function getPage(db: Executor, slug: string) {
  return db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The editors' inbox: contact messages, unread first. Emails are shown to editors only. */
export async function listMessages(db: Executor) {
  return db
    .selectFrom('messages')
    .select(['id', 'name', 'email', 'subject', 'body', 'created_at', 'read_at'])
    .orderBy('read_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(300)
    .execute();
}

export async function countUnreadMessages(db: Executor): Promise<number> {
  const row = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One contact message, for the editors' notice email. */
export async function getMessage(db: Executor, id: number) {
  return db.selectFrom('messages').select(['id', 'name', 'email', 'subject', 'body']).where('id', '=', id).executeTakeFirst();
}
