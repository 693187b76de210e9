/**
 * A book ready to render: its metadata, its parts and chapters in order (each chapter's Markdown
 * already read into blocks), its contributors, its images resolved to the book's own resources,
 * and the texts of the generated pages in the book's language. Every output (EPUB, web edition,
 * PDF) is a pure function of it, so the same manuscript gives the same bytes.
 */
import type { Block } from './markdown-ast.ts';

export interface BookResource {
  /** Its file name inside the book (`img-3f2a….png`), derived from its content. */
  name: string;
  mime: string;
  bytes: Buffer;
}

export interface ManuscriptPart {
  kind: 'part';
  /** Its file name without extension (`part-01`). */
  file: string;
  title: string;
}

export interface ManuscriptChapter {
  kind: 'chapter';
  file: string;
  /** 1-based, over the whole book. */
  number: number;
  title: string;
  /** Who wrote it, in credit order (empty for an unsigned editor's text). */
  authors: string[];
  blocks: Block[];
}

export type ManuscriptItem = ManuscriptPart | ManuscriptChapter;

/** The strings of the generated pages, in the book's language. */
export interface BookTexts {
  contents: string;
  licenceTitle: string;
  /** The licence paragraph (CC BY-SA 4.0), already filled with the book's title and year. */
  licence: string;
  attributionTitle: string;
  attribution: string;
  contributorsTitle: string;
  noContributors: string;
  aboutTitle: string;
  colophonTitle: string;
  colophon: string;
  edition: string;
  contentHashLabel: string;
  previous: string;
  next: string;
  singlePage: string;
  chapterPages: string;
  cover: string;
  backToSite: string;
  part: string;
  by: string;
  imageNotEmbedded: string;
  navigation: string;
  skipToText: string;
}

export interface Manuscript {
  slug: string;
  title: string;
  subtitle: string;
  edition: string;
  lang: 'fr' | 'en';
  /** `urn:uuid:…`, stable for a book and edition. */
  identifier: string;
  /** The latest change of anything in the book, `YYYY-MM-DDThh:mm:ssZ` (the EPUB's dcterms:modified). */
  modified: string;
  /** Where the book lives on the site (for the back matter and the web edition's links). */
  siteUrl: string;
  /** Every author of an included chapter, in order of first appearance. */
  authors: string[];
  /** The list of contributors: each with the chapters they wrote. */
  contributors: { name: string; chapters: string[] }[];
  cover: BookResource | null;
  items: ManuscriptItem[];
  about: Block[];
  /** Image sources of the chapters and what they became: a resource, or null (not embeddable: shown as text). */
  images: Map<string, BookResource | null>;
  /** The content hash (sha256 of every input), printed in the colophon. */
  contentHash: string;
  texts: BookTexts;
}

/** The distinct resources of a manuscript (cover excluded), in name order: a stable listing. */
export function imageResources(m: Manuscript): BookResource[] {
  const byName = new Map<string, BookResource>();
  for (const r of m.images.values()) if (r) byName.set(r.name, r);
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function chaptersOf(m: Manuscript): ManuscriptChapter[] {
  return m.items.filter((i): i is ManuscriptChapter => i.kind === 'chapter');
}
