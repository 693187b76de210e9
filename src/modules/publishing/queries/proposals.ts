/** Reads of the proposals the public sends in: the desk's queue and what the emails need. */
import type { Executor } from '../../../db/database.ts';
import { containsText } from '../../../db/text-match.ts';
import { toPage, type PageWindow } from '../../../shared/pagination.ts';
import type { ProposalStatus } from '../domain/proposals.ts';

/** One page of the proposals in one state, newest first, filtered by a part of the title or the proposer's name. */
export async function listProposals(db: Executor, filter: { status: ProposalStatus; q: string; window: PageWindow }) {
  let query = db
    .selectFrom('proposals')
    .select(['id', 'name', 'title', 'pitch', 'language', 'status', 'piece_id', 'created_at'])
    .where('status', '=', filter.status);
  if (filter.q) query = query.where((eb) => eb.or([containsText('title', filter.q), containsText('name', filter.q)]));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.window.limit).offset(filter.window.offset).execute();
  return toPage(rows, filter.window);
}

/** How many proposals wait in one state (the dashboard's figure). */
export async function countProposals(db: Executor, status: ProposalStatus): Promise<number> {
  const row = await db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', status).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** For editors only: includes the proposer's email so they can reply. */
export async function getProposal(db: Executor, id: number) {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}
