/** Publishing: pieces of four kinds, their editorial workflow, revisions, and public proposals. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { contributionSubjects } from '../contributors/index.ts';
import { editorPublishingRoutes } from './editor-routes.tsx';
import { listPublishedRefs } from './queries.ts';
import { publicPublishingRoutes } from './routes.tsx';
import { themeRoutes } from './theme-routes.tsx';

export { listPublishedPieces, listPublishedRefs, listThemes } from './queries.ts';
export { savePiece } from './commands/save-piece.ts';
export { transitionPiece } from './commands/transition-piece.ts';
export { proposePiece, acceptProposal } from './commands/proposals.ts';
export { kindPath, PIECE_KINDS } from './domain/kinds.ts';

contributionSubjects.register('piece', async (db, ids, now) =>
  (await listPublishedRefs(db, now, ids)).map((p) => ({
    id: p.id,
    title: p.title,
    url: `/pieces/${p.slug}`,
    kindKey: `kind.${p.kind}`,
    date: p.published_at,
  })),
);

export function registerPublishing(app: FastifyInstance, deps: AppDeps): void {
  publicPublishingRoutes(app, deps);
  editorPublishingRoutes(app, deps);
  themeRoutes(app, deps);
}
