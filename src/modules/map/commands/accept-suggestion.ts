import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { OrganisationFields } from '../domain/organisation.ts';
import { applyCorrection } from '../domain/versioning.ts';
import { getOrganisationFields } from '../queries/organisations.ts';
import { claimSuggestion, creditSuggester, linkSuggestion } from './decide-suggestion.ts';
import { writeOrganisation, type Written } from './write-organisation.ts';

/**
 * An editor accepts a suggestion: a new organisation goes on the map, or the correction is
 * applied to the fields it changed; either way a new version, and the suggester credited.
 */
export async function acceptSuggestion(ctx: CommandContext, input: { suggestionId: number; note: string }): Promise<Written> {
  return inTransaction(ctx, async (tx) => {
    const suggestion = await claimSuggestion(tx, { suggestionId: input.suggestionId, status: 'accepted', note: input.note });
    const note = input.note || `suggestion #${suggestion.id}`;
    let written: Written;
    if (suggestion.kind === 'new') {
      written = await writeOrganisation(tx, { organisationId: null, fields: suggestion.proposalFields as OrganisationFields, note, suggestionId: suggestion.id });
      await linkSuggestion(tx, { suggestionId: suggestion.id, organisationId: written.id });
    } else {
      const current = suggestion.organisation_id === null ? undefined : await getOrganisationFields(tx.db, suggestion.organisation_id);
      if (!current) throw new NotFoundError();
      const { id, version: _v, ...fields } = current;
      written = await writeOrganisation(tx, { organisationId: id, fields: applyCorrection(fields, suggestion.proposalFields), note, suggestionId: suggestion.id });
    }
    await creditSuggester(tx, { organisationId: written.id, name: suggestion.suggester_name, email: suggestion.suggester_email });
    return written;
  });
}
