/** How pieces appear on contributor pages: app.ts registers this resolver for the subject type 'piece'. */
import type { SubjectResolver } from '../contributors/index.ts';
import { listPublishedRefs } from './queries.ts';

/** Public summaries of the published pieces among `ids` (unpublished ones are left out). */
export const pieceSubjects: SubjectResolver = async (db, ids, now) =>
  (await listPublishedRefs(db, now, ids)).map((p) => ({
    id: p.id,
    title: p.title,
    url: `/pieces/${p.slug}`,
    kindKey: `kind.${p.kind}`,
    date: p.published_at,
  }));
