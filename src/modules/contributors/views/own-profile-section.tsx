/** On a contributor's own account page: what they contributed, and how the registry shows them (a form to change it). */
import type { ViewContext } from '../../../shared/views/context.ts';
import { CheckboxField, FormErrorSummary, PostForm, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import type { ContributionItem } from '../subjects.ts';
import { ContributionList } from './contribution-list.tsx';

export function OwnProfileSection({ ctx, slug, listed, items, form }: { ctx: ViewContext; slug: string; listed: boolean; items: ContributionItem[]; form: FormState }) {
  const { t } = ctx;
  return (
    <section class="narrow" aria-labelledby="own-profile-heading" id="profile">
      <h2 id="own-profile-heading">{t('contributors.own.title')}</h2>
      <p>
        {listed ? (
          <>
            {t('contributors.own.listed')} <a href={`/contributors/${slug}`}>{t('contributors.own.viewPage')}</a>
          </>
        ) : (
          t('contributors.own.notListed')
        )}
      </p>
      <h3 id="own-contributions-heading">{t('contributors.contributions')}</h3>
      <ContributionList ctx={ctx} items={items} labelledBy="own-contributions-heading" />
      <h3 id="own-profile-form-heading">{t('contributors.own.edit')}</h3>
      <FormErrorSummary ctx={ctx} form={form} />
      <PostForm ctx={ctx} action="/account/profile" label={t('contributors.own.edit')}>
        <TextField ctx={ctx} form={form} name="name" idPrefix="profile-" label={t('contributors.name')} required maxLength={120} />
        <TextArea ctx={ctx} form={form} name="bio" idPrefix="profile-" label={t('contributors.bio')} rows={4} maxLength={2000} />
        <TextArea ctx={ctx} form={form} name="links" idPrefix="profile-" label={t('contributors.links')} hint={t('contributors.linksHint')} rows={3} />
        <CheckboxField ctx={ctx} form={form} name="public_name" idPrefix="profile-" label={t('contributors.own.publicName')} hint={t('contributors.own.publicNameHint')} />
        <button type="submit">{t('contributors.own.save')}</button>
      </PostForm>
    </section>
  );
}
