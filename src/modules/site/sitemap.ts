import { alternateUrls, LANGS } from '../../shared/i18n/index.ts';

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * A sitemaps.org document for absolute URLs under the base URL: each page in French and in English
 * (`/en/…`), each naming the other as its alternate (hreflang, as search engines read sitemaps).
 */
export function buildSitemap(baseUrl: string, entries: { path: string; lastmod?: string }[]): string {
  const urls = entries
    .flatMap((e) => {
      const alternates = alternateUrls(e.path);
      const links = LANGS.map((lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${xmlEscape(baseUrl + alternates[lang])}"/>`).join('');
      const lastmod = e.lastmod ? `<lastmod>${xmlEscape(e.lastmod.slice(0, 10))}</lastmod>` : '';
      return LANGS.map((lang) => `  <url><loc>${xmlEscape(baseUrl + alternates[lang])}</loc>${lastmod}${links}</url>`);
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls}\n</urlset>\n`;
}
