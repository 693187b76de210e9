import type { ViewContext } from '../../../shared/views/context.ts';
import { FormErrorSummary, PostForm, SelectField, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { Layout } from '../../../shared/views/layout.tsx';

export function ProposePage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('propose.title'), description: t('propose.intro'), canonicalPath: '/propose' }}>
      <section class="narrow">
        <h1>{t('propose.title')}</h1>
        <p class="lede">{t('propose.intro')}</p>
        <p>{t('propose.licenceNotice')}</p>
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action="/propose" label={t('propose.title')}>
          <TextField ctx={ctx} form={form} name="name" label={t('proposal.name')} autocomplete="name" required maxLength={120} />
          <TextField ctx={ctx} form={form} name="email" type="email" label={t('accounts.email')} hint={t('propose.emailHint')} autocomplete="email" required />
          <TextField ctx={ctx} form={form} name="title" label={t('proposal.title')} required maxLength={200} />
          <TextArea ctx={ctx} form={form} name="pitch" label={t('proposal.pitch')} hint={t('propose.pitchHint')} rows={5} required maxLength={3000} />
          <TextArea ctx={ctx} form={form} name="draft" label={t('proposal.draft')} hint={t('propose.draftHint')} rows={10} />
          <SelectField ctx={ctx} form={form} name="language" label={t('piece.language')} options={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
          <div class="hp-field" aria-hidden="true">
            <label for="f-website">Website</label>
            <input id="f-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
          </div>
          <button type="submit">{t('propose.submit')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
