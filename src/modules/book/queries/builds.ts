/** Reads of the builds: the latest one of a book (its progress and report), the served one, and its files. */
import type { Executor } from '../../../db/database.ts';
import type { BuildIssue } from '../domain/build-report.ts';
import type { BuildStatus } from '../domain/build-status.ts';

export interface BuildRow {
  id: number;
  bookId: number;
  status: BuildStatus;
  progress: number;
  step: string;
  attempts: number;
  report: BuildIssue[];
  contentHash: string | null;
  edition: string;
  createdAt: string;
  finishedAt: string | null;
}

const COLUMNS = ['id', 'book_id', 'status', 'progress', 'step', 'attempts', 'report', 'content_hash', 'edition', 'created_at', 'finished_at'] as const;
type Row = { id: number; book_id: number; status: BuildStatus; progress: number; step: string; attempts: number; report: string; content_hash: string | null; edition: string; created_at: string; finished_at: string | null };
const shaped = (r: Row): BuildRow => ({
  id: r.id,
  bookId: r.book_id,
  status: r.status,
  progress: Number(r.progress),
  step: r.step,
  attempts: Number(r.attempts),
  report: JSON.parse(r.report) as BuildIssue[],
  contentHash: r.content_hash,
  edition: r.edition,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export async function getBuild(db: Executor, id: number): Promise<BuildRow | undefined> {
  const row = await db.selectFrom('book_builds').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && shaped(row);
}

/** The book's most recent build (queued, running or over). */
export async function getLatestBuild(db: Executor, bookId: number): Promise<BuildRow | undefined> {
  const row = await db.selectFrom('book_builds').select(COLUMNS).where('book_id', '=', bookId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row && shaped(row);
}

/** A build waiting or running for the book, if any. */
export async function getPendingBuild(db: Executor, bookId: number): Promise<BuildRow | undefined> {
  const row = await db.selectFrom('book_builds').select(COLUMNS).where('book_id', '=', bookId).where('status', 'in', ['queued', 'running']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row && shaped(row);
}

export interface BuildFileInfo {
  path: string;
  mime: string;
  size: number;
  sha256: string;
}

/** The downloads of a build (not the web edition's pages), by path. */
export async function listDownloads(db: Executor, buildId: number): Promise<BuildFileInfo[]> {
  return (await db.selectFrom('book_files').select(['path', 'mime', 'size', 'sha256']).where('build_id', '=', buildId).where('path', 'not like', 'html/%').orderBy('path').execute()).map((f) => ({ ...f, size: Number(f.size) }));
}

export async function getBuildFile(db: Executor, buildId: number, path: string): Promise<{ mime: string; bytes: Buffer; sha256: string } | undefined> {
  return db.selectFrom('book_files').select(['mime', 'bytes', 'sha256']).where('build_id', '=', buildId).where('path', '=', path).executeTakeFirst();
}
