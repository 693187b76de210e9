/**
 * One format of the benchmark book, built in a process of its own so its peak memory is its own:
 * `node --import tsx bench/scenarios/book-build-child.ts <epub|html|pdf|markdown> <out-dir>`.
 * The time counts reading the chapters' Markdown as well (pandoc's baseline reads it too). Prints
 * JSON: { ms, bytes, peakRssMb, words, chapters }. `markdown` writes the same book as one Markdown
 * file for pandoc.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assemble } from '../../src/modules/book/build/assemble.ts';
import { renderEpub } from '../../src/modules/book/render/epub.ts';
import { compilePdf } from '../../src/modules/book/render/pdf.ts';
import { typstDocument } from '../../src/modules/book/render/typst-source.ts';
import { renderWebEdition } from '../../src/modules/book/render/web-edition.ts';
import { sampleInputs } from '../../tests/support/book-inputs.ts';

export const BENCH_CHAPTERS = 200;
export const BENCH_WORDS_PER_CHAPTER = 1770;

const [format, outDir] = process.argv.slice(2) as [string, string];
mkdirSync(outDir, { recursive: true });
const inputs = sampleInputs({ chapters: BENCH_CHAPTERS, parts: 10, wordsPerChapter: BENCH_WORDS_PER_CHAPTER, image: true, slug: 'bench' });

if (format === 'markdown') {
  const chapters = inputs.entries.flatMap((e) => (e.kind === 'text' ? [`# ${e.title}\n\n${e.bodyMd}`] : e.kind === 'piece' && e.source.state === 'ok' ? [`# ${e.source.text.title}\n\n*${e.source.text.authors.map((a) => a.name).join(', ')}*\n\n${e.source.text.bodyMd}`] : []));
  writeFileSync(path.join(outDir, 'book.md'), `---\ntitle: "${inputs.book.title}"\nlang: fr\nrights: CC BY-SA 4.0\n---\n\n${chapters.join('\n\n').replaceAll('(/media/1)', '(pixel.png)')}\n`);
  writeFileSync(path.join(outDir, 'pixel.png'), inputs.media.get(1)!.bytes);
  process.stdout.write(JSON.stringify({ ok: true }));
} else {
  const started = performance.now();
  const a = assemble(inputs);
  const m = a.manuscript!;
  let bytes = 0;
  if (format === 'epub') {
    const epub = await renderEpub(m);
    writeFileSync(path.join(outDir, 'book.epub'), epub);
    bytes = epub.length;
  } else if (format === 'html') {
    for (const f of await renderWebEdition(m)) {
      const file = path.join(outDir, f.path);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, f.data);
      bytes += f.data.length;
    }
  } else if (format === 'pdf') {
    const doc = typstDocument(m, { widthMm: 148, heightMm: 210, bleedMm: 0, withCover: true });
    const pdf = await compilePdf({ source: doc.source, files: doc.files, timestamp: 0 });
    writeFileSync(path.join(outDir, 'book.pdf'), pdf.pdf);
    bytes = pdf.pdf.length;
  } else throw new Error(`unknown format ${format}`);
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024, words: a.words, chapters: BENCH_CHAPTERS }));
}
