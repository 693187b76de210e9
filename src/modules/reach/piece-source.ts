/** Published pieces as a search source (and the documents their feeds are made of). */
import { Parser } from 'htmlparser2';
import { listPublicPieces, type PublicPiece } from '../publishing/index.ts';
import type { SearchDocument, SearchSource } from './search-sources.ts';

/** Control characters never reach the index: two of them mark the matches of a search. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

/** The text of a piece's rendered body (already sanitised HTML), block elements kept apart. */
function textOf(html: string): string {
  const parts: string[] = [];
  const parser = new Parser(
    {
      ontext: (text) => void parts.push(text),
      onclosetag: (name) => void (/^(p|h\d|li|blockquote|pre|td|th|br)$/.test(name) && parts.push('\n')),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/[ \t]+/g, ' ').replace(/\n\s*/g, '\n').trim();
}

function toDocument(piece: PublicPiece): SearchDocument {
  return {
    sourceId: piece.id,
    url: `/pieces/${piece.slug}`,
    title: clean(piece.title),
    summary: clean(piece.summary),
    body: clean(textOf(piece.body_html)),
    authors: piece.credits.map((c) => ({ name: clean(c.name), url: `/contributors/${c.slug}`, role: c.kind })),
    contentHtml: piece.body_html,
    kind: piece.kind,
    language: piece.language,
    licence: piece.licence,
    publishedAt: piece.published_at ?? piece.updated_at,
    updatedAt: piece.updated_at,
    tags: [...piece.themes.map((t) => `theme:${t.id}`), ...new Set(piece.credits.map((c) => `contributor:${c.slug}`))],
  };
}

export const pieceSearchSource: SearchSource = {
  name: 'piece',
  list: async (db, now, afterId, limit) => (await listPublicPieces(db, now, { afterId, limit })).map(toDocument),
  get: async (db, now, ids) => (await listPublicPieces(db, now, { ids, limit: Math.max(ids.length, 1) })).map(toDocument),
};
