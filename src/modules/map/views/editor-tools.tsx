/** The editors' tools of the map: the business-model taxonomy and the import. */
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import type { ImportReport } from '../commands/import-organisations.ts';
import type { ImportFileProblem } from '../open-data.ts';
import type { BusinessModel } from '../queries/vocabulary.ts';
import { INPUT_LABELS } from './field-values.ts';
import { paths } from './labels.ts';

export function ModelsPage({ ctx, models, errorFor }: { ctx: ViewContext; models: BusinessModel[]; errorFor: { id: number | null; form: FormState } | null }) {
  const { t } = ctx;
  const formOf = (id: number | null, values: FormState['values']): FormState => (errorFor && errorFor.id === id ? errorFor.form : { values, errors: {} });
  const fields = (id: number | null, form: FormState) => {
    const prefix = `m${id ?? 'new'}-`;
    return (
      <>
        <FormErrorSummary ctx={ctx} form={form} />
        <TextField ctx={ctx} form={form} idPrefix={prefix} name="slug" label={t('map.editor.modelSlug')} required maxLength={80} />
        <TextField ctx={ctx} form={form} idPrefix={prefix} name="name_fr" label={t('map.editor.modelNameFr')} required maxLength={120} />
        <TextField ctx={ctx} form={form} idPrefix={prefix} name="name_en" label={t('map.editor.modelNameEn')} required maxLength={120} />
        <TextField ctx={ctx} form={form} idPrefix={prefix} name="position" label={t('map.editor.modelPosition')} maxLength={4} />
      </>
    );
  };
  return (
    <EditorLayout ctx={ctx} title={t('map.editor.modelsTitle')}>
      <p>{t('map.editor.modelsIntro')}</p>
      {models.map((m) => (
        <section class="model-form" aria-label={m.name_fr}>
          <PostForm ctx={ctx} action={`/editor/map/models/${m.id}`} label={m.name_fr}>
            {fields(m.id, formOf(m.id, { slug: m.slug, name_fr: m.name_fr, name_en: m.name_en, position: String(m.position) }))}
            <button type="submit">{t('map.editor.save')}</button>
          </PostForm>
          <PostForm ctx={ctx} action={`/editor/map/models/${m.id}/delete`} label={`${t('map.editor.modelDelete')} ${m.name_fr}`}>
            <button type="submit" class="button-secondary">
              {t('map.editor.modelDelete')}
            </button>
          </PostForm>
        </section>
      ))}
      <h2>{t('map.editor.modelNew')}</h2>
      <PostForm ctx={ctx} action="/editor/map/models/new" label={t('map.editor.modelNew')}>
        {fields(null, formOf(null, {}))}
        <button type="submit">{t('map.editor.save')}</button>
      </PostForm>
    </EditorLayout>
  );
}

function problemText(ctx: ViewContext, problem: ImportFileProblem): string {
  const { key, ...params } = problem;
  return ctx.t(key, params);
}

export function ImportPage({ ctx, report, form }: { ctx: ViewContext; report: (ImportReport & { filename: string }) | null; form: FormState }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('map.editor.importTitle')}>
      <p>{t('map.editor.importIntro')}</p>
      <FormErrorSummary ctx={ctx} form={form} />
      <PostForm ctx={ctx} action="/editor/map/import" multipart label={t('map.editor.importTitle')}>
        <div class="field">
          <label for="f-file">{t('map.editor.importFile')}</label>
          <input id="f-file" name="file" type="file" accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json" data-max-bytes={String(Math.round(ctx.maxUploadMb * 1024 * 1024))} data-too-large={t('errors.tooLarge', { max: Math.round(ctx.maxUploadMb) })} />
        </div>
        <fieldset class="field">
          <legend>{t('map.editor.importMode')}</legend>
          <label class="checkbox">
            <input type="radio" name="mode" value="preview" checked /> {t('map.editor.importPreview')}
          </label>
          <label class="checkbox">
            <input type="radio" name="mode" value="apply" /> {t('map.editor.importApply')}
          </label>
        </fieldset>
        <button type="submit">{t('map.editor.importApply')}</button>
      </PostForm>
      {report ? (
        <section aria-labelledby="report-heading" class="import-report">
          <h2 id="report-heading">
            {t('map.editor.importReport')} — {report.filename}
          </h2>
          {report.problem ? (
            <p class="flash flash-error" role="alert">
              {problemText(ctx, report.problem)}
            </p>
          ) : (
            <>
              <p role="status" class={report.applied ? 'flash flash-success' : 'flash'}>
                {t(report.applied ? 'map.editor.importApplied' : 'map.editor.importDryRun', report.counts)}
              </p>
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('map.field.name')}</th>
                    <th scope="col">{t('map.editor.importReport')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr class={`outcome-${r.outcome}`}>
                      <td>{t(`map.editor.where.${r.where.kind}`, { n: r.where.n })}</td>
                      <td>{r.name}</td>
                      <td>
                        {t(`map.editor.outcome.${r.outcome}`)}
                        {r.target ? (
                          <>
                            {' '}
                            {r.target.slug ? <a href={paths.organisation(r.target.slug)}>{r.target.name}</a> : r.target.name}
                          </>
                        ) : null}
                        {r.errors.length ? (
                          <ul class="row-errors">
                            {r.errors.map((e) => (
                              <li>
                                <strong>{INPUT_LABELS.get(e.field) ? t(INPUT_LABELS.get(e.field)!) : e.field}</strong> : {t(e.key)}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ) : null}
    </EditorLayout>
  );
}

