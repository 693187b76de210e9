/**
 * The language lives in the URL: French at the root, English under `/en/…` (docs/decisions/023).
 * These pure rules read it from a URL, strip it before routing, put it back on a path, and choose
 * a first visitor's language from `Accept-Language`.
 */
import type { Lang } from './lang.ts';

/** The URL prefix of each language: French, the reference, has none. */
const PREFIX: Record<Lang, string> = { fr: '', en: '/en' };

/** `/en`, `/en/…`, `/en?…`: an English URL; anything else (including `/english`) is French. */
const ENGLISH = /^\/en(?=$|[/?#])/;

/** The language a request URL is in. */
export function langOfUrl(url: string): Lang {
  return ENGLISH.test(url) ? 'en' : 'fr';
}

/** The URL the routes see: the language prefix removed (`/en/events?p=2` → `/events?p=2`, `/en` → `/`). */
export function stripLangPrefix(url: string): string {
  if (!ENGLISH.test(url)) return url;
  const rest = url.slice(3);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * Paths that are files or machine endpoints, the same in every language: never prefixed
 * (assets, stored images, feeds, the sitemap, webhooks, the open-data API, the old switch).
 */
const LANGUAGE_NEUTRAL = /^\/(?:static|media|feeds|api|payments|lang)\/|^\/(?:sitemap\.xml|robots\.txt|healthz|webmention|xmlrpc)(?=$|[?#])/;

/** A path of this site in a language: `/events` → `/en/events`, `/` → `/en/`; other URLs unchanged. */
export function localisePath(path: string, lang: Lang): string {
  if (lang === 'fr' || !path.startsWith('/') || path.startsWith('//') || ENGLISH.test(path) || LANGUAGE_NEUTRAL.test(path)) return path;
  return `${PREFIX[lang]}${path}`;
}

/** Every language's URL for the page at `url` (a path without prefix, with its query). */
export function alternateUrls(url: string): Record<Lang, string> {
  return { fr: url, en: localisePath(url, 'en') };
}

/**
 * Tags whose links lead to another page of the site. `<link>` is left out: in the head it names
 * resources (styles, feeds) or, with hreflang, a page in a given language.
 */
const LINKING_TAG = /<(a|area|form|button)((?:\s+[\w:-]+(?:="[^"]*")?)*)(\s*\/?)>/g;
const LINK_ATTRIBUTE = /(\s(?:href|action|formaction)=")(\/[^"]*)"/g;

/**
 * Puts every internal link of a rendered page in the page's language, so that a visitor stays in
 * English from link to link and form to form, whichever module wrote the link. Attributes
 * rendered by Preact are always double-quoted with `"` escaped, which is what the patterns rely
 * on. The language switch (marked `data-lang-switch`) is left as written: it leads to the other language.
 */
export function localiseLinks(html: string, lang: Lang): string {
  if (lang === 'fr') return html;
  return html.replace(LINKING_TAG, (tag: string, name: string, attributes: string, end: string) => {
    if (/\sdata-lang-switch(?:="[^"]*")?(?=\s|$)/.test(attributes)) return tag;
    const localised = attributes.replace(LINK_ATTRIBUTE, (_m, start: string, path: string) => `${start}${localisePath(path, lang)}"`);
    return `<${name}${localised}${end}>`;
  });
}

/**
 * The language a first visitor prefers, from `Accept-Language`: the higher weighted of French and
 * English (French on a tie), or null when the header names neither.
 */
export function preferredLang(acceptLanguage: string | undefined): Lang | null {
  if (!acceptLanguage) return null;
  const weight: Record<Lang, number> = { fr: 0, en: 0 };
  for (const part of acceptLanguage.split(',').slice(0, 50)) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'fr' && primary !== 'en') continue;
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const value = q === undefined ? 1 : Number(q);
    if (value > weight[primary]) weight[primary] = value;
  }
  if (weight.fr === 0 && weight.en === 0) return null;
  return weight.en > weight.fr ? 'en' : 'fr';
}
