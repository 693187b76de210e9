/** The directory: one page per theme and per business model (and an index of both). */
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import type { PublicOrganisation } from '../queries/organisations.ts';
import type { BusinessModel, ThemeOption } from '../queries/vocabulary.ts';
import { localName, paths, type MapAssets } from './labels.ts';
import { ListPager, OrganisationList } from './organisation-list.tsx';

export function DirectoryIndexPage({ ctx, themes, models, themeCounts, modelCounts, assets }: { ctx: ViewContext; themes: ThemeOption[]; models: BusinessModel[]; themeCounts: Map<number, number>; modelCounts: Map<number, number>; assets: MapAssets }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('map.dir.title'), description: t('map.dir.intro'), canonicalPath: '/map/directory' }}>
      <link rel="stylesheet" href={assets.css} />
      <h1>{t('map.dir.title')}</h1>
      <p class="lede">{t('map.dir.intro')}</p>
      <div class="directory-columns">
        <section aria-labelledby="dir-themes">
          <h2 id="dir-themes">{t('map.themes')}</h2>
          <ul>
            {themes.map((th) => (
              <li>
                <a href={paths.theme(th.slug)}>{localName(th, lang)}</a> ({themeCounts.get(th.id) ?? 0})
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="dir-models">
          <h2 id="dir-models">{t('map.models')}</h2>
          <ul>
            {models.map((m) => (
              <li>
                <a href={paths.model(m.slug)}>{localName(m, lang)}</a> ({modelCounts.get(m.id) ?? 0})
              </li>
            ))}
          </ul>
        </section>
      </div>
      <p>
        <a href="/map">{t('nav.map')}</a> · <a href="/map/suggest">{t('map.suggest')}</a>
      </p>
    </Layout>
  );
}

export function DirectoryPage(props: {
  ctx: ViewContext;
  title: string;
  description: string;
  path: string;
  mapQuery: string;
  list: { items: PublicOrganisation[]; page: number; hasMore: boolean; total: number };
  themes: ThemeOption[];
  assets: MapAssets;
}) {
  const { ctx, list } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: props.title, description: props.description, canonicalPath: props.path }}>
      <link rel="stylesheet" href={props.assets.css} />
      <p class="breadcrumb">
        <a href="/map/directory">{t('map.dir.title')}</a>
      </p>
      <h1>{props.title}</h1>
      {props.description ? <p class="lede">{props.description}</p> : null}
      <p>
        <a class="button button-secondary" href={`/map?${props.mapQuery}`}>
          {t('map.dir.onMap')}
        </a>
      </p>
      <h2>{t('map.listHeading', { n: list.total })}</h2>
      <OrganisationList ctx={ctx} items={list.items} themes={props.themes} />
      <ListPager ctx={ctx} page={list.page} hasMore={list.hasMore} href={(page) => `${props.path}?page=${page}`} />
    </Layout>
  );
}
