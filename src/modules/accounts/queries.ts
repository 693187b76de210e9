import type { Executor } from '../../db/database.ts';
import type { Actor, Role } from '../../shared/actor.ts';

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

export async function listUsers(db: Executor): Promise<UserListRow[]> {
  return db
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
    ])
    .orderBy('users.created_at', 'desc')
    .limit(500)
    .execute();
}
