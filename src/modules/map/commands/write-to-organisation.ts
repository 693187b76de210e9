import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { relayMessage } from '../effects.ts';
import { NoContactError } from '../errors.ts';
import { getContactAddress } from '../queries/organisations.ts';

export interface RelayInput {
  organisationId: number;
  sender_name: string;
  sender_email: string;
  body: string;
  lang: Lang;
}

/**
 * "Write to them": the message is relayed to the organisation's private address by the outbox
 * (which deletes it once sent); the visitor never learns the address, the organisation can reply
 * to the visitor's.
 */
export async function writeToOrganisation(ctx: CommandContext, input: RelayInput): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const contact = await getContactAddress(tx.db, input.organisationId);
    if (!contact?.contact_email) throw new NoContactError();
    const { id } = await tx.db
      .insertInto('map_relay_messages')
      .values({ organisation_id: input.organisationId, sender_name: input.sender_name, sender_email: input.sender_email, body: input.body, lang: input.lang, created_at: tx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'map.message.relayed', subjectType: 'map_organisation', subjectId: input.organisationId });
    await emit(tx, relayMessage, { messageId: id }, { key: id });
    return id;
  });
}
