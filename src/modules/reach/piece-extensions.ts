/** What reach adds to pieces through publishing's extension points (wired by app.ts). */
import type { PieceHook, PieceSection } from '../publishing/index.ts';
import { indexDocuments } from './commands/index-documents.ts';
import type { SearchSource } from './search-sources.ts';

/** The piece's comments feeds, announced in its page's head for feed readers. */
export const commentFeedsSection: PieceSection = async ({ piece }) => ({
  links: [
    { rel: 'alternate', type: 'application/rss+xml', href: `/feeds/comments/${piece.slug}.rss`, title: `${piece.title} — RSS` },
    { rel: 'alternate', type: 'application/atom+xml', href: `/feeds/comments/${piece.slug}.atom`, title: `${piece.title} — Atom` },
    { rel: 'alternate', type: 'application/feed+json', href: `/feeds/comments/${piece.slug}.json`, title: `${piece.title} — JSON Feed` },
  ],
});

/** Keeps the search index (and the feeds made from it) in step with a piece published, updated or withdrawn. */
export function searchIndexHook(source: SearchSource): PieceHook {
  return async ({ db, now, pieceId }) => {
    await indexDocuments({ db, actor: null, now }, { source, ids: [pieceId] });
  };
}
