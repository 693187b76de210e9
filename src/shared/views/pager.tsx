import { pageHref, type Page } from '../pagination.ts';
import type { ViewContext } from './context.ts';

/**
 * Previous / next links under a desk list, keeping its filters. Without a count of the whole
 * table we show the page number, not "page N of M".
 */
export function Pager({ ctx, page, path, params = {} }: { ctx: ViewContext; page: Pick<Page<unknown>, 'page' | 'hasPrevious' | 'hasNext'>; path: string; params?: Record<string, string | number | undefined> }) {
  if (!page.hasPrevious && !page.hasNext) return null;
  return (
    <nav class="pagination" aria-label={ctx.t('common.pagination')}>
      {page.hasPrevious ? (
        <a href={pageHref(path, params, page.page - 1)} rel="prev">
          ← {ctx.t('common.previous')}
        </a>
      ) : null}
      <span>{ctx.t('list.page', { page: page.page })}</span>
      {page.hasNext ? (
        <a href={pageHref(path, params, page.page + 1)} rel="next">
          {ctx.t('common.next')} →
        </a>
      ) : null}
    </nav>
  );
}

/**
 * The filter above a desk list: a GET form, so the filtered page has an address. `hidden`
 * carries the list's other filters (a status tab) through a new search.
 */
export function ListFilter({ ctx, path, q, label, hidden = {}, id }: { ctx: ViewContext; path: string; q: string; label: string; hidden?: Record<string, string>; id?: string }) {
  return (
    <form method="get" action={path} class="list-filter" role="search" id={id}>
      {Object.entries(hidden).map(([name, value]) => (value ? <input type="hidden" name={name} value={value} /> : null))}
      <label>
        <span>{label}</span> <input type="search" name="q" value={q} maxLength={100} />
      </label>{' '}
      <button type="submit">{ctx.t('list.filter')}</button>
      {q ? (
        <>
          {' '}
          <a href={pageHref(path, hidden, 1)}>{ctx.t('list.clear')}</a>
        </>
      ) : null}
    </form>
  );
}

/** Tabs above a desk list (its status), each a link keeping the other filters; the current one is marked. */
export function ListTabs({ ctx, path, name, current, tabs, params = {} }: { ctx: ViewContext; path: string; name: string; current: string; tabs: readonly (readonly [string, string])[]; params?: Record<string, string | number | undefined> }) {
  return (
    <nav class="list-tabs" aria-label={ctx.t('list.tabs')}>
      <ul>
        {tabs.map(([value, label]) => (
          <li>
            <a href={pageHref(path, { ...params, [name]: value }, 1)} aria-current={value === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
