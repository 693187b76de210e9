import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import type { VerificationOutcome } from '../domain/verification.ts';
import { getConversationSettings, getMention } from '../queries.ts';

/**
 * What fetching a mention's source found: a verified mention is stored with what its h-entry says
 * and shown (or held, when the editors moderate mentions; one already shown stays shown); a source
 * that is gone or no longer links here deletes it.
 */
export async function recordMentionVerification(ctx: CommandContext, input: { mentionId: number; outcome: VerificationOutcome }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const mention = await getMention(tx.db, input.mentionId);
    if (!mention) return;
    const { outcome } = input;
    if (outcome.result === 'removed') {
      await tx.db.deleteFrom('mentions').where('id', '=', mention.id).execute();
      await audit(tx, { action: 'mention.removed', subjectType: 'mention', subjectId: mention.id, data: { why: outcome.why, wasShown: mention.status === 'published' } });
      return;
    }
    const { moderateMentions } = await getConversationSettings(tx.db);
    const status = mention.status === 'pending' ? (moderateMentions ? 'held' : 'published') : mention.status;
    await tx.db
      .updateTable('mentions')
      .set({
        status,
        kind: outcome.kind,
        author_name: outcome.authorName,
        author_url: outcome.authorUrl,
        title: outcome.title,
        excerpt: outcome.excerpt,
        source_published_at: outcome.publishedAt,
        verified_at: tx.now.toISOString(),
        updated_at: tx.now.toISOString(),
      })
      .where('id', '=', mention.id)
      .execute();
    if (mention.status === 'pending') await audit(tx, { action: 'mention.verified', subjectType: 'mention', subjectId: mention.id, data: { status, kind: outcome.kind } });
  });
}
