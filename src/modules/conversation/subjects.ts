/** How approved responses appear on their author's contributor page: app.ts registers this resolver for the subject type 'response'. */
import type { SubjectResolver } from '../contributors/index.ts';
import { listPublicPieces } from '../publishing/index.ts';
import { listPublishedResponses } from './queries.ts';

export const responseSubjects: SubjectResolver = async (db, ids, now) => {
  const responses = await listPublishedResponses(db, ids);
  const pieceIds = [...new Set(responses.map((r) => r.piece_id))];
  const pieces = new Map((await listPublicPieces(db, now, { ids: pieceIds, limit: pieceIds.length || 1 })).map((p) => [p.id, p]));
  return responses.flatMap((r) => {
    const piece = pieces.get(r.piece_id);
    if (!piece) return [];
    return [{ id: r.id, title: `${r.title} (${piece.title})`, url: `/pieces/${piece.slug}#response-${r.id}`, kindKey: 'conversation.responseKind' as const, date: r.published_at }];
  });
};
