import { formatDate, type Lang } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout, type HeadLink } from '../../../shared/views/layout.tsx';
import { mediaUrl } from '../../media/index.ts';
import type { PieceSectionOutput } from '../piece-extensions.ts';
import type { PublishedPiece } from '../queries.ts';
import { Credits, KindBadge, themeName } from './piece-card.tsx';

export const LICENCES: Record<string, { name: string; url: string }> = {
  'CC-BY-SA-4.0': { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
};

function licenceOf(code: string) {
  return LICENCES[code] ?? LICENCES['CC-BY-SA-4.0']!;
}

/** schema.org description of a piece: authors, licence, dates, language. */
export function pieceJsonLd(piece: PublishedPiece, baseUrl: string) {
  const url = `${baseUrl}/pieces/${piece.slug}`;
  const person = (c: PublishedPiece['credits'][number]) => ({ '@type': 'Person', name: c.name, url: `${baseUrl}/contributors/${c.slug}` });
  return {
    '@context': 'https://schema.org',
    '@type': piece.kind === 'challenge' ? 'Question' : 'Article',
    headline: piece.title,
    name: piece.title,
    description: piece.summary,
    url,
    mainEntityOfPage: url,
    inLanguage: piece.language,
    datePublished: piece.published_at,
    dateModified: piece.updated_at,
    author: piece.credits.filter((c) => c.kind === 'author' || c.kind === 'interviewer').map(person),
    contributor: piece.credits.filter((c) => c.kind !== 'author' && c.kind !== 'interviewer').map(person),
    license: licenceOf(piece.licence).url,
    keywords: piece.themes.map((t) => t.name_en).join(', '),
    ...(piece.cover_key ? { image: `${baseUrl}${mediaUrl(piece.cover_key)}` } : {}),
    publisher: { '@type': 'Organization', name: 'Open Experience', url: baseUrl },
  };
}

/** The same text in other languages, as listPublishedTranslations gives them. */
export interface PieceTranslation {
  slug: string;
  title: string;
  language: Lang;
  original: boolean;
}

/** Which text this one translates, and where to read it in the other languages. */
function Translations({ ctx, translations }: { ctx: ViewContext; translations: PieceTranslation[] }) {
  const { t } = ctx;
  if (translations.length === 0) return null;
  const original = translations.find((tr) => tr.original);
  return (
    <p class="piece-translations" lang={ctx.lang}>
      {original ? (
        <>
          {t('piece.translationNotice', { title: original.title, language: t(`language.${original.language}`) })}{' '}
        </>
      ) : null}
      {t('piece.otherLanguages')}{' '}
      {translations.map((tr, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <a href={`/pieces/${tr.slug}`} hreflang={tr.language} lang={tr.language} rel="alternate">
            {tr.title}
          </a>{' '}
          ({t(`language.${tr.language}`)})
        </>
      ))}
    </p>
  );
}

export function PieceArticle({ ctx, piece, preview, translations = [] }: { ctx: ViewContext; piece: PublishedPiece; preview?: boolean; translations?: PieceTranslation[] }) {
  const { t } = ctx;
  const licence = licenceOf(piece.licence);
  const url = `${ctx.baseUrl}/pieces/${piece.slug}`;
  const authors = piece.credits.map((c) => c.name).join(', ');
  return (
    // Microformats (h-entry): another site that receives our webmention reads the title, summary, date and text.
    <article class="piece h-entry" lang={piece.language}>
      <header class="piece-header">
        <p class="card-meta">
          <KindBadge ctx={ctx} kind={piece.kind} />
          {preview ? <span class="badge">{t('piece.preview')}</span> : null}
          <time class="dt-published" dateTime={piece.published_at ?? undefined}>
            {formatDate(piece.published_at, ctx.lang)}
          </time>
        </p>
        <h1 class="p-name">{piece.title}</h1>
        <data class="u-url" value={url} />
        <p class="lede p-summary">{piece.summary}</p>
        <Credits ctx={ctx} credits={piece.credits} />
        <Translations ctx={ctx} translations={translations} />
        {piece.themes.length ? (
          <ul class="tags" aria-label={t('piece.themes')}>
            {piece.themes.map((th) => (
              <li>
                <a href={`/themes/${th.slug}`}>{themeName(th, ctx.lang)}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      {piece.cover_key ? <img class="piece-cover" src={mediaUrl(piece.cover_key)} alt={piece.cover_alt} /> : null}
      <div class="prose e-content" dangerouslySetInnerHTML={{ __html: piece.body_html }} />
      <footer class="licence-box" lang={ctx.lang}>
        <h2>{t('licence.title')}</h2>
        <p>
          {t('licence.statement')}{' '}
          <a rel="license" href={licence.url}>
            {licence.name}
          </a>
          . {t('licence.explain')}
        </p>
        <p class="attribution">
          {t('licence.howToCredit')} <q>{`${piece.title} — ${authors} — Open Experience — ${licence.name} — ${url}`}</q>
        </p>
        <div class="share">
          <p>
            {t('share.label')}{' '}
            <a href={`mailto:?subject=${encodeURIComponent(piece.title)}&body=${encodeURIComponent(url)}`}>{t('share.email')}</a> ·{' '}
            <a href={`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`} rel="noopener">
              LinkedIn
            </a>{' '}
            {/* Shown by the page's script, which copies the link (no third-party script). */}
            <button type="button" class="link-button copy-link" data-copy={url} data-copied={t('reach.share.copied')} hidden>
              {t('reach.share.copyLink')}
            </button>
            <span class="copy-status" role="status" aria-live="polite" />
          </p>
          {/* The reader's own Mastodon instance, remembered in their browser by the page's script. */}
          <form class="mastodon-share" method="get" action="/share/mastodon">
            <input type="hidden" name="text" value={`${piece.title} ${url}`} />
            <label for="mastodon-instance">{t('reach.share.mastodonInstance')}</label>{' '}
            <input id="mastodon-instance" name="instance" type="text" inputMode="url" placeholder="mastodon.social" maxLength={253} required />{' '}
            <button type="submit">{t('reach.share.onMastodon')}</button>
          </form>
        </div>
      </footer>
    </article>
  );
}

/** `sections`: what other modules draw under the article (comments, responses, mentions), with their head links. */
export function PiecePage({
  ctx,
  piece,
  preview,
  sections = [],
  translations = [],
}: {
  ctx: ViewContext;
  piece: PublishedPiece;
  preview?: boolean;
  sections?: PieceSectionOutput[];
  translations?: PieceTranslation[];
}) {
  const head: HeadLink[] = sections.flatMap((s) => s.links ?? []);
  return (
    <Layout
      head={head}
      ctx={ctx}
      meta={{
        title: piece.title,
        description: piece.summary,
        canonicalPath: `/pieces/${piece.slug}`,
        ogType: 'article',
        ...(piece.cover_key ? { ogImage: mediaUrl(piece.cover_key) } : {}),
        jsonLd: pieceJsonLd(piece, ctx.baseUrl),
        noindex: preview ?? false,
        contentLang: piece.language,
      }}
    >
      <PieceArticle ctx={ctx} piece={piece} preview={preview} translations={translations} />
      {sections.map((s) => (s.render ? s.render(ctx) : null))}
    </Layout>
  );
}
