import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.ts';
import type { ViewContext } from './context.ts';
import { CheckboxGroup, FORM_WIDE, FormErrorSummary, renderPage, TextField, type FormState } from './form-fields.tsx';

function ctxIn(lang: 'fr' | 'en'): ViewContext {
  return {
    lang,
    t: translator(lang),
    path: '/',
    alternates: { fr: '/', en: '/en/' },
    href: (path) => path,
    baseUrl: 'http://127.0.0.1',
    user: null,
    csrfToken: 'token',
    assets: { css: '', js: '', checkinJs: '', checkinCss: '' },
    maxUploadMb: 5,
    flash: null,
  };
}

function page(ctx: ViewContext, form: FormState) {
  return (
    <div>
      <FormErrorSummary ctx={ctx} form={form} />
      <TextField ctx={ctx} form={form} name="email" type="email" label="Adresse électronique" />
      <TextField ctx={ctx} form={form} name="title" label="Titre" idPrefix="second-" />
      <CheckboxGroup ctx={ctx} form={form} name="themes" label="Thèmes" options={[{ value: '1', label: 'Un' }]} />
    </div>
  );
}

const summaryLinks = (html: string) => [...html.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);

describe('FormErrorSummary', () => {
  it('names each field with an error and links to the element that has its id', () => {
    const form: FormState = { values: {}, errors: { email: 'errors.required', title: 'errors.tooLong', themes: 'errors.invalid' } };
    const ctx = ctxIn('fr');
    const html = renderPage(() => renderToString(page(ctx, form)));
    const links = summaryLinks(html);
    expect(links).toEqual([
      ['f-email', `Adresse électronique : ${ctx.t('errors.required')}`],
      ['f-second-title', `Titre : ${ctx.t('errors.tooLong')}`],
      ['f-themes', `Thèmes : ${ctx.t('errors.invalid')}`],
    ]);
    for (const [id] of links) expect(html).toContain(`id="${id}"`);
  });

  it('follows the language of the page', () => {
    const form: FormState = { values: {}, errors: { email: 'errors.required' } };
    const ctx = ctxIn('en');
    const html = renderPage(() => renderToString(page(ctx, form)));
    expect(summaryLinks(html)).toEqual([['f-email', `Adresse électronique: ${ctx.t('errors.required')}`]]);
  });

  it('keeps a refusal of the whole form unlinked, and a field it never met linked by its message', () => {
    const form: FormState = { values: {}, errors: { [FORM_WIDE]: 'errors.invalid', custom: 'errors.required' } };
    const ctx = ctxIn('fr');
    const html = renderPage(() => renderToString(page(ctx, form)));
    expect(html).toContain(`<li>${ctx.t('errors.invalid')}</li>`);
    expect(summaryLinks(html)).toEqual([['f-custom', ctx.t('errors.required')]]);
  });

  it('renders a page without errors once', () => {
    let renders = 0;
    renderPage(() => {
      renders += 1;
      return renderToString(page(ctxIn('fr'), { values: {}, errors: {} }));
    });
    expect(renders).toBe(1);
  });
});
