import type { CommandContext } from '../../../shared/command.ts';
import type { SentMentionStatus } from '../domain/statuses.ts';

/** What became of one webmention we sent (the editors' log); one statement, no transaction needed. */
export async function recordSentMention(
  ctx: CommandContext,
  input: { pieceId: number; target: string; status: SentMentionStatus; endpoint: string | null; httpStatus: number | null; error: string | null },
): Promise<void> {
  await ctx.db
    .updateTable('sent_mentions')
    .set((eb) => ({
      status: input.status,
      endpoint: input.endpoint,
      http_status: input.httpStatus,
      error: input.error ? input.error.slice(0, 500) : null,
      attempts: eb('attempts', '+', 1),
      updated_at: ctx.now.toISOString(),
    }))
    .where('piece_id', '=', input.pieceId)
    .where('target_url', '=', input.target)
    .execute();
}
