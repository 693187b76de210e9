/** How the map's values read for people, in the page's language. */
import type { Lang, MessageKey } from '../../../shared/i18n/index.ts';
import type { SizeBand } from '../domain/organisation.ts';

const regionNames: Partial<Record<Lang, Intl.DisplayNames>> = {};

/** "FR" → "France" / "France"; "DE" → "Allemagne" / "Germany". */
export function countryName(code: string, lang: Lang): string {
  regionNames[lang] ??= new Intl.DisplayNames([lang === 'en' ? 'en-GB' : 'fr-FR'], { type: 'region' });
  try {
    return regionNames[lang].of(code) ?? code;
  } catch {
    return code;
  }
}

export function localName(item: { name_fr: string; name_en: string }, lang: Lang): string {
  return lang === 'en' ? item.name_en : item.name_fr;
}

/** The paths of the directory and the organisation pages. */
export const paths = {
  organisation: (slug: string) => `/map/organisations/${slug}`,
  theme: (slug: string) => `/map/themes/${slug}`,
  model: (slug: string) => `/map/models/${slug}`,
};

/** The map's own bundle, loaded on the pages that show a map. */
export interface MapAssets {
  js: string;
  css: string;
  /** Country outlines, coarse (first paint) and detailed (from zoom 4). */
  outlines: string;
  outlinesDetail: string;
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
}

/** The label of each size band (bands are data: "2-9"; keys are identifiers). */
export const SIZE_LABELS = {
  '1': 'map.size.solo',
  '2-9': 'map.size.micro',
  '10-49': 'map.size.small',
  '50-249': 'map.size.medium',
  '250+': 'map.size.large',
} as const satisfies Record<SizeBand, MessageKey>;
