import type { Executor } from '../../db/database.ts';
import { containsText } from '../../db/text-match.ts';
import type { Actor, Role } from '../../shared/actor.ts';
import { toPage, type Page, type PageWindow } from '../../shared/pagination.ts';

export async function getActorBySessionHash(db: Executor, idHash: string, now: Date): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.role', 'users.display_name', 'users.contributor_id'])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ? { id: row.id, role: row.role, displayName: row.display_name, contributorId: row.contributor_id } : null;
}

export async function getUserForLogin(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'email_confirmed_at', 'display_name', 'role'])
    .where('email', '=', email)
    .executeTakeFirst();
}

/** The account registered under an address (addresses are stored lower-case), if any. */
export async function getUserIdByEmail(db: Executor, email: string): Promise<number | null> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row ? row.id : null;
}

/** Whom an account email goes to, read when it is delivered. */
export async function getMailRecipient(db: Executor, userId: number) {
  return db.selectFrom('users').select(['email', 'display_name', 'email_confirmed_at']).where('id', '=', userId).executeTakeFirst();
}

export async function getAccount(db: Executor, userId: number) {
  return db
    .selectFrom('users')
    .leftJoin('contributors', 'contributors.id', 'users.contributor_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.created_at',
      'users.pending_email',
      'contributors.slug as contributor_slug',
      'contributors.name as contributor_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export interface UserListRow {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  email_confirmed_at: string | null;
  contributor_id: number | null;
  contributor_name: string | null;
}

/** One page of the admins' list of accounts, newest first, filtered by a part of the name or email. */
export async function listUsers(db: Executor, filter: { q: string; window: PageWindow }): Promise<Page<UserListRow>> {
  let query = db
    .selectFrom('users')
    .leftJoin('contributors', 'contributors.id', 'users.contributor_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.email_confirmed_at',
      'users.contributor_id',
      'contributors.name as contributor_name',
    ]);
  if (filter.q) query = query.where((eb) => eb.or([containsText('users.display_name', filter.q), containsText('users.email', filter.q)]));
  const rows = await query.orderBy('users.created_at', 'desc').orderBy('users.id', 'desc').limit(filter.window.limit).offset(filter.window.offset).execute();
  return toPage(rows, filter.window);
}

/** The stored password hash of an account (to check the current password before a change). */
export async function getPasswordHash(db: Executor, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).where('erased_at', 'is', null).executeTakeFirst();
  return row ? row.password_hash : null;
}

/** How many admins there are besides this account (the last one may not leave). */
export async function countOtherAdmins(db: Executor, userId: number): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('id', '!=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whom an address-change link goes to: the address waiting, read when the email is delivered. */
export async function getPendingEmail(db: Executor, userId: number) {
  return db.selectFrom('users').select(['pending_email', 'display_name']).where('id', '=', userId).where('erased_at', 'is', null).executeTakeFirst();
}
