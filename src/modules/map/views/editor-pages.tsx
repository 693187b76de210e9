/** The editors' side of the map: the queue, one suggestion with its diff and duplicates. */
import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { Page } from '../../../shared/pagination.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { PostForm, TextField, emptyForm } from '../../../shared/views/form-fields.tsx';
import { Pager } from '../../../shared/views/pager.tsx';
import type { DuplicateMatch } from '../domain/duplicates.ts';
import type { FieldChange } from '../domain/versioning.ts';
import type { SuggestionRow } from '../queries/suggestions.ts';
import { DiffTable } from './diff-table.tsx';
import type { Names } from './field-values.ts';
import { countryName, paths } from './labels.ts';

type QueueRow = SuggestionRow & { organisation_name: string | null };

function suggestionName(s: QueueRow): string {
  try {
    return (JSON.parse(s.proposal) as { name?: string }).name ?? s.organisation_name ?? `#${s.id}`;
  } catch {
    return `#${s.id}`;
  }
}

export function MapDeskPage(props: {
  ctx: ViewContext;
  pending: QueueRow[];
  recent: QueueRow[];
  unconfirmed: number;
  organisations: Page<{ id: number; slug: string; name: string; city: string; country: string; status: string; version: number; updated_at: string }>;
  q: string;
  canEdit: boolean;
  canManageTaxonomy: boolean;
}) {
  const { ctx } = props;
  const { t, lang } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('map.editor.title')}>
      <p class="map-actions">
        {props.canEdit ? (
          <>
            <a class="button" href="/editor/map/organisations/new">
              {t('map.editor.newOrganisation')}
            </a>{' '}
            <a class="button button-secondary" href="/editor/map/import">
              {t('map.editor.import')}
            </a>{' '}
          </>
        ) : null}
        {props.canManageTaxonomy ? <a href="/editor/map/models">{t('map.editor.models')}</a> : null}
      </p>
      <h2>{t('map.editor.queue')}</h2>
      {props.unconfirmed ? <p class="hint">{t('map.editor.unconfirmed', { n: props.unconfirmed })}</p> : null}
      {props.pending.length === 0 ? (
        <p class="empty">{t('editor.nothing')}</p>
      ) : (
        <ul class="queue">
          {props.pending.map((s) => (
            <li>
              <a href={`/editor/map/suggestions/${s.id}`}>{suggestionName(s)}</a> — {t(`map.editor.kind.${s.kind}`)} · {formatDateTime(s.created_at, lang)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('map.editor.recent')}</h2>
      {props.recent.length === 0 ? (
        <p class="empty">{t('editor.nothing')}</p>
      ) : (
        <ul class="queue">
          {props.recent.map((s) => (
            <li>
              <a href={`/editor/map/suggestions/${s.id}`}>{suggestionName(s)}</a> — {t(`map.editor.status.${s.status}`)} · {formatDateTime(s.decided_at, lang)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('map.editor.organisations')}</h2>
      <form method="get" action="/editor/map" role="search" class="inline-search">
        <label for="f-org-q">{t('map.editor.searchOrganisations')}</label> <input id="f-org-q" name="q" type="search" value={props.q} maxLength={200} /> <button type="submit">{t('map.search')}</button>
      </form>
      <table class="data-table">
        <caption class="visually-hidden">{t('map.editor.organisations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map.field.name')}</th>
            <th scope="col">{t('map.field.city')}</th>
            <th scope="col">{t('map.field.status')}</th>
            <th scope="col">{t('editor.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {props.organisations.rows.map((o) => (
            <tr>
              <td>
                <a href={`/editor/map/organisations/${o.id}`}>{o.name}</a>
              </td>
              <td>{[o.city, countryName(o.country, lang)].filter(Boolean).join(', ')}</td>
              <td>{t(o.status === 'hidden' ? 'map.status.hidden' : 'map.status.published')}</td>
              <td>
                <a href={`/editor/map/organisations/${o.id}/history`}>{t('map.editor.version', { n: o.version })}</a> · {formatDateTime(o.updated_at, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager ctx={ctx} page={props.organisations} path="/editor/map" params={{ q: props.q }} />
    </EditorLayout>
  );
}

export interface DuplicateView extends DuplicateMatch {
  name: string;
  slug: string;
  city: string;
  country: string;
}

export function SuggestionReviewPage(props: { ctx: ViewContext; suggestion: QueueRow; changes: FieldChange[]; duplicates: DuplicateView[]; names: Names; target: { slug: string; name: string } | null }) {
  const { ctx, suggestion: s, changes } = props;
  const { t, lang } = ctx;
  const pending = s.status === 'pending';
  return (
    <EditorLayout ctx={ctx} title={t('map.editor.suggestionTitle', { id: s.id })}>
      <p>
        <strong>{t(`map.editor.kind.${s.kind}`)}</strong> · {t(`map.editor.status.${s.status}`)} · {formatDateTime(s.created_at, lang)}
        {props.target ? (
          <>
            {' · '}
            <a href={paths.organisation(props.target.slug)}>{props.target.name}</a>
          </>
        ) : null}
      </p>
      <p>
        {t('map.editor.suggester')} : {s.suggester_name} &lt;{s.suggester_email}&gt; <span class="hint">{t('map.editor.suggesterPrivate')}</span>
      </p>
      {s.message ? (
        <blockquote>
          <p>{s.message}</p>
        </blockquote>
      ) : null}
      <DiffTable ctx={ctx} changes={changes} names={props.names} caption={t('map.editor.diff')} />
      {s.kind === 'new' ? (
        <section aria-labelledby="dup-heading">
          <h2 id="dup-heading">{t('map.editor.duplicates')}</h2>
          {props.duplicates.length === 0 ? (
            <p class="empty">{t('map.editor.noDuplicates')}</p>
          ) : (
            <ul class="duplicates">
              {props.duplicates.map((d) => (
                <li>
                  <a href={paths.organisation(d.slug)}>{d.name}</a> ({[d.city, countryName(d.country, lang)].filter(Boolean).join(', ')}) —{' '}
                  {d.reasons.map((r) => t(`map.editor.reason.${r}`, { km: d.distanceKm.toFixed(2) })).join(', ')}
                  {pending ? (
                    <PostForm ctx={ctx} action={`/editor/map/suggestions/${s.id}/merge`} class="inline-form" label={`${t('map.editor.merge')} ${d.name}`}>
                      <input type="hidden" name="target" value={String(d.id)} />{' '}
                      <button type="submit" class="button-secondary">
                        {t('map.editor.merge')}
                      </button>
                    </PostForm>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {pending ? (
        <div class="decision-forms">
          <PostForm ctx={ctx} action={`/editor/map/suggestions/${s.id}/accept`} label={t('map.editor.accept')}>
            <TextField ctx={ctx} form={emptyForm} name="note" idPrefix="accept-" label={t('map.editor.decisionNote')} maxLength={500} />
            <button type="submit">{t('map.editor.accept')}</button>
          </PostForm>
          <PostForm ctx={ctx} action={`/editor/map/suggestions/${s.id}/reject`} label={t('map.editor.reject')}>
            <TextField ctx={ctx} form={emptyForm} name="note" idPrefix="reject-" label={t('map.editor.decisionNote')} maxLength={500} />
            <button type="submit" class="button-secondary">
              {t('map.editor.reject')}
            </button>
          </PostForm>
        </div>
      ) : s.decision_note ? (
        <p>{s.decision_note}</p>
      ) : null}
    </EditorLayout>
  );
}
