import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { parseBlocklist } from '../domain/moderation.ts';
import { conversationPolicy } from '../policy.ts';

export interface SettingsInput {
  /** One word or phrase a line. */
  blocklist: string;
  notifyAuthors: boolean;
  moderateMentions: boolean;
}

/** The editors set the blocklist, whether authors hear of new comments, and whether mentions wait for them. */
export async function saveConversationSettings(ctx: CommandContext, input: SettingsInput): Promise<void> {
  const actor = conversationPolicy.authorize(ctx.actor, 'configure');
  await inTransaction(ctx, async (tx) => {
    const values: Record<string, string> = {
      blocklist: parseBlocklist(input.blocklist).join('\n'),
      notify_authors: input.notifyAuthors ? '1' : '0',
      moderate_mentions: input.moderateMentions ? '1' : '0',
    };
    for (const [key, value] of Object.entries(values)) {
      await tx.db
        .insertInto('conversation_settings')
        .values({ key, value, updated_by: actor.id, updated_at: tx.now.toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: actor.id, updated_at: tx.now.toISOString() }))
        .execute();
    }
    await audit(tx, { action: 'conversation.settings', subjectType: 'conversation', subjectId: null, data: { notifyAuthors: input.notifyAuthors, moderateMentions: input.moderateMentions, blocklistEntries: values.blocklist!.split('\n').filter(Boolean).length } });
  });
}
