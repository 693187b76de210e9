import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { notifyEditorsOfMessage } from '../effects.ts';

export interface ContactInput {
  name: string;
  email: string;
  subject: string;
  body: string;
}

/** A visitor writes to the editors: the message lands in the inbox, and the editors are told by email. */
export async function sendContactMessage(ctx: CommandContext, input: ContactInput): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const { id } = await tx.db
      .insertInto('messages')
      .values({ ...input, created_at: tx.now.toISOString(), read_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'message.received', subjectType: 'message', subjectId: id });
    await emit(tx, notifyEditorsOfMessage, { messageId: id }, { key: id });
    return id;
  });
}
