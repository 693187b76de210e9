import type { Lang, MessageKey, Translate } from '../i18n/index.ts';

/** What every view may know about the request: never the session itself, only booleans and names. */
export interface ViewContext {
  lang: Lang;
  t: Translate;
  /** Path of the current page (no query), for the language switch and active links. */
  path: string;
  /** This page (path and query) in each language: the switch and the hreflang alternates. */
  alternates: Record<Lang, string>;
  /**
   * A path of this site in the page's language (`/events` → `/en/events`), for URLs that are not
   * a link's `href` or a form's `action` (those are localised when the page is sent).
   */
  href: (path: string) => string;
  baseUrl: string;
  user: { name: string; canEdit: boolean; canWrite: boolean; canSeeDeliveries: boolean } | null;
  /** Reading it issues the CSRF cookie when needed; forms put it in a hidden field. */
  readonly csrfToken: string;
  assets: { css: string; js: string; checkinJs: string; checkinCss: string };
  maxUploadMb: number;
  flash: { kind: 'success' | 'error'; key: MessageKey; params?: Record<string, string | number> } | null;
}

export interface PageMeta {
  title: string;
  description?: string;
  canonicalPath?: string;
  ogType?: 'website' | 'article' | 'profile';
  ogImage?: string;
  /** JSON-LD object(s) describing the page for machines. */
  jsonLd?: object;
  noindex?: boolean;
  /** The language of the main content when it differs from the interface. */
  contentLang?: Lang;
}
