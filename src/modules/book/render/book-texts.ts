/** The generated pages' texts in the book's language, from the book's catalogue fragment, spaced the French way in French. */
import { translator } from '../../../shared/i18n/index.ts';
import { inlineText } from './markdown-ast.ts';
import type { BookTexts } from './manuscript.ts';

export interface TextFacts {
  lang: 'fr' | 'en';
  title: string;
  edition: string;
  /** The year of the latest change, for the copyright line. */
  year: string;
  /** The date of the latest change, written out. */
  date: string;
  authors: string[];
  chapters: number;
  site: string;
  trim: string;
}

export function bookTexts(f: TextFacts): BookTexts {
  const tr = translator(f.lang);
  const s = (text: string) => inlineText(text, f.lang);
  const edition = tr('book.out.edition', { edition: f.edition });
  return {
    contents: s(tr('book.out.contents')),
    licenceTitle: s(tr('book.out.licenceTitle')),
    licence: s(tr('book.out.licence', { title: f.title, edition, year: f.year })),
    attributionTitle: s(tr('book.out.attributionTitle')),
    attribution: s(f.authors.length ? tr('book.out.attribution', { authors: f.authors.join(', '), site: f.site }) : tr('book.out.attributionNone', { site: f.site })),
    contributorsTitle: s(tr('book.out.contributorsTitle')),
    noContributors: s(tr('book.out.noContributors')),
    aboutTitle: s(tr('book.out.aboutTitle')),
    colophonTitle: s(tr('book.out.colophonTitle')),
    colophon: s(tr('book.out.colophon', { title: f.title, edition, date: f.date, chapters: f.chapters, trim: f.trim })),
    edition: s(edition),
    contentHashLabel: s(tr('book.out.contentHash')),
    previous: s(tr('book.out.previous')),
    next: s(tr('book.out.next')),
    singlePage: s(tr('book.out.singlePage')),
    chapterPages: s(tr('book.out.chapterPages')),
    cover: s(tr('book.out.cover')),
    backToSite: s(tr('book.out.backToSite')),
    part: s(tr('book.out.part')),
    by: s(tr('book.out.by')),
    imageNotEmbedded: s(tr('book.out.imageNotEmbedded')),
    navigation: s(tr('book.out.navigation')),
    skipToText: s(tr('book.out.skipToText')),
  };
}

/** The about-the-programme text when the book has none of its own. */
export function defaultAbout(lang: 'fr' | 'en'): string {
  return translator(lang)('book.out.aboutDefault');
}
