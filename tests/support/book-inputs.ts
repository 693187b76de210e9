/**
 * Books made in memory for the book module's tests and benchmark: BuildInputs as the build reads
 * them from the database, with French text, accents, parts, an image, and as many chapters and
 * words as asked.
 */
import type { BuildInputs, EntryInput } from '../../src/modules/book/build/assemble.ts';

/** A 1×1 red PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

const WORDS = 'le logiciel libre est une affaire de liberté pas de prix chaque contributeur partage ses connaissances avec la communauté ouverte et solidaire économie éditoriale'.split(' ');

/** About `words` words of French prose, in paragraphs, deterministic for a given seed. */
export function prose(words: number, seed = 1): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let x = seed;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    paragraph.push(WORDS[(x >>> 16) % WORDS.length]!);
    if (paragraph.length >= 90) {
      out.push(`${paragraph.join(' ')} : voilà ! « Pourquoi ? » dit-elle ; ainsi.`);
      paragraph = [];
    }
  }
  if (paragraph.length) out.push(`${paragraph.join(' ')}.`);
  return out.join('\n\n');
}

export function sampleInputs(options: { chapters: number; wordsPerChapter?: number; parts?: number; image?: boolean; slug?: string } = { chapters: 3 }): BuildInputs {
  const entries: EntryInput[] = [];
  const perPart = options.parts ? Math.ceil(options.chapters / options.parts) : Infinity;
  const updatedAt = '2026-05-01T10:00:00.000Z';
  for (let i = 0; i < options.chapters; i++) {
    if (options.parts && i % perPart === 0) entries.push({ id: 100_000 + i, kind: 'part', title: `Partie ${i / perPart + 1} : écologie`, updatedAt });
    const image = options.image && i === 0 ? '\n\n![Une image rouge](/media/1)\n' : '';
    const body = `## Première section\n\n${prose(options.wordsPerChapter ?? 120, i + 1)}${image}\n\n> Une citation « célèbre ».\n\n- un\n- deux\n\n\`\`\`\ncode <b>brut</b>\n\`\`\``;
    if (i % 5 === 4) entries.push({ id: i + 1, kind: 'text', title: `Transition n° ${i + 1}`, bodyMd: body, updatedAt });
    else
      entries.push({
        id: i + 1,
        kind: 'piece',
        title: '',
        sourceTitle: `Élégie ${i + 1}`,
        revision: null,
        updatedAt,
        source: { state: 'ok', text: { title: `Élégie à l’été n° ${i + 1} : Œuvre, çà et là`, bodyMd: body, authors: [{ contributorId: 1 + (i % 3), name: ['Zoé Écrivaine', 'Ada Lovelace', 'Édouard Ünïcode'][i % 3]! }], updatedAt } },
      });
  }
  return {
    book: { slug: options.slug ?? 'le-livre', title: 'Le livre ouvert : synthèse', subtitle: 'Ce que nous avons appris', edition: '1', language: 'fr', aboutMd: '', updatedAt },
    cover: null,
    entries,
    media: new Map([[1, { mime: 'image/png', bytes: TINY_PNG }]]),
    mediaKeys: new Map(),
    baseUrl: 'http://localhost:3000',
    trimName: 'A5',
  };
}
