/** Public contribution: suggest an organisation or a correction, then confirm it from the email. */
import type { ViewContext } from '../../../shared/views/context.ts';
import { FormErrorSummary, PostForm, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { Layout } from '../../../shared/views/layout.tsx';
import type { BusinessModel, ThemeOption } from '../queries/vocabulary.ts';
import { Honeypot } from './honeypot.tsx';
import type { MapAssets } from './labels.ts';
import { OrganisationFieldset } from './organisation-fields.tsx';

export function SuggestPage(props: { ctx: ViewContext; form: FormState; themes: ThemeOption[]; models: BusinessModel[]; assets: MapAssets; correction: { slug: string; name: string } | null }) {
  const { ctx, form, correction } = props;
  const { t } = ctx;
  const title = correction ? t('map.suggest.correctTitle', { name: correction.name }) : t('map.suggest.title');
  const action = correction ? `/map/organisations/${correction.slug}/suggest` : '/map/suggest';
  return (
    <Layout ctx={ctx} meta={{ title, canonicalPath: action, noindex: correction !== null }}>
      <link rel="stylesheet" href={props.assets.css} />
      <section class="narrow-wide">
        <h1>{title}</h1>
        <p class="lede">{correction ? t('map.suggest.correctIntro') : t('map.suggest.intro')}</p>
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action={action} label={title}>
          <OrganisationFieldset ctx={ctx} form={form} themes={props.themes} models={props.models} assets={props.assets} />
          <fieldset>
            <legend>{t('map.suggest.you')}</legend>
            <TextField ctx={ctx} form={form} name="suggester_name" label={t('map.suggest.yourName')} autocomplete="name" required maxLength={120} />
            <TextField ctx={ctx} form={form} name="suggester_email" type="email" label={t('map.suggest.yourEmail')} hint={t('map.suggest.yourEmailHint')} autocomplete="email" required />
            <TextArea ctx={ctx} form={form} name="message" label={t('map.suggest.message')} rows={3} maxLength={2000} />
          </fieldset>
          <Honeypot />
          <button type="submit">{t('map.suggest.send')}</button>
        </PostForm>
      </section>
      <script src={props.assets.js} defer />
    </Layout>
  );
}

export function SuggestThanksPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('map.suggest.thanksTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('map.suggest.thanksTitle')}</h1>
        <p class="lede">{t('map.suggest.thanks')}</p>
        <p>
          <a href="/map">{t('nav.map')}</a>
        </p>
      </section>
    </Layout>
  );
}

export function ConfirmPage({ ctx, suggestionId, token }: { ctx: ViewContext; suggestionId: number; token: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('map.suggest.confirmTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('map.suggest.confirmTitle')}</h1>
        <p>{t('map.suggest.confirmIntro')}</p>
        <PostForm ctx={ctx} action={`/map/suggestions/${suggestionId}/confirm`} label={t('map.suggest.confirmTitle')}>
          <input type="hidden" name="token" value={token} />
          <button type="submit">{t('map.suggest.confirm')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
