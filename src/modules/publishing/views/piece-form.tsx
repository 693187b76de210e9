import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import {
  CheckboxGroup,
  FormErrorSummary,
  formValues,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../../../shared/views/form-fields.tsx';
import { PeopleSearchAnchor, PeopleSearchFields, PersonPicker, type PersonOption } from '../../../shared/views/person-picker.tsx';
import { mediaUrl } from '../../media/index.ts';
import { CREDIT_ROLES, PIECE_KINDS } from '../domain/kinds.ts';
import type { PieceStatus, PublicationState, WorkflowAction } from '../domain/workflow.ts';
import type { ThemeView } from '../queries.ts';
import { themeName } from './piece-card.tsx';

export interface PieceFormProps {
  ctx: ViewContext;
  form: FormState;
  pieceId: number | null;
  state: PublicationState | null;
  status: PieceStatus | null;
  publishedAt: string | null;
  reviewFeedback: string | null;
  coverKey: string | null;
  themes: ThemeView[];
  /** Whom the credit pickers offer: everyone creditable, or (with `picker`) the people search's matches. */
  contributors: { id: number; name: string }[];
  /** Editors pick among thousands: search as you type (`source`), `who` without JavaScript, `chosen` the credited people's names. */
  picker: { source: string; who: string; chosen: PersonOption[] } | null;
  actions: WorkflowAction[];
  canEditContent: boolean;
  slugSuggestions: string[];
  transitionErrors?: FormState;
}

const CREDIT_ROWS = 6;
const PEOPLE_SEARCH = 'people-search';

export function StatusBadge({ ctx, state }: { ctx: ViewContext; state: PublicationState }) {
  return <span class={`status status-${state}`}>{ctx.t(`status.${state}`)}</span>;
}

function CreditRows({ ctx, form, contributors, picker }: Pick<PieceFormProps, 'ctx' | 'form' | 'contributors' | 'picker'>) {
  const chosen = formValues(form, 'credit_contributor');
  const roles = formValues(form, 'credit_role');
  const rows = Math.max(CREDIT_ROWS, chosen.length + 2);
  const named = new Map(picker?.chosen.map((p) => [String(p.id), p]));
  return (
    <fieldset class="field credits-field">
      <legend>{ctx.t('piece.credits')}</legend>
      <p class="hint">{ctx.t('piece.creditsHint')}</p>
      {form.errors.credits ? <p class="field-error">{ctx.t(form.errors.credits)}</p> : null}
      {picker ? <PeopleSearchFields ctx={ctx} formId={PEOPLE_SEARCH} who={picker.who} /> : null}
      <ol class="credit-rows">
        {Array.from({ length: rows }, (_, i) => (
          <li>
            {picker ? (
              <PersonPicker
                ctx={ctx}
                name="credit_contributor"
                id={i === 0 ? 'f-credits' : undefined}
                label={ctx.t('piece.creditPerson', { n: i + 1 })}
                none="—"
                selected={named.get(chosen[i] ?? '') ?? null}
                matches={contributors}
                source={picker.source}
              />
            ) : (
              <label>
                <span class="visually-hidden">{ctx.t('piece.creditPerson', { n: i + 1 })}</span>
                <select name="credit_contributor" id={i === 0 ? 'f-credits' : undefined}>
                  <option value="">—</option>
                  {contributors.map((c) => (
                    <option value={String(c.id)} selected={chosen[i] === String(c.id)}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              <span class="visually-hidden">{ctx.t('piece.creditRole', { n: i + 1 })}</span>
              <select name="credit_role">
                {CREDIT_ROLES.map((r) => (
                  <option value={r} selected={(roles[i] || 'author') === r}>
                    {ctx.t(`credit.${r}`)}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

function WorkflowPanel(props: PieceFormProps) {
  const { ctx, pieceId, actions } = props;
  if (pieceId === null) return null;
  const errors = props.transitionErrors ?? { values: {}, errors: {} };
  return (
    <section class="workflow-panel" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">{ctx.t('workflow.title')}</h2>
      <p>
        {ctx.t('workflow.current')} {props.state ? <StatusBadge ctx={ctx} state={props.state} /> : null}
        {props.publishedAt ? ` · ${formatDateTime(props.publishedAt, ctx.lang)}` : ''}
      </p>
      {props.reviewFeedback ? (
        <div class="feedback">
          <h3>{ctx.t('workflow.feedbackReceived')}</h3>
          <p>{props.reviewFeedback}</p>
        </div>
      ) : null}
      <FormErrorSummary ctx={ctx} form={errors} />
      {actions.map((action) => (
        <PostForm ctx={ctx} action={`/studio/pieces/${pieceId}/transition`} class={`workflow-form workflow-${action}`} label={ctx.t(`workflow.${action}`)}>
          <input type="hidden" name="action" value={action} />
          {action === 'reject' ? (
            <TextArea ctx={ctx} form={errors} name="feedback" label={ctx.t('workflow.feedback')} hint={ctx.t('workflow.feedbackHint')} rows={3} required />
          ) : null}
          {action === 'publish' ? (
            <TextField ctx={ctx} form={errors} name="publish_at" type="datetime-local" label={ctx.t('workflow.publishAt')} hint={ctx.t('workflow.publishAtHint')} />
          ) : null}
          <button type="submit" class={action === 'reject' || action === 'withdraw' ? 'button-secondary' : undefined}>
            {ctx.t(`workflow.${action}`)}
          </button>
        </PostForm>
      ))}
      <p>
        <a href={`/studio/pieces/${pieceId}/preview`}>{ctx.t('workflow.preview')}</a> ·{' '}
        <a href={`/studio/pieces/${pieceId}/revisions`}>{ctx.t('revisions.title')}</a>
      </p>
    </section>
  );
}

export function PieceFormPage(props: PieceFormProps) {
  const { ctx, form } = props;
  const { t } = ctx;
  const title = props.pieceId ? t('piece.editTitle') : t('piece.newTitle');
  return (
    <EditorLayout ctx={ctx} title={title}>
      <div class="piece-editor">
        <div>
          {props.canEditContent ? (
            <PostForm ctx={ctx} action={props.pieceId ? `/studio/pieces/${props.pieceId}` : '/studio/pieces'} multipart class="piece-form" label={title}>
              <FormErrorSummary ctx={ctx} form={form} />
              <SelectField ctx={ctx} form={form} name="kind" label={t('piece.kind')} options={PIECE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} required />
              <TextField ctx={ctx} form={form} name="title" label={t('piece.title')} required maxLength={200} />
              <TextField ctx={ctx} form={form} name="slug" label={t('piece.slug')} hint={t('piece.slugHint')} maxLength={80} />
              {props.slugSuggestions.length ? (
                <p class="slug-suggestions" role="status">
                  {t('piece.slugSuggestions')} {props.slugSuggestions.map((s) => <code>{s}</code>)}
                </p>
              ) : null}
              <TextArea ctx={ctx} form={form} name="summary" label={t('piece.summary')} rows={3} maxLength={500} />
              <TextArea ctx={ctx} form={form} name="body_md" label={t('piece.body')} hint={t('piece.bodyHint')} rows={18} />
              <SelectField ctx={ctx} form={form} name="language" label={t('piece.language')} options={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
              <TextField ctx={ctx} form={form} name="translation_of" label={t('piece.translationOf')} hint={t('piece.translationOfHint')} maxLength={80} />
              <CheckboxGroup ctx={ctx} form={form} name="themes" label={t('piece.themes')} options={props.themes.map((th) => ({ value: String(th.id), label: themeName(th, ctx.lang) }))} />
              <CreditRows ctx={ctx} form={form} contributors={props.contributors} picker={props.picker} />
              <div class={`field${form.errors.cover ? ' field-invalid' : ''}`}>
                <label for="f-cover">{t('piece.cover')}</label>
                <p class="hint" id="cover-hint">
                  {t('piece.coverHint', { max: Math.round(ctx.maxUploadMb) })}
                </p>
                {props.coverKey ? <img src={mediaUrl(props.coverKey)} alt="" class="cover-preview" /> : null}
                <input id="f-cover" type="file" name="cover" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby="cover-hint" data-max-bytes={String(ctx.maxUploadMb * 1024 * 1024)} data-too-large={t('errors.tooLarge', { max: Math.round(ctx.maxUploadMb) })} />
                {form.errors.cover ? <p class="field-error">{t(form.errors.cover)}</p> : null}
                {props.coverKey ? (
                  <label class="checkbox">
                    <input type="checkbox" name="remove_cover" value="on" /> {t('piece.removeCover')}
                  </label>
                ) : null}
              </div>
              <TextField ctx={ctx} form={form} name="cover_alt" label={t('piece.coverAlt')} maxLength={300} />
              <div class={`field${form.errors.image ? ' field-invalid' : ''}`}>
                <label for="f-image">{t('piece.image')}</label>
                <p class="hint" id="image-hint">
                  {t('piece.imageHint', { max: Math.round(ctx.maxUploadMb) })}
                </p>
                <input id="f-image" type="file" name="image" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby="image-hint" data-max-bytes={String(ctx.maxUploadMb * 1024 * 1024)} data-too-large={t('errors.tooLarge', { max: Math.round(ctx.maxUploadMb) })} />
                {form.errors.image ? <p class="field-error">{t(form.errors.image)}</p> : null}
              </div>
              <TextField ctx={ctx} form={form} name="image_alt" label={t('piece.imageAlt')} maxLength={300} />
              <SelectField ctx={ctx} form={form} name="licence" label={t('piece.licence')} options={[{ value: 'CC-BY-SA-4.0', label: 'CC BY-SA 4.0' }]} />
              <TextField ctx={ctx} form={form} name="note" label={t('piece.revisionNote')} maxLength={300} />
              <button type="submit">{t('piece.save')}</button>
            </PostForm>
          ) : (
            <p class="notice">{t('piece.lockedForAuthor')}</p>
          )}
          {props.canEditContent && props.picker ? <PeopleSearchAnchor formId={PEOPLE_SEARCH} path={props.pieceId ? `/studio/pieces/${props.pieceId}` : '/studio/pieces/new'} /> : null}
        </div>
        <WorkflowPanel {...props} />
      </div>
    </EditorLayout>
  );
}
