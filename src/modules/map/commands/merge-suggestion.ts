import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { mergeFields } from '../domain/versioning.ts';
import { getOrganisationFields } from '../queries/organisations.ts';
import { claimSuggestion, creditSuggester, linkSuggestion } from './decide-suggestion.ts';
import { writeOrganisation, type Written } from './write-organisation.ts';

/**
 * "Merge into existing": a suggested organisation the map already has. What the suggestion adds
 * (texts it gives, themes and models it names) goes into the existing one as a new version, and
 * the suggester is credited there; no second organisation is created.
 */
export async function mergeSuggestion(ctx: CommandContext, input: { suggestionId: number; targetId: number; note: string }): Promise<Written> {
  return inTransaction(ctx, async (tx) => {
    const suggestion = await claimSuggestion(tx, { suggestionId: input.suggestionId, status: 'merged', note: input.note });
    const target = await getOrganisationFields(tx.db, input.targetId);
    if (!target) throw new NotFoundError('merge target', 'target');
    const { id, version: _v, ...fields } = target;
    const { slug: _slug, status: _status, piece_ids: _pieces, ...incoming } = suggestion.proposalFields;
    const written = await writeOrganisation(tx, { organisationId: id, fields: mergeFields(fields, incoming), note: input.note || `suggestion #${suggestion.id} (merged)`, suggestionId: suggestion.id });
    await linkSuggestion(tx, { suggestionId: suggestion.id, organisationId: id });
    await creditSuggester(tx, { organisationId: id, name: suggestion.suggester_name, email: suggestion.suggester_email });
    return written;
  });
}
