/**
 * What an organisation on the map is made of, as plain data: the fields every version stores in
 * full (so any version can be restored), the closed vocabularies, and the rules a value must meet.
 */

export const LEGAL_FORMS = ['company', 'cooperative', 'association', 'foundation', 'informal_group', 'public_body'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const SIZE_BANDS = ['1', '2-9', '10-49', '50-249', '250+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** A hidden organisation stays in the history (and can be restored) but is on no public page or export. */
export const ORGANISATION_STATUSES = ['published', 'hidden'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export const SUGGESTION_KINDS = ['new', 'correction'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** unconfirmed → (email link) pending → accepted | merged | rejected. */
export const SUGGESTION_STATUSES = ['unconfirmed', 'pending', 'accepted', 'merged', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Every editable field of an organisation: a version's snapshot, a suggestion's proposal, an import row. */
export interface OrganisationFields {
  name: string;
  slug: string;
  description_md: string;
  website: string;
  logo_url: string;
  theme_ids: number[];
  model_ids: number[];
  legal_form: LegalForm | null;
  licences: string[];
  founded_year: number | null;
  size_band: SizeBand | null;
  address: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  lat: number;
  lng: number;
  /** Private: never on a public page or in an export; the "write to them" form relays to it. */
  contact_email: string | null;
  /** Case studies among the published pieces. */
  piece_ids: number[];
  status: OrganisationStatus;
}

export type FieldName = keyof OrganisationFields;

/** The fields in the order people read them (diffs, forms, exports). */
export const FIELD_ORDER: readonly FieldName[] = [
  'name',
  'slug',
  'description_md',
  'website',
  'logo_url',
  'theme_ids',
  'model_ids',
  'legal_form',
  'licences',
  'founded_year',
  'size_band',
  'address',
  'city',
  'country',
  'lat',
  'lng',
  'contact_email',
  'piece_ids',
  'status',
];

/** Fields that hold lists (compared as sets, merged by union). */
export const LIST_FIELDS = new Set<FieldName>(['theme_ids', 'model_ids', 'licences', 'piece_ids']);

/** Fields never shown to the public, in any page, API or export. */
export const PRIVATE_FIELDS = new Set<FieldName>(['contact_email']);

export function isLegalForm(v: unknown): v is LegalForm {
  return typeof v === 'string' && (LEGAL_FORMS as readonly string[]).includes(v);
}

export function isSizeBand(v: unknown): v is SizeBand {
  return typeof v === 'string' && (SIZE_BANDS as readonly string[]).includes(v);
}

/** Latitude and longitude a map can show: finite, −90…90 and −180…180. */
export function validCoordinates(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
}

/** The earliest founding year accepted (older institutions exist, but not on an open-business map). */
export const MIN_FOUNDED_YEAR = 1800;

/** The fields a person types (a form, an import row): everything but what editors alone decide. */
export type PlaceInput = Pick<OrganisationFields, 'name' | 'description_md' | 'website' | 'logo_url' | 'legal_form' | 'licences' | 'founded_year' | 'size_band' | 'address' | 'city' | 'country' | 'contact_email'> & {
  themes: number[];
  models: number[];
};

/** A person's input, once placed, as the fields an organisation stores (lists sorted, no duplicates). */
export function fieldsFromInput(input: PlaceInput, place: { lat: number; lng: number }, editorial: { slug: string; piece_ids: number[]; status: OrganisationStatus }): OrganisationFields {
  const ids = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return {
    name: input.name,
    slug: editorial.slug,
    description_md: input.description_md,
    website: input.website,
    logo_url: input.logo_url,
    theme_ids: ids(input.themes),
    model_ids: ids(input.models),
    legal_form: input.legal_form,
    licences: [...new Set(input.licences)].sort(),
    founded_year: input.founded_year,
    size_band: input.size_band,
    address: input.address,
    city: input.city,
    country: input.country,
    lat: Math.round(place.lat * 1e6) / 1e6,
    lng: Math.round(place.lng * 1e6) / 1e6,
    contact_email: input.contact_email,
    piece_ids: ids(editorial.piece_ids),
    status: editorial.status,
  };
}

/** Whether an organisation's founding year is possible at `now` (not in the future). */
export function foundedYearPossible(year: number | null, now: Date): boolean {
  return year === null || year <= now.getUTCFullYear();
}
