import type { TxContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { findOrCreateContributorByEmail, listCredits, setCredits } from '../../contributors/index.ts';
import type { OrganisationFields, SuggestionStatus } from '../domain/organisation.ts';
import { sendSuggestionDecision } from '../effects.ts';
import { SuggestionNotPendingError } from '../errors.ts';
import { getSuggestion, type SuggestionRow } from '../queries/suggestions.ts';

/** The contribution kind an accepted suggestion earns its suggester (subject type `organisation`). */
export const MAP_ENTRY_KIND = 'map_entry';

/**
 * Claims a pending suggestion for a decision: one statement moves it out of `pending`, so two
 * editors deciding at once cannot both act on it (the second is refused).
 */
export async function claimSuggestion(ctx: TxContext, input: { suggestionId: number; status: Exclude<SuggestionStatus, 'unconfirmed' | 'pending'>; note: string }): Promise<SuggestionRow & { proposalFields: Partial<OrganisationFields> }> {
  const claimed = await ctx.db
    .updateTable('map_suggestions')
    .set({ status: input.status, decided_by: ctx.actor?.id ?? null, decided_at: ctx.now.toISOString(), decision_note: input.note })
    .where('id', '=', input.suggestionId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  const row = await getSuggestion(ctx.db, input.suggestionId);
  if (!row) throw new NotFoundError();
  if (Number(claimed.numUpdatedRows) === 0) throw new SuggestionNotPendingError(row.status);
  await audit(ctx, { action: `map.suggestion.${input.status}`, subjectType: 'map_suggestion', subjectId: row.id });
  await emit(ctx, sendSuggestionDecision, { suggestionId: row.id }, { key: row.id });
  return { ...row, proposalFields: JSON.parse(row.proposal) as Partial<OrganisationFields> };
}

/** Records the organisation a suggestion became (or was merged into). */
export async function linkSuggestion(ctx: TxContext, input: { suggestionId: number; organisationId: number }): Promise<void> {
  await ctx.db.updateTable('map_suggestions').set({ organisation_id: input.organisationId }).where('id', '=', input.suggestionId).execute();
}

/**
 * The suggester of an accepted change is credited on the organisation in the contributors
 * registry (a profile is found by their private address, or created).
 */
export async function creditSuggester(ctx: TxContext, input: { organisationId: number; name: string; email: string }): Promise<void> {
  const contributorId = await findOrCreateContributorByEmail(ctx, { name: input.name, email: input.email });
  const existing = await listCredits(ctx.db, 'organisation', [input.organisationId]);
  const credits = existing.map((c) => ({ contributorId: c.contributor_id, kind: c.kind }));
  if (!credits.some((c) => c.contributorId === contributorId && c.kind === MAP_ENTRY_KIND)) credits.push({ contributorId, kind: MAP_ENTRY_KIND });
  await setCredits(ctx, { subject: { type: 'organisation', id: input.organisationId }, credits, acceptedAt: ctx.now.toISOString() });
}
