import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import type { BuildIssue } from '../domain/build-report.ts';

/** A build that could not finish: its report says what failed; the book's served files do not change. */
export async function failBuild(ctx: CommandContext, input: { buildId: number; issues: BuildIssue[]; contentHash?: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('book_builds')
      .set({ status: 'failed', report: JSON.stringify(input.issues), content_hash: input.contentHash ?? null, locked_until: null, finished_at: tx.now.toISOString(), step: 'failed' })
      .where('id', '=', input.buildId)
      .where('status', 'in', ['queued', 'running'])
      .returning('book_id')
      .executeTakeFirst();
    if (result) await audit(tx, { action: 'book.build_failed', subjectType: 'book', subjectId: result.book_id, data: { buildId: input.buildId, errors: input.issues.filter((i) => i.code).length } });
  });
}
