import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { localiseLinks, translator, type Lang } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import type { TransparencyData } from '../queries/transparency.ts';
import fixture from './transparency-page.fixture.json' with { type: 'json' };
import { TransparencyPage } from './transparency-page.tsx';

/** Figures taken from the benchmark's ledger of a million postings, cut down to three pages of evenings. */
const data = { ...fixture, afterClosing: new Map(fixture.afterClosing as [number, number][]) } as unknown as TransparencyData;

function context(lang: Lang): ViewContext {
  const prefix = lang === 'en' ? '/en' : '';
  return {
    lang,
    t: translator(lang),
    path: `${prefix}/transparency`,
    alternates: { fr: '/transparency', en: '/en/transparency' },
    href: (path) => `${prefix}${path}`,
    baseUrl: 'http://localhost:3000',
    user: null,
    csrfToken: 'unused',
    assets: { css: '/static/app.css', js: '/static/app.js', checkinJs: '/static/checkin.js', checkinCss: '/static/checkin.css' },
    maxUploadMb: 10,
    flash: null,
  };
}

const page = (lang: Lang, eveningsPage?: number) => localiseLinks(`<!doctype html>${renderToString(<TransparencyPage ctx={context(lang)} data={data} eveningsPage={eveningsPage} />)}`, lang);

describe('the transparency page', () => {
  // The page as it was drawn in one pass, before its figures were drawn once per version of the ledger.
  it.each([
    ['fr', 1],
    ['fr', 2],
    ['fr', 3],
    ['en', 1],
    ['en', 3],
  ] as const)('draws the same page, byte for byte (%s, page %i)', async (lang, n) => {
    await expect(page(lang, n)).toMatchFileSnapshot(`./__snapshots__/transparency-page.${lang}.${n}.html`);
  });

  it('escapes what the figures bring (titles, names)', () => {
    const html = page('fr', 1);
    expect(html).toContain('Soirée « R&amp;D » &lt;libre>');
    expect(html).not.toContain('<libre>');
    expect(html).toContain('O’Brien &amp; &lt;Fils>');
  });
});
