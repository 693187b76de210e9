/**
 * The outputs from a manuscript, without a database: epubcheck on a generated large book, the same
 * bytes twice, bad input named in the report (empty book, no contributors, missing and external
 * images, a 10,000-chapter book and one over the limit), hostile Markdown escaped in every format.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleInputs } from '../../../../tests/support/book-inputs.ts';
import { epubcheck, pdfText } from '../../../../tests/support/book-tools.ts';
import { assemble, type BuildInputs } from '../build/assemble.ts';
import { renderEpub } from './epub.ts';
import { compilePdf } from './pdf.ts';
import { typstDocument } from './typst-source.ts';
import { renderWebEdition } from './web-edition.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'book-render-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


const HOSTILE = [
  '<script>alert(1)</script> <img src=x onerror=alert(2)> & </p></body>',
  '[click](javascript:alert(3)) [data](data:text/html,<b>x</b>) [ok](https://exemple.org/?a=1&b="2")',
  `Un "guillemet" \\ une barre #titre $math$ *gras* _it_ \`#code\` @ref <label> = - + / [crochets] ~`,
  'Contrôle \u0000\u0001\u0008\u000B\u001F et \uFFFE et \uD800 seul',
  '> '.repeat(60) + 'très imbriqué',
  '| a | b |\n|:-|-:|\n| 1 | 2 | 3 |\n| seul |',
  '```\n#set page(width: 1mm)\n" \\ ]\n```',
  '![](https://ailleurs.example/image.png)',
  '<!-- commentaire --> &#x202E; &lt;/html&gt;',
].join('\n\n');

function hostileInputs(): BuildInputs {
  const inputs = sampleInputs({ chapters: 2 });
  inputs.entries.push({ id: 999, kind: 'text', title: 'Titre "hostile" #set \\ ]<b>', bodyMd: HOSTILE, updatedAt: '2026-05-01T10:00:00.000Z' });
  return inputs;
}

describe('the book outputs', () => {
  it('writes a large generated book that epubcheck passes, the same bytes every time', async () => {
    const inputs = sampleInputs({ chapters: 240, parts: 6, wordsPerChapter: 300, image: true });
    const a = assemble(inputs);
    expect(a.issues).toEqual([]);
    const epub = await renderEpub(a.manuscript!);
    expect(epubcheck(epub, tmp, 'large.epub')).toContain('No errors or warnings detected');
    const again = assemble(sampleInputs({ chapters: 240, parts: 6, wordsPerChapter: 300, image: true }));
    expect(again.contentHash).toBe(a.contentHash);
    expect((await renderEpub(again.manuscript!)).equals(epub)).toBe(true);
    const web = await renderWebEdition(a.manuscript!);
    const webAgain = await renderWebEdition(again.manuscript!);
    expect(web.map((f) => f.path)).toEqual(webAgain.map((f) => f.path));
    expect(web.every((f, i) => f.data.equals(webAgain[i]!.data))).toBe(true);
    expect(web.filter((f) => f.path.endsWith('.html'))).toHaveLength(240 + 6 + 3);
    expect(web.some((f) => f.path.startsWith('html/images/img-'))).toBe(true);
  }, 120_000);

  it('changes the content hash, not only the bytes, when a chapter changes', () => {
    const a = sampleInputs({ chapters: 3 });
    const b = sampleInputs({ chapters: 3 });
    const entry = b.entries[0]!;
    if (entry.kind === 'piece' && entry.source.state === 'ok') entry.source.text.bodyMd += '\n\nUne phrase de plus.';
    expect(assemble(a).contentHash).not.toBe(assemble(b).contentHash);
  });

  it('escapes hostile Markdown in the EPUB, the web edition and the PDF', async () => {
    const a = assemble(hostileInputs());
    const m = a.manuscript!;
    expect(a.issues.map((i) => i.code).sort()).toEqual(['charactersRemoved', 'imageExternal', 'nestingFlattened']);
    const epub = await renderEpub(m);
    expect(epubcheck(epub, tmp, 'hostile.epub')).toContain('No errors or warnings detected');
    const single = (await renderWebEdition(m)).find((f) => f.path === 'html/single.html')!.data.toString('utf8');
    expect(single).not.toContain('<script>');
    expect(single).not.toMatch(/<img[^>]*onerror/);
    expect(single).not.toMatch(/href="(javascript|data):/i);
    expect(single).toContain('<a href="https://exemple.org/?a=1&amp;b=%222%22">ok</a>');
    expect(single).toContain('&lt;script&gt;');
    expect(single).toContain('[Image non incluse');
    const doc = typstDocument(m, { widthMm: 148, heightMm: 210, bleedMm: 0, withCover: false });
    const pdf = await compilePdf({ source: doc.source, files: doc.files, timestamp: 0 });
    const text = pdfText(pdf.pdf, tmp, 'hostile.pdf');
    expect(text).toContain('#set page(width: 1mm)');
    expect(text.replace(/\s+/g, ' ')).toContain('Titre "hostile" #set \\ ]<b>');
  }, 60_000);

  it('names what is wrong: an empty book, a missing image, no contributors, a deleted or unpublished piece', () => {
    const empty = sampleInputs({ chapters: 0 });
    expect(assemble(empty).issues).toEqual([{ code: 'empty' }]);
    expect(assemble(empty).manuscript).toBeNull();

    const missing = sampleInputs({ chapters: 2 });
    missing.entries.push({ id: 50, kind: 'text', title: 'Avec image', bodyMd: '![Carte](/media/4242) et ![clé](/media/AAAAAAAAAAAAAAAAAAAAAA)', updatedAt: '2026-05-01T10:00:00.000Z' });
    const report = assemble(missing);
    expect(report.manuscript).toBeNull();
    expect(report.issues).toEqual([
      { code: 'imageMissing', chapter: 'Avec image', position: 3, image: '/media/4242' },
      { code: 'imageMissing', chapter: 'Avec image', position: 3, image: '/media/AAAAAAAAAAAAAAAAAAAAAA' },
    ]);

    const anonymous: BuildInputs = { ...sampleInputs({ chapters: 0 }), entries: [{ id: 1, kind: 'text', title: 'Seul texte', bodyMd: 'Du texte.', updatedAt: '2026-05-01T10:00:00.000Z' }] };
    const alone = assemble(anonymous);
    expect(alone.manuscript).not.toBeNull();
    expect(alone.issues).toEqual([{ code: 'noContributors' }]);

    const broken = sampleInputs({ chapters: 0 });
    broken.entries.push(
      { id: 1, kind: 'piece', title: '', sourceTitle: 'Disparue', revision: null, updatedAt: '2026-05-01T10:00:00.000Z', source: { state: 'deleted' } },
      { id: 2, kind: 'piece', title: '', sourceTitle: 'Retirée', revision: 4, updatedAt: '2026-05-01T10:00:00.000Z', source: { state: 'unpublished' } },
    );
    expect(assemble(broken).issues).toEqual([
      { code: 'pieceDeleted', chapter: 'Disparue', position: 1 },
      { code: 'pieceUnpublished', chapter: 'Retirée', position: 2, detail: '4' },
      { code: 'noContributors' },
    ]);
  });

  it('builds a 10,000-chapter book (with a warning) and refuses one more', async () => {
    const big = assemble(sampleInputs({ chapters: 10_000, wordsPerChapter: 20 }));
    expect(big.issues).toEqual([{ code: 'longBook', detail: '10000' }]);
    const epub = await renderEpub(big.manuscript!);
    expect(epub.length).toBeGreaterThan(1_000_000);
    const web = await renderWebEdition(big.manuscript!);
    expect(web.filter((f) => /chapter-\d{5}\.html$/.test(f.path))).toHaveLength(10_000);
    const tooBig = assemble(sampleInputs({ chapters: 10_001, wordsPerChapter: 1 }));
    expect(tooBig.manuscript).toBeNull();
    expect(tooBig.issues).toContainEqual({ code: 'tooManyChapters', detail: '10001' });
  }, 120_000);
});
