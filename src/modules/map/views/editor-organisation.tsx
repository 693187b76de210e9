/** The editors' organisation form and its version history (with restore). */
import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import type { OrganisationFields } from '../domain/organisation.ts';
import type { FieldChange } from '../domain/versioning.ts';
import type { BusinessModel, ThemeOption } from '../queries/vocabulary.ts';
import { DiffTable } from './diff-table.tsx';
import type { Names } from './field-values.ts';
import { paths, type MapAssets } from './labels.ts';
import { OrganisationFieldset } from './organisation-fields.tsx';

export function OrganisationEditPage(props: { ctx: ViewContext; form: FormState; organisationId: number | null; slug: string | null; themes: ThemeOption[]; models: BusinessModel[]; assets: MapAssets }) {
  const { ctx, form, organisationId } = props;
  const { t } = ctx;
  const title = organisationId === null ? t('map.editor.newOrganisation') : t('map.org.edit');
  return (
    <EditorLayout ctx={ctx} title={title}>
      <link rel="stylesheet" href={props.assets.css} />
      {props.slug ? (
        <p>
          <a href={paths.organisation(props.slug)}>{paths.organisation(props.slug)}</a> · <a href={`/editor/map/organisations/${organisationId}/history`}>{t('map.org.history')}</a>
        </p>
      ) : null}
      <FormErrorSummary ctx={ctx} form={form} />
      <PostForm ctx={ctx} action={organisationId === null ? '/editor/map/organisations/new' : `/editor/map/organisations/${organisationId}`} label={title}>
        <OrganisationFieldset ctx={ctx} form={form} themes={props.themes} models={props.models} assets={props.assets} />
        <TextField ctx={ctx} form={form} name="slug" label={t('map.field.slug')} hint={t('map.field.slugHint')} maxLength={80} />
        <TextField ctx={ctx} form={form} name="case_studies" label={t('map.field.caseStudies')} hint={t('map.field.caseStudiesHint')} maxLength={5000} />
        <SelectField ctx={ctx} form={form} name="status" label={t('map.field.status')} options={[{ value: 'published', label: t('map.status.published') }, { value: 'hidden', label: t('map.status.hidden') }]} />
        <TextField ctx={ctx} form={form} name="note" label={t('map.field.note')} maxLength={300} />
        <input type="hidden" name="version" value={typeof form.values.version === 'string' ? form.values.version : ''} />
        <button type="submit">{t('map.editor.save')}</button>
      </PostForm>
      <script src={props.assets.js} defer />
    </EditorLayout>
  );
}

export interface VersionView {
  number: number;
  note: string;
  author: string | null;
  created_at: string;
  snapshot: OrganisationFields;
  /** What this version changed from the one before (empty for the first). */
  changes: FieldChange[];
}

export function HistoryPage({ ctx, organisationId, name, slug, versions, names }: { ctx: ViewContext; organisationId: number; name: string; slug: string; versions: VersionView[]; names: Names }) {
  const { t, lang } = ctx;
  const current = versions[0]?.number;
  return (
    <EditorLayout ctx={ctx} title={t('map.editor.historyTitle', { name })}>
      <p>
        <a href={paths.organisation(slug)}>{paths.organisation(slug)}</a> · <a href={`/editor/map/organisations/${organisationId}`}>{t('map.org.edit')}</a>
      </p>
      <ol class="versions" reversed>
        {versions.map((v) => (
          <li id={`v${v.number}`}>
            <h2>
              {t('map.editor.version', { n: v.number })} <span class="hint">{formatDateTime(v.created_at, lang)}</span>
              {v.author ? <span class="hint"> {t('map.editor.versionBy', { author: v.author })}</span> : null}
            </h2>
            {v.note ? <p>{v.note}</p> : null}
            {v.changes.length === 0 ? (
              <p class="hint">{t('map.editor.firstVersion')}</p>
            ) : (
              <DiffTable ctx={ctx} changes={v.changes} names={names} />
            )}
            {v.number === current ? (
              <p class="hint">{t('map.editor.current.version')}</p>
            ) : (
              <PostForm ctx={ctx} action={`/editor/map/organisations/${organisationId}/versions/${v.number}/restore`} label={`${t('map.editor.restore')} ${v.number}`}>
                <button type="submit" class="button-secondary">
                  {t('map.editor.restore')} ({v.number})
                </button>
              </PostForm>
            )}
          </li>
        ))}
      </ol>
    </EditorLayout>
  );
}
