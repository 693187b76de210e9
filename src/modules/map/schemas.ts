/** One zod schema per input of the map: filters, organisation forms, suggestions, imports, params. */
import { z } from 'zod';
import { emailField, list, text } from '../../shared/http/form.ts';
import { idParam } from '../../shared/http/route-schema.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/slug.ts';
import { isCountryCode } from './domain/countries.ts';
import { parseBbox, type MapFilter } from './domain/filters.ts';
import { LEGAL_FORMS, MIN_FOUNDED_YEAR, ORGANISATION_STATUSES, SIZE_BANDS } from './domain/organisation.ts';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToNull = (v: unknown) => {
  const x = first(v);
  return typeof x === 'string' && x.trim() === '' ? null : x === undefined ? null : typeof x === 'string' ? x.trim() : x;
};

// ---------------------------------------------------------------------------------------------
// Filters (the map page, the directory, the embed, every export and the JSON API)

const slugItem = z.string().trim().toLowerCase().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN);
const slugList = list(slugItem).pipe(z.array(slugItem).max(50));
const countryItem = z.string().trim().toUpperCase().refine(isCountryCode, 'map.errors.country');
const yearParam = z.preprocess(blankToNull, z.union([z.null(), z.coerce.number().int().min(0).max(9999)]));

const filterFields = {
  theme: slugList,
  model: slugList,
  legal: list(z.enum(LEGAL_FORMS)).pipe(z.array(z.enum(LEGAL_FORMS)).max(LEGAL_FORMS.length)),
  country: list(countryItem).pipe(z.array(z.string()).max(50)),
  from: yearParam,
  to: yearParam,
  q: z.preprocess((v) => first(v) ?? '', z.string().trim().max(200)),
  bbox: z.preprocess(
    blankToNull,
    z.union([
      z.null(),
      z.string().transform((s, ctx) => {
        const box = parseBbox(s);
        if (box) return box;
        ctx.addIssue({ code: 'custom', message: 'map.errors.bbox' });
        return z.NEVER;
      }),
    ]),
  ),
};

function toFilter(q: { theme: string[]; model: string[]; legal: MapFilter['legalForms']; country: string[]; from: number | null; to: number | null; q: string; bbox: MapFilter['bbox'] }): MapFilter {
  return { themes: q.theme, models: q.model, legalForms: q.legal, countries: q.country, foundedFrom: q.from, foundedTo: q.to, q: q.q, bbox: q.bbox };
}

/** The filters alone (exports, points, embed). */
export const filterQuerySchema = z.object(filterFields).transform((q) => ({ filter: toFilter(q) }));

/** The map's first paint: clusters of the filtered organisations at a zoom (an area in `bbox` narrows them). */
export const clustersQuery = z.object({ ...filterFields, zoom: z.coerce.number().int().min(0).max(18) }).transform(({ zoom, ...q }) => ({ filter: toFilter(q), zoom }));

/** A page of a listing: 1-based; anything else is the first page. */
const pageField = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The map page and the directory: filters and a page of the list. */
export const mapPageQuery = z.object({ ...filterFields, page: pageField }).transform(({ page, ...q }) => ({ filter: toFilter(q), page }));

/** The JSON API: filters, `page` and `limit` (at most 500 a page). */
export const apiListQuery = z
  .object({ ...filterFields, page: z.coerce.number().int().min(1).max(1_000_000).default(1), limit: z.coerce.number().int().min(1).max(500).default(100) })
  .transform(({ page, limit, ...q }) => ({ filter: toFilter(q), page, limit }));

// ---------------------------------------------------------------------------------------------
// Params

export const orgSlugParams = z.object({ slug: z.string().min(1).max(200) });
export const directoryPageQuery = z.object({ page: pageField });
export const versionParams = z.object({ id: idParam, number: idParam });
export const suggestionParams = z.object({ id: idParam });
export const confirmQuery = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/).catch('') });
export const geocodeQuery = z.object({ city: z.string().trim().min(1).max(120), country: countryItem });
export const modelParams = z.object({ id: z.union([z.literal('new'), idParam]) });

// ---------------------------------------------------------------------------------------------
// An organisation's fields, as typed in a form or read from an import row

const optionalUrl = (https: boolean) =>
  z.preprocess(
    (v) => (typeof first(v) === 'string' ? (first(v) as string).trim() : ''),
    z
      .string()
      .max(500, 'errors.tooLong')
      .refine((s) => s === '' || (https ? /^https:\/\/[^\s"'<>]+$/i : /^https?:\/\/[^\s"'<>]+$/i).test(s), https ? 'map.errors.httpsUrl' : 'map.errors.url')
      .refine((s) => {
        if (s === '') return true;
        try {
          return Boolean(new URL(s).hostname);
        } catch {
          return false;
        }
      }, https ? 'map.errors.httpsUrl' : 'map.errors.url'),
  );

const coordinate = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      const x = blankToNull(v);
      return typeof x === 'string' ? Number(x.replace(',', '.')) : x;
    },
    z.union([z.null(), z.number('map.errors.coordinates').refine((n) => Number.isFinite(n) && n >= min && n <= max, 'map.errors.coordinates')]),
  );

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankToNull, z.union([z.null(), z.enum(values, 'errors.invalid')]));

/** "MIT, CC-BY-SA-4.0; GPL-3.0" → ["CC-BY-SA-4.0", "GPL-3.0", "MIT"]. */
const licencesField = z.preprocess(
  (v) => (Array.isArray(v) ? v.join(';') : typeof v === 'string' ? v : ''),
  z
    .string()
    .max(1000, 'errors.tooLong')
    .transform((s) => [...new Set(s.split(/[;,\n]/).map((x) => x.trim()).filter(Boolean))].sort())
    .refine((xs) => xs.length <= 20 && xs.every((x) => x.length <= 60), 'map.errors.licences'),
);

const idList = list(z.coerce.number('errors.invalid').int('errors.invalid').positive('errors.invalid')).pipe(z.array(z.number()).max(50, 'errors.invalid'));

const placeFields = {
  name: text(200),
  description_md: text(20_000, { optional: true }),
  website: optionalUrl(false),
  logo_url: optionalUrl(true),
  themes: idList,
  models: idList,
  legal_form: optionalEnum(LEGAL_FORMS),
  licences: licencesField,
  founded_year: z.preprocess(
    (v) => {
      const x = blankToNull(v);
      return typeof x === 'string' ? Number(x) : x;
    },
    z.union([z.null(), z.number('map.errors.year').int('map.errors.year').min(MIN_FOUNDED_YEAR, 'map.errors.year').max(2100, 'map.errors.year')]),
  ),
  size_band: optionalEnum(SIZE_BANDS),
  address: text(300, { optional: true }),
  city: text(120, { optional: true }),
  country: z.preprocess((v) => (typeof first(v) === 'string' ? (first(v) as string).trim().toUpperCase() : ''), z.string().min(1, 'errors.required').refine(isCountryCode, 'map.errors.country')),
  lat: coordinate(-90, 90),
  lng: coordinate(-180, 180),
  contact_email: z.preprocess((v) => (typeof first(v) === 'string' && (first(v) as string).trim() !== '' ? first(v) : null), z.union([z.null(), emailField])),
};

/** Coordinates come in pairs; without them, the city is needed to place the organisation. */
function placeable(v: { lat: number | null; lng: number | null; city: string }, ctx: z.RefinementCtx) {
  if ((v.lat === null) !== (v.lng === null)) ctx.addIssue({ code: 'custom', path: [v.lat === null ? 'lat' : 'lng'], message: 'map.errors.coordinatesPair' });
  else if (v.lat === null && v.city === '') ctx.addIssue({ code: 'custom', path: ['city'], message: 'map.errors.placeRequired' });
}

const slugField = z.preprocess(
  (v) => (typeof first(v) === 'string' ? (first(v) as string).trim().toLowerCase() : ''),
  z.string().max(SLUG_MAX_LENGTH, 'errors.tooLong').refine((s) => s === '' || SLUG_PATTERN.test(s), 'errors.slugFormat'),
);

/** The editors' form (and an import row): every field. */
export const organisationSchema = z
  .object({
    ...placeFields,
    slug: slugField,
    /** Slugs of published pieces, separated by `;` (or several fields). */
    case_studies: z.preprocess((v) => (Array.isArray(v) ? v.join(';') : typeof v === 'string' ? v : ''), z.string().max(5000, 'errors.tooLong').transform((s) => [...new Set(s.split(/[;,\s]+/).map((x) => x.trim().toLowerCase()).filter(Boolean))])),
    version: z.preprocess(blankToNull, z.union([z.null(), z.coerce.number().int().positive()])),
    status: z.preprocess((v) => first(v) ?? 'published', z.enum(ORGANISATION_STATUSES, 'errors.invalid')),
    note: text(300, { optional: true }),
  })
  .superRefine(placeable);
export type OrganisationForm = z.output<typeof organisationSchema>;

const honeypot = z.preprocess((v) => first(v) ?? '', z.string().max(0, 'errors.invalid'));

/** "Suggest an organisation" and "suggest a correction": the public fields, who suggests, and the honeypot. */
export const suggestionSchema = z
  .object({
    ...placeFields,
    suggester_name: text(120),
    suggester_email: emailField,
    message: text(2000, { optional: true }),
    // The honeypot: people never see it, robots fill it in.
    nickname: honeypot,
  })
  .superRefine(placeable);
export type SuggestionForm = z.output<typeof suggestionSchema>;

/** "Write to them": relayed to the organisation's private address. */
export const relaySchema = z.object({
  sender_name: text(120),
  sender_email: emailField,
  body: text(5000, { min: 20 }),
  nickname: honeypot,
});

export const decisionSchema = z.object({ note: text(500, { optional: true }) });
export const mergeSchema = z.object({ target: idParam, note: text(500, { optional: true }) });
export const importSchema = z.object({ mode: z.enum(['preview', 'apply'], 'errors.invalid') });

export const businessModelSchema = z.object({
  slug: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''), z.string().min(1, 'errors.required').max(SLUG_MAX_LENGTH, 'errors.tooLong').regex(SLUG_PATTERN, 'errors.slugFormat')),
  name_fr: text(120),
  name_en: text(120),
  position: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int('errors.invalid').min(0, 'errors.invalid').max(1000, 'errors.invalid')),
});
