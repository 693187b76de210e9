import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { fieldsFromInput, foundedYearPossible, type PlaceInput } from '../domain/organisation.ts';
import { FoundedInFutureError } from '../errors.ts';
import type { Geocoder } from '../gazetteer.ts';
import { resolvePlace } from '../place.ts';
import { checkReferences } from './check-references.ts';
import { recordSuggestion, type Suggester } from './record-suggestion.ts';

export interface SuggestOrganisationInput extends PlaceInput, Suggester {
  lat: number | null;
  lng: number | null;
  locate: Geocoder;
}

/**
 * A visitor, without an account, suggests an organisation. It waits until they confirm their
 * address (the email's link), then lands in the editors' queue; nothing is public before an
 * editor accepts it.
 */
export async function suggestOrganisation(ctx: CommandContext, input: SuggestOrganisationInput): Promise<number> {
  if (!foundedYearPossible(input.founded_year, ctx.now)) throw new FoundedInFutureError();
  const place = await resolvePlace(input, input.locate);
  const proposal = fieldsFromInput(input, place, { slug: '', piece_ids: [], status: 'published' });
  return inTransaction(ctx, async (tx) => {
    await checkReferences(tx, proposal);
    return recordSuggestion(tx, { kind: 'new', organisationId: null, proposal, suggester: input });
  });
}
