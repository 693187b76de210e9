/** An organisation's fields as the strings its form shows. */
import type { FormState } from '../../../shared/views/form-fields.tsx';
import type { OrganisationFields } from '../domain/organisation.ts';

export function formValuesOf(fields: Partial<OrganisationFields> & { version?: number }, pieceSlugs: string[] = []): FormState['values'] {
  const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    name: str(fields.name),
    slug: str(fields.slug),
    description_md: str(fields.description_md),
    website: str(fields.website),
    logo_url: str(fields.logo_url),
    themes: (fields.theme_ids ?? []).map(String),
    models: (fields.model_ids ?? []).map(String),
    legal_form: str(fields.legal_form),
    licences: (fields.licences ?? []).join(', '),
    founded_year: str(fields.founded_year),
    size_band: str(fields.size_band),
    address: str(fields.address),
    city: str(fields.city),
    country: str(fields.country),
    lat: str(fields.lat),
    lng: str(fields.lng),
    contact_email: str(fields.contact_email),
    case_studies: pieceSlugs.join('; '),
    status: str(fields.status ?? 'published'),
    version: str(fields.version),
  };
}
