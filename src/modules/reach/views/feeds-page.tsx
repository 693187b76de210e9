import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';

interface FeedLine {
  label: string;
  /** The feed's path without its extension. */
  path: string;
}

function Formats({ path }: { path: string }) {
  return (
    <>
      <a href={`${path}.rss`} type="application/rss+xml">
        RSS
      </a>{' '}
      · <a href={`${path}.atom`} type="application/atom+xml">Atom</a> ·{' '}
      <a href={`${path}.json`} type="application/feed+json">
        JSON Feed
      </a>
    </>
  );
}

/** Every feed of the programme: all pieces, by kind, by theme; contributors' and comments' feeds are linked from their pages. */
export function FeedsPage({ ctx, kinds, themes }: { ctx: ViewContext; kinds: FeedLine[]; themes: FeedLine[] }) {
  const { t } = ctx;
  const list = (lines: FeedLine[]) => (
    <ul>
      {lines.map((l) => (
        <li>
          {l.label} — <Formats path={l.path} />
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} meta={{ title: t('reach.feeds.title'), canonicalPath: '/feeds' }}>
      <section class="narrow">
        <h1>{t('reach.feeds.title')}</h1>
        <p class="lede">{t('reach.feeds.intro')}</p>
        <h2>{t('reach.feeds.all')}</h2>
        <p>
          <Formats path="/feeds/pieces" />
        </p>
        <h2>{t('reach.feeds.byKind')}</h2>
        {list(kinds)}
        <h2>{t('reach.feeds.byTheme')}</h2>
        {list(themes)}
        <h2>{t('reach.feeds.more')}</h2>
        <p>{t('reach.feeds.moreText')}</p>
      </section>
    </Layout>
  );
}
