/**
 * One build, from the database to the stored files: read the book, assemble it (stopping with the
 * report when a chapter or an image is wrong), write the EPUB, the web edition and the two PDFs
 * (screen, with its cover; printer's interior, with bleed), then store them all in one
 * transaction. Progress is written as it goes, which also renews the build's lease; a build that
 * fails leaves the book's served files as they were.
 */
import type { BookSettings } from '../../../config.ts';
import type { Db } from '../../../db/database.ts';
import type { BuildIssue } from '../domain/build-report.ts';
import { completeBuild, type BuiltFile } from '../commands/complete-build.ts';
import { failBuild } from '../commands/fail-build.ts';
import { releaseBuild } from '../commands/release-build.ts';
import { reportBuildProgress } from '../commands/report-build-progress.ts';
import type { ClaimedBuild } from '../commands/claim-build.ts';
import { loadBuildInputs } from '../queries/build-inputs.ts';
import { renderEpub } from '../render/epub.ts';
import { compilePdf, PdfCompileError } from '../render/pdf.ts';
import { typstDocument } from '../render/typst-source.ts';
import { renderWebEdition } from '../render/web-edition.ts';
import { assemble } from './assemble.ts';

export const BOOK_FORMATS = ['epub', 'html', 'pdf'] as const;
export type BookFormat = (typeof BOOK_FORMATS)[number];

export interface BuildServices {
  db: Db;
  now: () => Date;
  baseUrl: string;
  book: BookSettings;
  /** How long a build is leased between two progress reports. */
  leaseMs: number;
  /** Told of every progress report (the command line draws its bar with it). */
  onProgress?: (progress: number, step: string) => void;
  formats?: readonly BookFormat[];
  /** Aborted when the process stops: the build hands itself back at its next step (see `releaseBuild`). */
  signal?: AbortSignal;
}

export type BuildOutcome = { ok: true; issues: BuildIssue[]; contentHash: string; files: number } | { ok: false; issues: BuildIssue[] };

/** The build's process lost its lease to another: it stops without writing anything. */
class LeaseLost extends Error {}

/** The process is stopping: the build is handed back for another process, unharmed. */
class Stopping extends Error {}

/** Rejects as soon as the signal aborts, so a long step (Typst in its thread) is not waited for. */
function unlessStopping<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new Stopping());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Stopping());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runBuild(s: BuildServices, build: ClaimedBuild): Promise<BuildOutcome> {
  const system = () => ({ db: s.db, actor: null, now: s.now() });
  const progress = async (value: number, step: string) => {
    if (s.signal?.aborted) throw new Stopping();
    s.onProgress?.(value, step);
    const mine = await reportBuildProgress(system(), { buildId: build.id, progress: value, step, leaseUntil: new Date(s.now().getTime() + s.leaseMs) });
    if (!mine) throw new LeaseLost();
    await yieldToRequests();
  };
  const formats = new Set(s.formats ?? BOOK_FORMATS);
  try {
    await progress(1, 'reading');
    const inputs = await loadBuildInputs(s.db, { bookId: build.bookId, now: s.now(), baseUrl: s.baseUrl, trimName: s.book.trim.name });
    if (!inputs) {
      await failBuild(system(), { buildId: build.id, issues: [{ code: 'empty' }] });
      return { ok: false, issues: [{ code: 'empty' }] };
    }
    await progress(3, 'assembling');
    const assembly = assemble(inputs);
    const m = assembly.manuscript;
    if (!m) {
      await failBuild(system(), { buildId: build.id, issues: assembly.issues, contentHash: assembly.contentHash });
      return { ok: false, issues: assembly.issues };
    }
    const issues = [...assembly.issues];
    const files: BuiltFile[] = [];
    if (formats.has('epub')) {
      const epub = await renderEpub(m, (done, total) => progress(5 + (25 * done) / total, 'epub'));
      files.push({ path: 'book.epub', mime: 'application/epub+zip', data: epub });
    }
    if (formats.has('html')) {
      const web = await renderWebEdition(m, (done, total) => progress(30 + (15 * done) / total, 'html'));
      files.push(...web.map((f) => ({ path: f.path, mime: f.mime, data: f.data })));
    }
    if (formats.has('pdf')) {
      const { widthMm, heightMm } = s.book.trim;
      const timestamp = Math.floor(Date.parse(m.modified) / 1000);
      const layouts = [
        { path: 'book.pdf', step: 'pdf', at: 45, layout: { widthMm, heightMm, bleedMm: 0, withCover: true } },
        { path: 'book-print.pdf', step: 'pdf-print', at: 70, layout: { widthMm, heightMm, bleedMm: s.book.bleedMm, withCover: false } },
      ];
      for (const { path, step, at, layout } of layouts) {
        await progress(at, step);
        const doc = typstDocument(m, layout);
        // The lease is renewed while Typst works in its thread.
        const beat = setInterval(() => void reportBuildProgress(system(), { buildId: build.id, progress: at, step, leaseUntil: new Date(s.now().getTime() + s.leaseMs) }), Math.max(1000, s.leaseMs / 3));
        try {
          const pdf = await unlessStopping(compilePdf({ source: doc.source, files: doc.files, timestamp }), s.signal);
          files.push({ path, mime: 'application/pdf', data: pdf.pdf });
          issues.push(...pdf.warnings.slice(0, 5).map((w): BuildIssue => ({ code: 'pdfWarning', detail: w.slice(0, 300) })));
        } finally {
          clearInterval(beat);
        }
      }
    }
    await progress(96, 'storing');
    const stored = await completeBuild(system(), { buildId: build.id, files, issues, contentHash: assembly.contentHash, creditsByEntry: assembly.creditsByEntry, chaptersByContributor: assembly.chaptersByContributor });
    if (!stored) throw new LeaseLost();
    s.onProgress?.(100, 'done');
    return { ok: true, issues, contentHash: assembly.contentHash, files: files.length };
  } catch (error) {
    if (error instanceof LeaseLost) return { ok: false, issues: [{ code: 'interrupted' }] };
    if (error instanceof Stopping) {
      await releaseBuild(system(), { buildId: build.id });
      return { ok: false, issues: [{ code: 'interrupted' }] };
    }
    const issues: BuildIssue[] = error instanceof PdfCompileError ? error.messages.slice(0, 5).map((detail) => ({ code: 'pdfFailed', detail: detail.slice(0, 300) })) : [{ code: 'interrupted', detail: (error as Error).message.slice(0, 300) }];
    await failBuild(system(), { buildId: build.id, issues });
    return { ok: false, issues };
  }
}
