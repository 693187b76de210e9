import type { Page } from '../../../shared/pagination.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, formValue, PostForm, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { ListFilter, Pager } from '../../../shared/views/pager.tsx';
import { mediaUrl } from '../../media/index.ts';

export function ContributorListPage({ ctx, page, q }: { ctx: ViewContext; page: Page<{ id: number; slug: string; name: string; contribution_count: number }>; q: string }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('editor.contributors')}>
      <p>
        <a class="button" href="/editor/contributors/new">
          {t('contributors.new')}
        </a>
      </p>
      <ListFilter ctx={ctx} path="/editor/contributors" q={q} label={t('contributors.filter')} />
      <table class="data-table">
        <caption>{t('editor.contributors')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contributors.name')}</th>
            <th scope="col">{t('contributors.contributions')}</th>
            <th scope="col">{t('contributors.publicPage')}</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr>
              <td>
                <a href={`/editor/contributors/${r.id}`}>{r.name}</a>
              </td>
              <td>{Number(r.contribution_count)}</td>
              <td>
                <a href={`/contributors/${r.slug}`}>/contributors/{r.slug}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.rows.length === 0 ? <p>{t('list.empty')}</p> : null}
      <Pager ctx={ctx} page={page} path="/editor/contributors" params={{ q }} />
    </EditorLayout>
  );
}

export function ContributorFormPage({ ctx, form, id, photoKey }: { ctx: ViewContext; form: FormState; id: number | null; photoKey: string | null }) {
  const { t } = ctx;
  const title = id ? t('contributors.edit') : t('contributors.new');
  return (
    <EditorLayout ctx={ctx} title={title}>
      <FormErrorSummary ctx={ctx} form={form} />
      <PostForm ctx={ctx} action={id ? `/editor/contributors/${id}` : '/editor/contributors'} multipart label={title}>
        <TextField ctx={ctx} form={form} name="name" label={t('contributors.name')} required maxLength={120} />
        <TextField ctx={ctx} form={form} name="slug" label={t('piece.slug')} hint={t('piece.slugHint')} maxLength={80} />
        <TextArea ctx={ctx} form={form} name="bio" label={t('contributors.bio')} rows={4} maxLength={2000} />
        <TextArea ctx={ctx} form={form} name="links" label={t('contributors.links')} hint={t('contributors.linksHint')} rows={3} />
        <TextField ctx={ctx} form={form} name="email" type="email" label={t('contributors.privateEmail')} hint={t('contributors.privateEmailHint')} />
        <div class={`field${form.errors.photo ? ' field-invalid' : ''}`}>
          <label for="f-photo">{t('contributors.photo')}</label>
          {photoKey ? <img src={mediaUrl(photoKey)} alt="" class="avatar" /> : null}
          <input id="f-photo" type="file" name="photo" accept="image/png,image/jpeg,image/webp,image/gif" data-max-bytes={String(ctx.maxUploadMb * 1024 * 1024)} data-too-large={t('errors.tooLarge', { max: Math.round(ctx.maxUploadMb) })} />
          {form.errors.photo ? <p class="field-error">{t(form.errors.photo)}</p> : null}
        </div>
        <label class="checkbox">
          <input type="checkbox" name="public_name" value="on" checked={formValue(form, 'public_name') === 'on'} /> {t('contributors.publicName')}
        </label>
        <button type="submit">{t('piece.save')}</button>
      </PostForm>
    </EditorLayout>
  );
}
