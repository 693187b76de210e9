import { formatDate } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import type { Segment, SearchResult } from '../queries.ts';

export interface SearchOption {
  value: string;
  label: string;
}

/** A filter of the search form: "all" first, then the options, the current one selected. */
function FilterSelect({ id, name, label, all, options, current }: { id: string; name: string; label: string; all: string; options: SearchOption[]; current: string | undefined }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s) => (s.marked ? <mark>{s.text}</mark> : s.text))}</>;
}

function pageLink(params: { q: string; theme?: string | undefined; kind?: string | undefined }, page: number): string {
  const search = new URLSearchParams({ q: params.q });
  if (params.theme) search.set('theme', params.theme);
  if (params.kind) search.set('kind', params.kind);
  if (page > 1) search.set('page', String(page));
  return `/search?${search.toString()}`;
}

/** Search over the pieces: the form, ranked results with their matches marked, and pages. */
export function SearchPage(props: {
  ctx: ViewContext;
  query: { q: string; theme?: string | undefined; kind?: string | undefined };
  themes: SearchOption[];
  kinds: SearchOption[];
  /** Null when nothing searchable was typed. */
  outcome: { results: SearchResult[]; total: number; page: number; pages: number } | null;
  kindLabel: (kind: string) => string;
}) {
  const { ctx, query, outcome } = props;
  const { t } = ctx;
  const title = query.q ? t('reach.search.titleFor', { query: query.q }) : t('reach.search.title');
  return (
    <Layout ctx={ctx} meta={{ title, noindex: query.q !== '', canonicalPath: '/search' }}>
      <section class="search-page">
        <h1>{t('reach.search.title')}</h1>
        <form method="get" action="/search" class="search-form" role="search">
          <div class="field">
            <label for="search-q">{t('reach.search.label')}</label>
            <input id="search-q" name="q" type="search" value={query.q} maxLength={200} />
          </div>
          <FilterSelect id="search-theme" name="theme" label={t('reach.search.theme')} all={t('reach.search.allThemes')} options={props.themes} current={query.theme} />
          <FilterSelect id="search-kind" name="kind" label={t('reach.search.kind')} all={t('reach.search.allKinds')} options={props.kinds} current={query.kind} />
          <button type="submit">{t('reach.search.submit')}</button>
        </form>
        {outcome === null ? (
          <p class="muted">{query.q ? t('reach.search.nothingToSearch') : t('reach.search.hint')}</p>
        ) : (
          <>
            <p role="status">{t('reach.search.count', { count: outcome.total })}</p>
            {outcome.results.length === 0 ? <p class="empty">{t('reach.search.none')}</p> : null}
            <ol class="search-results" start={(outcome.page - 1) * 10 + 1}>
              {outcome.results.map((r) => (
                <li lang={r.language !== ctx.lang ? r.language : undefined}>
                  <article class="search-result">
                    <h2>
                      <a href={r.url}>
                        <Marked segments={r.title} />
                      </a>
                    </h2>
                    <p class="card-meta">
                      <span class="badge">{props.kindLabel(r.kind)}</span>
                      <time dateTime={r.publishedAt}>{formatDate(r.publishedAt, ctx.lang)}</time>
                      {r.authors.length ? <span>{r.authors.map((a) => a.name).join(', ')}</span> : null}
                    </p>
                    <p class="search-extract">
                      <Marked segments={r.extract} />
                    </p>
                  </article>
                </li>
              ))}
            </ol>
            {outcome.pages > 1 ? (
              <nav class="pagination" aria-label={t('reach.search.pages')}>
                {outcome.page > 1 ? <a href={pageLink(query, outcome.page - 1)} rel="prev">{t('reach.search.previous')}</a> : null}{' '}
                <span>{t('reach.search.page', { page: outcome.page, pages: outcome.pages })}</span>{' '}
                {outcome.page < outcome.pages ? <a href={pageLink(query, outcome.page + 1)} rel="next">{t('reach.search.next')}</a> : null}
              </nav>
            ) : null}
          </>
        )}
      </section>
    </Layout>
  );
}
