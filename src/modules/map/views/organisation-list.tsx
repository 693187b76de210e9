/** A list of organisations (map page, directory): links that work without JavaScript. */
import type { ViewContext } from '../../../shared/views/context.ts';
import type { PublicOrganisation } from '../queries/organisations.ts';
import type { ThemeOption } from '../queries/vocabulary.ts';
import { countryName, localName, paths } from './labels.ts';

export function OrganisationList({ ctx, items, themes }: { ctx: ViewContext; items: PublicOrganisation[]; themes: ThemeOption[] }) {
  const themeBySlug = new Map(themes.map((t) => [t.slug, t]));
  if (items.length === 0) return <p class="empty">{ctx.t('map.none')}</p>;
  return (
    <ul class="org-list">
      {items.map((o) => (
        <li>
          <a href={paths.organisation(o.slug)} class="org-name">
            {o.name}
          </a>
          <span class="org-place">{[o.city, countryName(o.country, ctx.lang)].filter(Boolean).join(', ')}</span>
          {o.themes.length ? <span class="org-themes">{o.themes.map((s) => (themeBySlug.get(s) ? localName(themeBySlug.get(s)!, ctx.lang) : s)).join(' · ')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Previous / next links that keep the current filters. */
export function ListPager({ ctx, page, hasMore, href }: { ctx: ViewContext; page: number; hasMore: boolean; href: (page: number) => string }) {
  if (page <= 1 && !hasMore) return null;
  return (
    <nav class="pagination" aria-label={ctx.t('common.pagination')}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← {ctx.t('common.previous')}
        </a>
      ) : null}
      {hasMore ? (
        <a href={href(page + 1)} rel="next">
          {ctx.t('common.next')} →
        </a>
      ) : null}
    </nav>
  );
}
