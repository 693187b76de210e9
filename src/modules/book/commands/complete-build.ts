import { createHash } from 'node:crypto';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { setCredits } from '../../contributors/index.ts';
import type { BuildIssue } from '../domain/build-report.ts';
import { BOOK_CHAPTER_KIND, BOOK_CHAPTER_SUBJECT } from '../domain/chapter-credits.ts';

export interface BuiltFile {
  path: string;
  mime: string;
  data: Buffer;
}

/**
 * A build succeeded: its files are stored, the book now serves them (the previous build's files
 * are dropped in the same transaction, so a reader never meets a half-replaced edition), every
 * author of an included chapter is credited for it, and the royalties of paper sales are shared
 * between them by the number of chapters each wrote. False when the build was no longer this
 * process's (its lease ran out and another took it): nothing is written.
 */
export async function completeBuild(
  ctx: CommandContext,
  input: { buildId: number; files: BuiltFile[]; issues: BuildIssue[]; contentHash: string; creditsByEntry: Map<number, number[]>; chaptersByContributor: Map<number, number> },
): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.now.toISOString();
    const build = await tx.db
      .updateTable('book_builds')
      .set({ status: 'succeeded', progress: 100, step: 'done', report: JSON.stringify(input.issues), content_hash: input.contentHash, locked_until: null, finished_at: now })
      .where('id', '=', input.buildId)
      .where('status', '=', 'running')
      .returning('book_id')
      .executeTakeFirst();
    if (!build) return false;
    const bookId = build.book_id;
    for (const f of input.files) {
      await tx.db
        .insertInto('book_files')
        .values({ build_id: input.buildId, path: f.path, mime: f.mime, size: f.data.length, sha256: createHash('sha256').update(f.data).digest('hex'), bytes: f.data })
        .execute();
    }
    const previous = await tx.db.selectFrom('books').select('current_build_id').where('id', '=', bookId).executeTakeFirstOrThrow();
    await tx.db.updateTable('books').set({ current_build_id: input.buildId }).where('id', '=', bookId).execute();
    if (previous.current_build_id !== null) await tx.db.deleteFrom('book_files').where('build_id', '=', previous.current_build_id).execute();

    // Credits: each included chapter names its authors; chapters without any lose theirs.
    const entries = await tx.db.selectFrom('book_entries').select('id').where('book_id', '=', bookId).execute();
    for (const { id } of entries) {
      const authors = input.creditsByEntry.get(id) ?? [];
      await setCredits(tx, { subject: { type: BOOK_CHAPTER_SUBJECT, id }, credits: authors.map((contributorId) => ({ contributorId, kind: BOOK_CHAPTER_KIND })), acceptedAt: now });
    }
    // Royalties are shared between the authors of the book's chapters, by chapters written.
    await tx.db.deleteFrom('book_contributors').where('book_id', '=', bookId).execute();
    const shares = [...input.chaptersByContributor].sort(([a], [b]) => a - b);
    if (shares.length) await tx.db.insertInto('book_contributors').values(shares.map(([contributorId, weight]) => ({ book_id: bookId, contributor_id: contributorId, weight }))).execute();
    await tx.db.updateTable('books').set({ split_method: 'weights' }).where('id', '=', bookId).execute();
    await audit(tx, { action: 'book.built', subjectType: 'book', subjectId: bookId, data: { buildId: input.buildId, contentHash: input.contentHash, files: input.files.length } });
    return true;
  });
}
