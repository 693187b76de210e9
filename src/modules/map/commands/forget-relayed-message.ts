import type { CommandContext } from '../../../shared/command.ts';

/** A relayed message is deleted once sent: the platform keeps nobody's correspondence. */
export async function forgetRelayedMessage(ctx: CommandContext, input: { messageId: number }): Promise<void> {
  await ctx.db.deleteFrom('map_relay_messages').where('id', '=', input.messageId).execute();
}
