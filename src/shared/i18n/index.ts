/**
 * Every string the system writes lives in the fr/en catalogues, assembled from the modules'
 * fragments (catalogue.ts). French is the reference: English must have exactly the same keys (the
 * type checker enforces it), so no string can be left untranslated.
 */
import { en, fr } from './catalogue.ts';
import type { Lang } from './lang.ts';
import { resolvePlurals } from './plural.ts';

export { DEFAULT_LANG, isLang, LANGS, type Lang } from './lang.ts';
export { alternateUrls, langOfUrl, localiseLinks, localisePath, preferredLang, stripLangPrefix } from './lang-url.ts';
export { pluralCategory } from './plural.ts';
export type MessageKey = keyof typeof fr;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(fr, value);
}

const translators = new Map<Lang, Translate>();

/**
 * A translator for one language; `{name}` placeholders are replaced by `params`, and plural blocks
 * (`{count, plural, one {# place} other {# places}}`, see plural.ts) follow the language's rules.
 */
export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) {
    const catalogue = catalogues[lang];
    t = (key, params) => {
      const raw = catalogue[key] ?? key;
      if (!params) return raw;
      const template = resolvePlurals(raw, params, lang);
      return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
    };
    translators.set(lang, t);
  }
  return t;
}

/** Formats a date for people, in the page's language (Europe/Paris, the programme's city). */
/**
 * Dates as written on pages, remembered: `Intl.DateTimeFormat#format` takes microseconds, and a
 * listing writes the same few dates again at every request. Bounded: forgotten all at once when full.
 */
const written = new Map<string, string>();
const WRITTEN_LIMIT = 5000;

function remembered(kind: 'd' | 't', iso: string, lang: Lang, format: Intl.DateTimeFormat): string {
  const key = `${kind}${lang}${iso}`;
  let text = written.get(key);
  if (text === undefined) {
    text = format.format(new Date(iso));
    if (written.size >= WRITTEN_LIMIT) written.clear();
    written.set(key, text);
  }
  return text;
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return remembered('d', iso, lang, dateFormats[lang]);
}

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return remembered('t', iso, lang, dateTimeFormats[lang]);
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }),
};
const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }),
};
