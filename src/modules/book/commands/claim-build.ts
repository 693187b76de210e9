import { sql } from 'kysely';
import { claimable } from '../../../db/locks.ts';
import type { CommandContext } from '../../../shared/command.ts';
import { failBuild } from './fail-build.ts';

export interface ClaimedBuild {
  id: number;
  bookId: number;
  attempts: number;
}

/** Attempts before a build whose process keeps dying is declared failed. */
const MAX_ATTEMPTS = 3;

/**
 * Claims the next build to run, leased until `leaseUntil`: the oldest waiting build of a book with
 * none running, or a running build whose process died (its lease ran out). `buildId` claims that
 * build only (the command line builds the one it asked for). Null when there is nothing to do.
 */
export async function claimBuild(ctx: CommandContext, input: { leaseUntil: Date; buildId?: number }): Promise<ClaimedBuild | null> {
  const now = ctx.now.toISOString();
  // A build abandoned too many times is over: its report says so.
  const abandoned = await ctx.db.selectFrom('book_builds').select('id').where('status', '=', 'running').where('locked_until', '<=', now).where('attempts', '>=', MAX_ATTEMPTS).execute();
  for (const b of abandoned) await failBuild(ctx, { buildId: b.id, issues: [{ code: 'interrupted', detail: String(MAX_ATTEMPTS) }] });

  let candidates = ctx.db
    .selectFrom('book_builds as b')
    .select('b.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('b.status', '=', 'queued'), eb.not(eb.exists(eb.selectFrom('book_builds as r').select('r.id').whereRef('r.book_id', '=', 'b.book_id').where('r.status', '=', 'running')))]),
        eb.and([eb('b.status', '=', 'running'), eb('b.locked_until', '<=', now)]),
      ]),
    )
    .orderBy('b.id')
    .limit(1);
  if (input.buildId !== undefined) candidates = candidates.where('b.id', '=', input.buildId);
  const due = await claimable(ctx.db, candidates).execute();
  const id = due[0]?.id;
  if (id === undefined) return null;
  try {
    const row = await ctx.db
      .updateTable('book_builds')
      .set((eb) => ({ status: 'running', locked_until: input.leaseUntil.toISOString(), attempts: eb('attempts', '+', 1), started_at: sql`coalesce(started_at, ${now})`, step: 'claimed' }))
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)])]))
      .returning(['id', 'book_id', 'attempts'])
      .executeTakeFirst();
    return row ? { id: row.id, bookId: row.book_id, attempts: Number(row.attempts) } : null;
  } catch (error) {
    // Another process started a build of the same book at this very moment (the unique index on
    // running builds refused this one): it waits for the next round.
    if (/unique|duplicate/i.test(String((error as Error).message))) return null;
    throw error;
  }
}
