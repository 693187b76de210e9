import type { VNode } from 'preact';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { kindPath, PIECE_KINDS, type PieceKind } from '../domain/kinds.ts';
import type { PieceCard, ThemeView } from '../queries.ts';
import { Pagination, PieceGrid, themeName } from './piece-card.tsx';

type ThemeWithText = ThemeView & { description_fr: string; description_en: string };

function ThemeList({ ctx, themes }: { ctx: ViewContext; themes: ThemeWithText[] }) {
  return (
    <ul class="theme-list">
      {themes.map((th) => (
        <li class={`theme theme-${th.slug}`}>
          <a href={`/themes/${th.slug}`}>
            <strong>{themeName(th, ctx.lang)}</strong>
            <span>{ctx.lang === 'en' ? th.description_en : th.description_fr}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function HomePage({ ctx, latest, themes, highlights = [] }: { ctx: ViewContext; latest: PieceCard[]; themes: ThemeWithText[]; highlights?: VNode[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('home.title'), description: t('home.tagline'), canonicalPath: '/' }}>
      <section class="hero">
        <h1>{t('home.heading')}</h1>
        <p class="lede">{t('home.tagline')}</p>
        <p class="hero-actions">
          <a class="button" href="/about">
            {t('home.learnMore')}
          </a>
          <a class="button button-secondary" href="/propose">
            {t('nav.propose')}
          </a>
        </p>
      </section>
      {highlights.length ? <div class="home-highlights">{highlights}</div> : null}
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('home.latest')}</h2>
        <PieceGrid ctx={ctx} pieces={latest} />
        <p>
          <a href="/pieces">{t('home.allPieces')}</a>
        </p>
      </section>
      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{t('home.themes')}</h2>
        <ThemeList ctx={ctx} themes={themes} />
      </section>
      <section aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">{t('home.kinds')}</h2>
        <ul class="kind-list">
          {PIECE_KINDS.map((k) => (
            <li>
              <a href={`/kinds/${kindPath(k)}`}>{t(`kindPlural.${k}`)}</a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}

export function ThemesPage({ ctx, themes }: { ctx: ViewContext; themes: ThemeWithText[] }) {
  return (
    <Layout ctx={ctx} meta={{ title: ctx.t('themes.title'), canonicalPath: '/themes' }}>
      <h1>{ctx.t('themes.title')}</h1>
      <ThemeList ctx={ctx} themes={themes} />
    </Layout>
  );
}

export function ListingPage(props: {
  ctx: ViewContext;
  title: string;
  intro?: string;
  path: string;
  pieces: PieceCard[];
  page: number;
  pages: number;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} meta={{ title: props.title, description: props.intro, canonicalPath: props.page > 1 ? `${props.path}?page=${props.page}` : props.path }}>
      <h1>{props.title}</h1>
      {props.intro ? <p class="lede">{props.intro}</p> : null}
      <PieceGrid ctx={ctx} pieces={props.pieces} headingLevel={2} />
      <Pagination ctx={ctx} page={props.page} pages={props.pages} basePath={props.path} />
    </Layout>
  );
}

export function kindTitle(ctx: ViewContext, kind: PieceKind): string {
  return ctx.t(`kindPlural.${kind}`);
}
