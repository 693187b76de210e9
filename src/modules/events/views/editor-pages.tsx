import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { CheckboxGroup, FormErrorSummary, formValues, PostForm, SelectField, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { PeopleSearchAnchor, PeopleSearchFields, PersonPicker, type PersonOption } from '../../../shared/views/person-picker.tsx';
import { eventState, type EventState } from '../domain/event-state.ts';
import type { EventListRow } from '../queries.ts';

export function EventStateBadge({ ctx, state }: { ctx: ViewContext; state: EventState }) {
  return <span class={`status status-${state}`}>{ctx.t(`eventState.${state}`)}</span>;
}

export function EventListPage({ ctx, events, now, series, seriesForm }: { ctx: ViewContext; events: EventListRow[]; now: Date; series: { id: number; slug: string; title: string }[]; seriesForm: FormState }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('editor.events')}>
      <p>
        <a class="button" href="/editor/events/new">
          {t('events.new')}
        </a>
      </p>
      <details class="series-box" open={Object.keys(seriesForm.errors).length > 0}>
        <summary>{t('events.seriesList', { n: series.length })}</summary>
        <ul>
          {series.map((x) => (
            <li>
              <a href={`/series/${x.slug}`}>{x.title}</a>
            </li>
          ))}
        </ul>
        <PostForm ctx={ctx} action="/editor/series" label={t('events.newSeries')}>
          <FormErrorSummary ctx={ctx} form={seriesForm} />
          <TextField ctx={ctx} form={seriesForm} idPrefix="s-" name="title" label={t('events.title')} required maxLength={200} />
          <TextField ctx={ctx} form={seriesForm} idPrefix="s-" name="slug" label={t('piece.slug')} hint={t('piece.slugHint')} maxLength={80} />
          <TextArea ctx={ctx} form={seriesForm} idPrefix="s-" name="description" label={t('events.description')} rows={3} />
          <button type="submit">{t('events.newSeries')}</button>
        </PostForm>
      </details>
      {events.length === 0 ? (
        <p class="empty">{t('editor.nothing')}</p>
      ) : (
        <table class="data-table">
          <caption>{t('editor.events')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.title')}</th>
              <th scope="col">{t('events.startsAt')}</th>
              <th scope="col">{t('events.capacity')}</th>
              <th scope="col">{t('workflow.status')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>
                  <a href={`/editor/events/${e.id}`}>{e.title}</a>
                </td>
                <td>{formatDateTime(e.starts_at, ctx.lang)}</td>
                <td>{e.capacity}</td>
                <td>
                  <EventStateBadge ctx={ctx} state={eventState(e, now)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </EditorLayout>
  );
}

export function EventFormPage({
  ctx,
  form,
  id,
  themes,
  speakers,
  series,
  extra,
}: {
  ctx: ViewContext;
  form: FormState;
  id: number | null;
  themes: { id: number; name: string }[];
  /** The people search's matches (`who`) and the speakers already named. */
  speakers: { matches: PersonOption[]; chosen: PersonOption[]; who: string };
  series: { id: number; title: string }[];
  extra?: ComponentChildren;
}) {
  const { t } = ctx;
  const title = id ? t('events.edit') : t('events.new');
  return (
    <EditorLayout ctx={ctx} title={title}>
      {id ? (
        <p>
          <a class="button" href={`/editor/events/${id}/tickets`}>
            {t('ticketing.manage')}
          </a>{' '}
          <a href={`/editor/events/${id}/checkin`}>{t('ticketing.checkin')}</a>
        </p>
      ) : null}
      <FormErrorSummary ctx={ctx} form={form} />
      <PostForm ctx={ctx} action={id ? `/editor/events/${id}` : '/editor/events'} label={title}>
        <TextField ctx={ctx} form={form} name="title" label={t('events.title')} required maxLength={200} />
        <TextField ctx={ctx} form={form} name="slug" label={t('piece.slug')} hint={t('piece.slugHint')} maxLength={80} />
        <SelectField ctx={ctx} form={form} name="series_id" label={t('events.series')} options={[{ value: '', label: '—' }, ...series.map((x) => ({ value: String(x.id), label: x.title }))]} />
        <SelectField ctx={ctx} form={form} name="theme_id" label={t('events.theme')} options={[{ value: '', label: '—' }, ...themes.map((th) => ({ value: String(th.id), label: th.name }))]} />
        <TextArea ctx={ctx} form={form} name="description" label={t('events.description')} hint={t('piece.bodyHint')} rows={6} />
        <div class="two-columns">
          <TextField ctx={ctx} form={form} name="venue" label={t('events.venue')} maxLength={200} />
          <TextField ctx={ctx} form={form} name="address" label={t('events.address')} maxLength={500} />
          <TextField ctx={ctx} form={form} name="starts_at" type="datetime-local" label={t('events.startsAt')} required />
          <TextField ctx={ctx} form={form} name="ends_at" type="datetime-local" label={t('events.endsAt')} required />
          <TextField ctx={ctx} form={form} name="registration_opens_at" type="datetime-local" label={t('events.opensAt')} hint={t('events.optionalDate')} />
          <TextField ctx={ctx} form={form} name="registration_closes_at" type="datetime-local" label={t('events.closesAt')} hint={t('events.optionalDate')} />
          <TextField ctx={ctx} form={form} name="capacity" label={t('events.capacity')} required />
          <SelectField ctx={ctx} form={form} name="status" label={t('workflow.status')} options={[{ value: 'draft', label: t('eventState.draft') }, { value: 'published', label: t('eventState.published') }]} />
          <SelectField ctx={ctx} form={form} name="language" label={t('language.label')} options={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
        </div>
        <SpeakerPickers ctx={ctx} form={form} speakers={speakers} />
        <CheckboxGroup ctx={ctx} form={form} name="payment_options" label={t('events.paymentOptions')} options={[{ value: 'door', label: t('events.payAtDoor') }]} />
        <button type="submit">{t('piece.save')}</button>
      </PostForm>
      <PeopleSearchAnchor formId={PEOPLE_SEARCH} path={id ? `/editor/events/${id}` : '/editor/events/new'} />
      {extra}
    </EditorLayout>
  );
}

const PEOPLE_SEARCH = 'people-search';

/** One person picker per speaker named, and two more (contributors are thousands: no list of everyone). */
function SpeakerPickers({ ctx, form, speakers }: { ctx: ViewContext; form: FormState; speakers: { matches: PersonOption[]; chosen: PersonOption[]; who: string } }) {
  const named = new Map(speakers.chosen.map((p) => [String(p.id), p]));
  const chosen = formValues(form, 'speakers').filter((v) => named.has(v));
  return (
    <fieldset class={`field${form.errors.speakers ? ' field-invalid' : ''}`}>
      <legend>{ctx.t('events.speakers')}</legend>
      {form.errors.speakers ? <p class="field-error">{ctx.t(form.errors.speakers)}</p> : null}
      <PeopleSearchFields ctx={ctx} formId={PEOPLE_SEARCH} who={speakers.who} />
      <ol class="credit-rows">
        {Array.from({ length: chosen.length + 2 }, (_, i) => (
          <li>
            <PersonPicker ctx={ctx} name="speakers" label={ctx.t('events.speakerN', { n: i + 1 })} none="—" selected={named.get(chosen[i] ?? '') ?? null} matches={speakers.matches} source="/editor/contributors/search.json" />
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
