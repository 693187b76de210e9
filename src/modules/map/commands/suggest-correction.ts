import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { fieldsFromInput, foundedYearPossible, type OrganisationFields, type PlaceInput } from '../domain/organisation.ts';
import { diffFields } from '../domain/versioning.ts';
import { FoundedInFutureError, NoChangeError } from '../errors.ts';
import type { Geocoder } from '../gazetteer.ts';
import { resolvePlace } from '../place.ts';
import { getOrganisationFields } from '../queries/organisations.ts';
import { checkReferences } from './check-references.ts';
import { recordSuggestion, type Suggester } from './record-suggestion.ts';

export interface SuggestCorrectionInput extends PlaceInput, Suggester {
  organisationId: number;
  lat: number | null;
  lng: number | null;
  locate: Geocoder;
}

/**
 * A visitor suggests a correction to a published organisation. Only the fields they changed are
 * kept, so accepting it later never reverts what others changed in between. A contact address
 * left empty changes nothing (the current one is private and never shown in the form).
 */
export async function suggestCorrection(ctx: CommandContext, input: SuggestCorrectionInput): Promise<number> {
  if (!foundedYearPossible(input.founded_year, ctx.now)) throw new FoundedInFutureError();
  const place = await resolvePlace(input, input.locate);
  return inTransaction(ctx, async (tx) => {
    const current = await getOrganisationFields(tx.db, input.organisationId);
    if (!current || current.status !== 'published') throw new NotFoundError();
    const { id: _id, version: _v, ...before } = current;
    const proposed = fieldsFromInput({ ...input, contact_email: input.contact_email ?? current.contact_email }, place, { slug: current.slug, piece_ids: current.piece_ids, status: current.status });
    await checkReferences(tx, proposed);
    const changes = diffFields(before, proposed);
    if (changes.length === 0) throw new NoChangeError();
    const proposal: Partial<OrganisationFields> = Object.fromEntries(changes.map((c) => [c.field, c.after]));
    return recordSuggestion(tx, { kind: 'correction', organisationId: input.organisationId, proposal, suggester: input });
  });
}
