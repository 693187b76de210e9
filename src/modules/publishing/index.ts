/** Publishing: pieces of four kinds, their editorial workflow, revisions, and public proposals. */
import { contributionSubjects } from '../contributors/index.ts';
import { listPublishedRefs } from './queries.ts';

export { listPublishedPieces, listPublishedRefs, listThemes } from './queries.ts';
export { savePiece } from './commands/save-piece.ts';
export { transitionPiece } from './commands/transition-piece.ts';
export { proposePiece, acceptProposal } from './commands/proposals.ts';
export { kindPath, PIECE_KINDS } from './domain/kinds.ts';

export const pieceSubjects = async (db: import('../../db/database.ts').Executor, ids: number[], now: Date) =>
  (await listPublishedRefs(db, now, ids)).map((p) => ({
    id: p.id,
    title: p.title,
    url: `/pieces/${p.slug}`,
    kindKey: `kind.${p.kind}`,
    date: p.published_at,
  }));
contributionSubjects.register('piece', pieceSubjects);

