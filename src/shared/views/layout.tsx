import type { ComponentChildren } from 'preact';
import type { PageMeta, ViewContext } from './context.ts';

/** Escapes JSON for a <script> element: `</script>` and friends cannot close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** A `<link>` of a page's head: a feed to discover, the endpoint that receives webmentions. */
export interface HeadLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
}

/** The site-wide feeds of published pieces (src/modules/reach), offered to feed readers on every page. */
const SITE_FEEDS: HeadLink[] = [
  { rel: 'alternate', type: 'application/rss+xml', href: '/feeds/pieces.rss', title: 'Open Experience (RSS)' },
  { rel: 'alternate', type: 'application/atom+xml', href: '/feeds/pieces.atom', title: 'Open Experience (Atom)' },
  { rel: 'alternate', type: 'application/feed+json', href: '/feeds/pieces.json', title: 'Open Experience (JSON Feed)' },
];

/** `head`: the page's own links (a piece's comments feed, its webmention endpoint). */
export function Layout({ ctx, meta, head = [], children }: { ctx: ViewContext; meta: PageMeta; head?: HeadLink[]; children: ComponentChildren }) {
  const { t, lang } = ctx;
  const canonical = meta.canonicalPath ? `${ctx.baseUrl}${ctx.href(meta.canonicalPath)}` : undefined;
  const otherLang = lang === 'fr' ? 'en' : 'fr';
  // The same page in the other language (marked so that it is not put back in this page's language).
  const switchHref = ctx.alternates[otherLang];
  const nav: [string, string][] = [
    ['/', t('nav.home')],
    ['/themes', t('nav.themes')],
    ['/events', t('nav.events')],
    ['/map', t('nav.map')],
    ['/book', t('nav.book')],
    ['/contributors', t('nav.contributors')],
    ['/transparency', t('nav.transparency')],
    ['/about', t('nav.about')],
    ['/propose', t('nav.propose')],
    ['/contact', t('nav.contact')],
  ];
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${meta.title} · Open Experience`}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {meta.noindex ? null : (
          <>
            <link rel="alternate" hreflang="fr" href={`${ctx.baseUrl}${ctx.alternates.fr}`} />
            <link rel="alternate" hreflang="en" href={`${ctx.baseUrl}${ctx.alternates.en}`} />
            <link rel="alternate" hreflang="x-default" href={`${ctx.baseUrl}${ctx.alternates.fr}`} />
          </>
        )}
        <meta property="og:site_name" content="Open Experience" />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:locale" content={lang === 'fr' ? 'fr_FR' : 'en_GB'} />
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {meta.ogImage ? <meta property="og:image" content={`${ctx.baseUrl}${meta.ogImage}`} /> : null}
        <link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/" />
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {[...SITE_FEEDS, ...head].map((l) => (
          <link rel={l.rel} href={l.href} type={l.type} title={l.title} />
        ))}
        {meta.jsonLd ? (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(meta.jsonLd) }} />
        ) : null}
        <script src={ctx.assets.js} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">◐</span> Open Experience
            </a>
            {/* On phones the menu folds behind a button that works without JavaScript: a checkbox
                (keyboard: Tab to it, Space) styled through its label; on wider screens both are hidden. */}
            <input type="checkbox" id="site-menu-toggle" class="menu-toggle" />
            <label for="site-menu-toggle" class="menu-button">
              <span aria-hidden="true">☰</span> {t('nav.menu')}
            </label>
            <div class="menu-panel">
              <nav aria-label={t('nav.main')}>
                <ul class="nav-list">
                  {nav.map(([href, label]) => (
                    <li>
                      <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
                        {label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <div class="header-tools">
                <a href={switchHref} hreflang={otherLang} lang={otherLang} class="lang-switch" data-lang-switch>
                  {t('nav.switchLang')}
                </a>
                {ctx.user ? (
                  <>
                    {ctx.user.canEdit ? <a href="/editor">{t('nav.editor')}</a> : null}
                    {ctx.user.canWrite && !ctx.user.canEdit ? <a href="/studio">{t('nav.studio')}</a> : null}
                    <a href="/account">{ctx.user.name}</a>
                    <form method="post" action="/account/logout" class="inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="link-button">
                        {t('nav.logout')}
                      </button>
                    </form>
                  </>
                ) : (
                  <a href="/account/login">{t('nav.login')}</a>
                )}
              </div>
            </div>
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {ctx.flash ? (
            <p class={`flash flash-${ctx.flash.kind}`} role="status">
              {t(ctx.flash.key, ctx.flash.params)}
            </p>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {t('footer.licencePrefix')}{' '}
              <a rel="license" href={`https://creativecommons.org/licenses/by-sa/4.0/deed.${lang}`}>
                {t('licence.ccbysa')}
              </a>
              . {t('footer.credits')}
            </p>
            <p>
              <a href="/about">{t('nav.about')}</a> · <a href="/contributors">{t('nav.contributors')}</a> ·{' '}
              <a href="/contact">{t('nav.contact')}</a> · <a href="/transparency">{t('nav.transparency')}</a> · <a href="/search">{t('reach.footer.search')}</a> ·{' '}
              <a href="/feeds">{t('reach.footer.feeds')}</a> · <a href="/sitemap.xml">sitemap</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
