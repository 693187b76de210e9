/**
 * From what the database holds to a manuscript: each chapter's text (current or pinned revision)
 * read into blocks, its images resolved to resources, the contributors gathered, the generated
 * pages' texts, the content hash — and every problem, naming its chapter and image. Nothing here
 * reads the database or the clock, so a build, a test and the benchmark assemble the same way.
 */
import { createHash } from 'node:crypto';
import { sniffImageType } from '../../media/index.ts';
import { hasErrors, LONG_BOOK_CHAPTERS, MAX_CHAPTERS, type BuildIssue } from '../domain/build-report.ts';
import { bookTexts, defaultAbout } from '../render/book-texts.ts';
import { countWords, imageSources, inlineText, parseMarkdown, type Block, type ParseNotes } from '../render/markdown-ast.ts';
import type { BookResource, Manuscript, ManuscriptItem } from '../render/manuscript.ts';

export interface StoredImage {
  mime: string;
  bytes: Buffer;
}

export interface ChapterText {
  title: string;
  bodyMd: string;
  /** Authors in credit order: their contributor id and name. */
  authors: { contributorId: number; name: string }[];
  updatedAt: string;
}

export type EntryInput =
  | { id: number; kind: 'part'; title: string; updatedAt: string }
  | { id: number; kind: 'text'; title: string; bodyMd: string; updatedAt: string }
  | {
      id: number;
      kind: 'piece';
      /** A title replacing the piece's own (empty: the piece's). */
      title: string;
      /** The piece's title when it was added (names a chapter whose piece is gone). */
      sourceTitle: string;
      revision: number | null;
      updatedAt: string;
      /** What became of the piece. */
      source: { state: 'deleted' } | { state: 'unpublished' } | { state: 'revisionMissing' } | { state: 'ok'; text: ChapterText };
    };

export interface BuildInputs {
  book: { slug: string; title: string; subtitle: string; edition: string; language: 'fr' | 'en'; aboutMd: string; updatedAt: string };
  /** The cover image, none, or one that was set but is gone. */
  cover: StoredImage | null | 'missing';
  entries: EntryInput[];
  /** Local images the chapters refer to (/media/<key>, or /media/<id> in older texts), by id; an id absent here is missing. */
  media: Map<number, StoredImage>;
  /** The ids of the stored files named by key. */
  mediaKeys: Map<string, number>;
  /** The site's address (local image URLs may be written in full). */
  baseUrl: string;
  trimName: string;
}

export interface Assembly {
  manuscript: Manuscript | null;
  issues: BuildIssue[];
  contentHash: string;
  /** Who wrote which included chapter (entry id → contributor ids): their book-chapter credits. */
  creditsByEntry: Map<number, number[]>;
  /** Each author's number of chapters: the weights their royalties are shared by. */
  chaptersByContributor: Map<number, number>;
  words: number;
}

/** A stored file of the site named by an image: /media/<key> (or /media/<id> in older texts), with or without the site's address. */
export function localMediaRef(src: string, baseUrl: string): { key: string } | { id: number } | null {
  const path = src.startsWith(baseUrl) ? src.slice(baseUrl.length) : src;
  const key = /^\/media\/([A-Za-z0-9_-]{22})$/.exec(path);
  if (key) return { key: key[1]! };
  const id = /^\/media\/(\d{1,15})$/.exec(path);
  return id ? { id: Number(id[1]) } : null;
}

const EPUB_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);
const extensionOf = (mime: string) => (mime === 'image/jpeg' ? 'jpg' : mime.split('/')[1]!);

function resource(image: StoredImage): BookResource {
  return { name: `img-${createHash('sha256').update(image.bytes).digest('hex').slice(0, 20)}.${extensionOf(image.mime)}`, mime: image.mime, bytes: image.bytes };
}

/** Reads `data:image/…;base64,…` sources (markdown-it lets them through for images). */
function dataImage(src: string): StoredImage | null {
  const m = /^data:image\/[a-z+]+;base64,([A-Za-z0-9+/=\s]+)$/i.exec(src);
  if (!m) return null;
  const bytes = Buffer.from(m[1]!, 'base64');
  const mime = sniffImageType(bytes);
  return mime ? { mime, bytes } : null;
}

function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const stamp = (iso: string) => `${iso.slice(0, 19)}Z`;

/** Assembles the book, or says why it cannot be. */
export function assemble(input: BuildInputs): Assembly {
  const lang = input.book.language;
  const issues: BuildIssue[] = [];
  const items: ManuscriptItem[] = [];
  const images = new Map<string, BookResource | null>();
  const creditsByEntry = new Map<number, number[]>();
  const chaptersByContributor = new Map<number, number>();
  const authorsOrder: string[] = [];
  const contributorChapters = new Map<string, string[]>();
  const hash = createHash('sha256');
  const feed = (value: unknown) => hash.update(JSON.stringify(value)).update('\n');
  feed({ v: 1, book: { ...input.book, updatedAt: undefined }, trim: input.trimName });
  let modified = input.book.updatedAt;
  let words = 0;

  const chapterCount = input.entries.filter((e) => e.kind !== 'part').length;
  if (chapterCount === 0) issues.push({ code: 'empty' });
  if (chapterCount > MAX_CHAPTERS) issues.push({ code: 'tooManyChapters', detail: String(chapterCount) });
  else if (chapterCount >= LONG_BOOK_CHAPTERS) issues.push({ code: 'longBook', detail: String(chapterCount) });
  if (input.cover === 'missing') issues.push({ code: 'coverMissing' });
  const width = Math.max(3, String(chapterCount).length);
  let chapterNumber = 0;
  let partNumber = 0;

  const resolveImages = (blocks: Block[], chapter: string, position: number) => {
    for (const src of imageSources(blocks)) {
      if (images.has(src)) continue;
      const ref = localMediaRef(src, input.baseUrl);
      const id = ref === null ? null : 'id' in ref ? ref.id : (input.mediaKeys.get(ref.key) ?? -1);
      const stored = id !== null ? input.media.get(id) : src.startsWith('data:') ? dataImage(src) : undefined;
      if (stored) {
        if (!EPUB_IMAGE_TYPES.has(stored.mime)) {
          issues.push({ code: 'imageUnsupported', chapter, position, image: src.slice(0, 200), detail: stored.mime });
          images.set(src, null);
        } else {
          const r = resource(stored);
          images.set(src, r);
          feed({ image: src, name: r.name });
        }
      } else if (id === null && /^https?:\/\//i.test(src)) {
        issues.push({ code: 'imageExternal', chapter, position, image: src.slice(0, 200) });
        images.set(src, null);
      } else {
        issues.push({ code: 'imageMissing', chapter, position, image: src.slice(0, 200) });
        images.set(src, null);
      }
    }
  };

  for (const entry of input.entries) {
    if (entry.updatedAt > modified) modified = entry.updatedAt;
    if (entry.kind === 'part') {
      partNumber += 1;
      const title = inlineText(entry.title, lang);
      feed({ part: title });
      items.push({ kind: 'part', file: `part-${String(partNumber).padStart(2, '0')}`, title });
      continue;
    }
    chapterNumber += 1;
    const position = chapterNumber;
    let title: string;
    let bodyMd: string;
    let authors: { contributorId: number; name: string }[] = [];
    if (entry.kind === 'text') {
      title = entry.title;
      bodyMd = entry.bodyMd;
    } else {
      const name = entry.title || entry.sourceTitle;
      if (entry.source.state !== 'ok') {
        const code = entry.source.state === 'deleted' ? 'pieceDeleted' : entry.source.state === 'unpublished' ? 'pieceUnpublished' : 'revisionMissing';
        issues.push({ code, chapter: name, position, ...(entry.revision !== null ? { detail: String(entry.revision) } : {}) });
        continue;
      }
      const text = entry.source.text;
      if (text.updatedAt > modified) modified = text.updatedAt;
      title = entry.title || text.title;
      bodyMd = text.bodyMd;
      authors = text.authors;
    }
    title = inlineText(title, lang);
    const notes: ParseNotes = { removedCharacters: 0, droppedLinks: [] };
    const blocks = parseMarkdown(bodyMd, lang, notes);
    if (notes.removedCharacters) issues.push({ code: 'charactersRemoved', chapter: title, position, detail: String(notes.removedCharacters) });
    if (notes.flattened) issues.push({ code: 'nestingFlattened', chapter: title, position, detail: String(notes.flattened) });
    if (notes.droppedLinks.length) issues.push({ code: 'linksDropped', chapter: title, position, detail: notes.droppedLinks.slice(0, 3).join(' ') });
    if (blocks.length === 0) issues.push({ code: 'emptyChapter', chapter: title, position });
    resolveImages(blocks, title, position);
    feed({ chapter: title, authors, bodyMd });
    const names = authors.map((a) => a.name);
    for (const a of authors) {
      if (!authorsOrder.includes(a.name)) authorsOrder.push(a.name);
      contributorChapters.set(a.name, [...(contributorChapters.get(a.name) ?? []), title]);
      chaptersByContributor.set(a.contributorId, (chaptersByContributor.get(a.contributorId) ?? 0) + 1);
    }
    creditsByEntry.set(entry.id, [...new Set(authors.map((a) => a.contributorId))]);
    items.push({ kind: 'chapter', file: `chapter-${String(position).padStart(width, '0')}`, number: position, title, authors: names, blocks });
  }
  if (chaptersByContributor.size === 0 && chapterCount > 0) issues.push({ code: 'noContributors' });

  const aboutNotes: ParseNotes = { removedCharacters: 0, droppedLinks: [] };
  const about = parseMarkdown(input.book.aboutMd.trim() || defaultAbout(lang), lang, aboutNotes);
  resolveImages(about, '—', 0);
  feed({ about: input.book.aboutMd });
  const cover = input.cover && input.cover !== 'missing' ? resource(input.cover) : null;
  feed({ cover: cover?.name ?? null });
  const contentHash = hash.digest('hex');
  for (const c of items) if (c.kind === 'chapter') words += countWords(c.blocks);

  if (hasErrors(issues)) return { manuscript: null, issues, contentHash, creditsByEntry, chaptersByContributor, words };
  const date = new Date(modified);
  const siteUrl = `${input.baseUrl}/book/${input.book.slug}`;
  const title = inlineText(input.book.title, lang);
  const manuscript: Manuscript = {
    slug: input.book.slug,
    title,
    subtitle: inlineText(input.book.subtitle, lang),
    edition: input.book.edition,
    lang,
    identifier: `urn:uuid:${uuidFrom(`open-experience:book:${input.book.slug}:${input.book.edition}`)}`,
    modified: stamp(date.toISOString()),
    siteUrl,
    authors: authorsOrder,
    contributors: [...contributorChapters].map(([name, chapters]) => ({ name, chapters })).sort((a, b) => a.name.localeCompare(b.name, lang)),
    cover,
    items,
    about,
    images,
    contentHash,
    texts: bookTexts({
      lang,
      title,
      edition: input.book.edition,
      year: String(date.getUTCFullYear()),
      date: new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date),
      authors: authorsOrder,
      chapters: chapterNumber,
      site: input.baseUrl,
      trim: input.trimName,
    }),
  };
  return { manuscript, issues, contentHash, creditsByEntry, chaptersByContributor, words };
}

