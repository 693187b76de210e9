import type { TxContext } from '../../../shared/command.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import type { OrganisationFields, SuggestionKind } from '../domain/organisation.ts';
import { sendSuggestionConfirmation } from '../effects.ts';

export interface Suggester {
  suggester_name: string;
  suggester_email: string;
  message: string;
  /** The page's language: the emails to the suggester are written in it. */
  lang: Lang;
}

/**
 * Stores a suggestion awaiting its suggester's confirmation and asks them to confirm (the email's
 * link sends it to the editors' queue). Shared by a new organisation and a correction.
 */
export async function recordSuggestion(ctx: TxContext, input: { kind: SuggestionKind; organisationId: number | null; proposal: Partial<OrganisationFields>; suggester: Suggester }): Promise<number> {
  const { suggester } = input;
  const { id } = await ctx.db
    .insertInto('map_suggestions')
    .values({
      kind: input.kind,
      organisation_id: input.organisationId,
      proposal: JSON.stringify(input.proposal),
      message: suggester.message,
      suggester_name: suggester.suggester_name,
      suggester_email: suggester.suggester_email,
      lang: suggester.lang,
      status: 'unconfirmed',
      confirmed_at: null,
      decided_by: null,
      decided_at: null,
      decision_note: '',
      created_at: ctx.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, { action: 'map.suggestion.received', subjectType: 'map_suggestion', subjectId: id, data: { kind: input.kind, organisationId: input.organisationId } });
  await emit(ctx, sendSuggestionConfirmation, { suggestionId: id }, { key: id });
  return id;
}
