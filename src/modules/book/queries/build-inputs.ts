/**
 * Everything a build reads, in one go: the book, its entries in order, each piece's current public
 * text or pinned revision with its credits, and the images the chapters point at. Pieces come
 * through publishing's public face (listPublicPieces); pinned revisions and the stored images are
 * read here, by id, as the build's only view of them (docs/decisions/018-book.md).
 */
import type { Executor } from '../../../db/database.ts';
import { listPublicPieces, type PublicPiece } from '../../publishing/index.ts';
import { imageSources, parseMarkdown } from '../render/markdown-ast.ts';
import { mediaIdsOfKeys } from '../../media/index.ts';
import { localMediaRef, type BuildInputs, type ChapterText, type EntryInput, type StoredImage } from '../build/assemble.ts';
import { getBook } from './books.ts';
import { listEntries } from './entries.ts';

const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

async function publicPieces(db: Executor, now: Date, ids: number[]): Promise<Map<number, PublicPiece>> {
  const out = new Map<number, PublicPiece>();
  for (const part of chunks([...new Set(ids)])) for (const p of await listPublicPieces(db, now, { ids: part, limit: part.length })) out.set(p.id, p);
  return out;
}

interface Snapshot {
  title: string;
  body_md: string;
  credits: { contributorId: number; kind: string }[];
}

async function revisions(db: Executor, wanted: { pieceId: number; number: number }[]): Promise<Map<string, { snapshot: Snapshot; createdAt: string }>> {
  const out = new Map<string, { snapshot: Snapshot; createdAt: string }>();
  for (const part of chunks(wanted)) {
    const rows = await db
      .selectFrom('piece_revisions')
      .select(['piece_id', 'number', 'snapshot', 'created_at'])
      .where((eb) => eb.or(part.map((w) => eb.and([eb('piece_id', '=', w.pieceId), eb('number', '=', w.number)]))))
      .execute();
    for (const r of rows) out.set(`${r.piece_id}:${r.number}`, { snapshot: JSON.parse(r.snapshot) as Snapshot, createdAt: r.created_at });
  }
  return out;
}

async function contributorNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const part of chunks([...new Set(ids)])) for (const c of await db.selectFrom('contributors').select(['id', 'name']).where('id', 'in', part).execute()) out.set(c.id, c.name);
  return out;
}

/** Public images by id (a receipt, being private, is never put in a book). */
export async function loadImages(db: Executor, ids: number[]): Promise<Map<number, StoredImage>> {
  const out = new Map<number, StoredImage>();
  for (const part of chunks([...new Set(ids)])) {
    for (const m of await db.selectFrom('media').select(['id', 'mime', 'bytes']).where('id', 'in', part).where('private', '=', 0).execute()) out.set(m.id, { mime: m.mime, bytes: Buffer.from(m.bytes) });
  }
  return out;
}

const unique = <T>(list: T[], key: (x: T) => unknown) => list.filter((x, i) => list.findIndex((y) => key(y) === key(x)) === i);

export async function loadBuildInputs(db: Executor, input: { bookId: number; now: Date; baseUrl: string; trimName: string }): Promise<BuildInputs | undefined> {
  const book = await getBook(db, input.bookId);
  if (!book) return undefined;
  const entries = await listEntries(db, book.id);
  const pieceIds = entries.flatMap((e) => (e.kind === 'piece' && e.pieceId !== null ? [e.pieceId] : []));
  const pieces = await publicPieces(db, input.now, pieceIds);
  const pinned = await revisions(
    db,
    entries.flatMap((e) => (e.kind === 'piece' && e.pieceId !== null && e.revisionNumber !== null ? [{ pieceId: e.pieceId, number: e.revisionNumber }] : [])),
  );
  const names = await contributorNames(db, [...pinned.values()].flatMap((r) => r.snapshot.credits.map((c) => c.contributorId)));

  const out: EntryInput[] = entries.map((e): EntryInput => {
    if (e.kind === 'part') return { id: e.id, kind: 'part', title: e.title, updatedAt: e.updatedAt };
    if (e.kind === 'text') return { id: e.id, kind: 'text', title: e.title, bodyMd: e.bodyMd, updatedAt: e.updatedAt };
    const base = { id: e.id, kind: 'piece' as const, title: e.title, sourceTitle: e.pieceTitle ?? e.sourceTitle, revision: e.revisionNumber, updatedAt: e.updatedAt };
    if (e.pieceId === null) return { ...base, source: { state: 'deleted' } };
    const piece = pieces.get(e.pieceId);
    if (!piece) return { ...base, source: { state: 'unpublished' } };
    let text: ChapterText;
    if (e.revisionNumber === null) {
      text = { title: piece.title, bodyMd: piece.body_md, authors: unique(piece.credits.map((c) => ({ contributorId: c.contributorId, name: c.name })), (a) => a.contributorId), updatedAt: piece.updated_at };
    } else {
      const revision = pinned.get(`${e.pieceId}:${e.revisionNumber}`);
      if (!revision) return { ...base, source: { state: 'revisionMissing' } };
      const s = revision.snapshot;
      const authors = unique(s.credits.filter((c) => names.has(c.contributorId)).map((c) => ({ contributorId: c.contributorId, name: names.get(c.contributorId)! })), (a) => a.contributorId);
      text = { title: s.title, bodyMd: s.body_md, authors, updatedAt: revision.createdAt };
    }
    return { ...base, source: { state: 'ok', text } };
  });

  // The local images the chapters and the back matter point at.
  const sources = out.flatMap((e) => (e.kind === 'text' ? [e.bodyMd] : e.kind === 'piece' && e.source.state === 'ok' ? [e.source.text.bodyMd] : [])).concat(book.aboutMd);
  const notes = { removedCharacters: 0, droppedLinks: [] as string[] };
  const refs = sources.flatMap((md) => (md.includes('/media/') ? imageSources(parseMarkdown(md, 'en', notes)) : [])).flatMap((src) => {
    const ref = localMediaRef(src, input.baseUrl);
    return ref === null ? [] : [ref];
  });
  const mediaKeys = await mediaIdsOfKeys(db, refs.flatMap((r) => ('key' in r ? [r.key] : [])));
  const ids = [...refs.flatMap((r) => ('id' in r ? [r.id] : [])), ...mediaKeys.values()];
  const media = await loadImages(db, book.coverMediaId !== null ? [...ids, book.coverMediaId] : ids);
  const cover = book.coverMediaId === null ? null : (media.get(book.coverMediaId) ?? 'missing');
  return {
    book: { slug: book.slug, title: book.title, subtitle: book.subtitle, edition: book.edition, language: book.language, aboutMd: book.aboutMd, updatedAt: book.updatedAt },
    cover,
    entries: out,
    media,
    mediaKeys,
    baseUrl: input.baseUrl,
    trimName: input.trimName,
  };
}
