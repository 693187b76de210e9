import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { AppError } from '../../../shared/errors.ts';
import { listPublishedRefs } from '../../publishing/index.ts';
import { fieldsFromInput, type OrganisationStatus, type PlaceInput } from '../domain/organisation.ts';
import type { Geocoder } from '../gazetteer.ts';
import { resolvePlace } from '../place.ts';
import { writeOrganisation, type Written } from './write-organisation.ts';

export interface SaveOrganisationInput extends PlaceInput {
  /** null: a new organisation. */
  organisationId: number | null;
  slug: string;
  lat: number | null;
  lng: number | null;
  /** Slugs of published pieces: the organisation's case studies. */
  case_studies: string[];
  status: OrganisationStatus;
  note: string;
  /** The version the form was opened on; a newer one refuses the save. */
  expectedVersion?: number | undefined;
  /** Places the organisation from its city when no pin was given (the gazetteer; asked before the transaction). */
  locate: Geocoder;
}

/** An editor creates or changes an organisation directly: a new version, with its note. */
export async function saveOrganisation(ctx: CommandContext, input: SaveOrganisationInput): Promise<Written> {
  const place = await resolvePlace(input, input.locate);
  return inTransaction(ctx, async (tx) => {
    const published = input.case_studies.length ? new Map((await listPublishedRefs(tx.db, tx.now)).map((p) => [p.slug, p.id])) : new Map<string, number>();
    const pieceIds = input.case_studies.map((slug) => published.get(slug));
    if (pieceIds.some((id) => id === undefined)) throw new AppError('unknown_case_study', 422, 'map.errors.caseStudies', { field: 'case_studies' });
    const fields = fieldsFromInput(input, place, { slug: input.slug, piece_ids: pieceIds.filter((id): id is number => id !== undefined), status: input.status });
    return writeOrganisation(tx, { organisationId: input.organisationId, fields, note: input.note, expectedVersion: input.expectedVersion });
  });
}
