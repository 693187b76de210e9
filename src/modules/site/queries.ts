import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** Whether the database answers (the health check behind the load balancer). */
export async function checkDatabase(db: Executor): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
