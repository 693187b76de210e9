/** A field of an organisation as an editor reads it in a diff or a history. */
import type { Lang, MessageKey, Translate } from '../../../shared/i18n/index.ts';
import type { FieldName, OrganisationFields } from '../domain/organisation.ts';
import type { BusinessModel, ThemeOption } from '../queries/vocabulary.ts';
import { countryName, localName, SIZE_LABELS } from './labels.ts';

export const FIELD_LABELS: Record<FieldName, MessageKey> = {
  name: 'map.field.name',
  slug: 'map.field.slug',
  description_md: 'map.field.description',
  website: 'map.field.website',
  logo_url: 'map.field.logo',
  theme_ids: 'map.field.themes',
  model_ids: 'map.field.models',
  legal_form: 'map.field.legalForm',
  licences: 'map.field.licences',
  founded_year: 'map.field.founded',
  size_band: 'map.field.size',
  address: 'map.field.address',
  city: 'map.field.city',
  country: 'map.field.country',
  lat: 'map.field.lat',
  lng: 'map.field.lng',
  contact_email: 'map.field.contactEmail',
  piece_ids: 'map.field.caseStudies',
  status: 'map.field.status',
};

/** Labels of the input fields and import columns (an import row's errors name them). */
export const INPUT_LABELS = new Map<string, MessageKey>([
  ['name', 'map.field.name'],
  ['slug', 'map.field.slug'],
  ['description_md', 'map.field.description'],
  ['website', 'map.field.website'],
  ['logo_url', 'map.field.logo'],
  ['themes', 'map.field.themes'],
  ['models', 'map.field.models'],
  ['business_models', 'map.field.models'],
  ['legal_form', 'map.field.legalForm'],
  ['licences', 'map.field.licences'],
  ['founded_year', 'map.field.founded'],
  ['size_band', 'map.field.size'],
  ['address', 'map.field.address'],
  ['city', 'map.field.city'],
  ['country', 'map.field.country'],
  ['lat', 'map.field.lat'],
  ['lng', 'map.field.lng'],
  ['contact_email', 'map.field.contactEmail'],
  ['case_studies', 'map.field.caseStudies'],
]);

export interface Names {
  themes: ThemeOption[];
  models: BusinessModel[];
  pieces: { id: number; slug: string }[];
}

/** The value of a field, written for people (names for ids, labels for codes). */
export function fieldText(field: FieldName, value: OrganisationFields[FieldName] | undefined, names: Names, t: Translate, lang: Lang): string {
  if (value === null || value === undefined || value === '') return t('map.editor.empty');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('map.editor.empty');
    if (field === 'theme_ids') return value.map((id) => names.themes.find((x) => x.id === id)).map((x, i) => (x ? localName(x, lang) : `#${value[i]}`)).join(', ');
    if (field === 'model_ids') return value.map((id) => names.models.find((x) => x.id === id)).map((x, i) => (x ? localName(x, lang) : `#${value[i]}`)).join(', ');
    if (field === 'piece_ids') return value.map((id) => names.pieces.find((x) => x.id === id)?.slug ?? `#${id}`).join(', ');
    return value.join(', ');
  }
  if (field === 'legal_form' && typeof value === 'string') return t(`map.legal.${value as NonNullable<OrganisationFields['legal_form']>}`);
  if (field === 'size_band' && typeof value === 'string') return t(SIZE_LABELS[value as NonNullable<OrganisationFields['size_band']>]);
  if (field === 'status' && typeof value === 'string') return t(`map.status.${value as OrganisationFields['status']}`);
  if (field === 'country' && typeof value === 'string') return `${countryName(value, lang)} (${value})`;
  return String(value);
}
