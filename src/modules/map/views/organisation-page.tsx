/** One organisation's public page: what it does, how it lives, its case studies, a small map, "write to them". */
import type { ViewContext } from '../../../shared/views/context.ts';
import { FormErrorSummary, PostForm, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { Layout } from '../../../shared/views/layout.tsx';
import { EMPTY_FILTER } from '../domain/filters.ts';
import type { PublicOrganisation } from '../queries/organisations.ts';
import type { BusinessModel, ThemeOption } from '../queries/vocabulary.ts';
import { countryName, localName, paths, SIZE_LABELS, type MapAssets } from './labels.ts';
import { Honeypot } from './honeypot.tsx';
import { mapDataset, mapLabels } from './map-page.tsx';

export interface OrganisationPageProps {
  ctx: ViewContext;
  organisation: PublicOrganisation;
  themes: ThemeOption[];
  models: BusinessModel[];
  assets: MapAssets;
  writeForm: FormState;
  /** Editors see links to the editing form and the history. */
  editorId: number | null;
}

export function OrganisationPage({ ctx, organisation: o, themes, models, assets, writeForm, editorId }: OrganisationPageProps) {
  const { t, lang } = ctx;
  const themeBySlug = new Map(themes.map((th) => [th.slug, th]));
  const modelBySlug = new Map(models.map((m) => [m.slug, m]));
  const place = [o.address, o.city, countryName(o.country, lang)].filter(Boolean).join(', ');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: o.name,
    url: o.website || undefined,
    foundingDate: o.founded_year ? String(o.founded_year) : undefined,
    address: { '@type': 'PostalAddress', streetAddress: o.address || undefined, addressLocality: o.city || undefined, addressCountry: o.country },
    geo: { '@type': 'GeoCoordinates', latitude: o.lat, longitude: o.lng },
  };
  return (
    <Layout ctx={ctx} meta={{ title: o.name, description: `${o.name} — ${place}`, canonicalPath: paths.organisation(o.slug), jsonLd }}>
      <link rel="stylesheet" href={assets.css} />
      <article class="org-page">
        <header class="org-header">
          {o.logo_url ? <img class="org-logo" src={o.logo_url} alt={t('map.org.logo', { name: o.name })} width={96} height={96} loading="lazy" referrerpolicy="no-referrer" /> : null}
          <div>
            <h1>{o.name}</h1>
            <p class="lede">{place}</p>
          </div>
        </header>
        {o.description_html ? <div class="prose" dangerouslySetInnerHTML={{ __html: o.description_html }} /> : null}
        <dl class="org-facts">
          {o.website ? (
            <>
              <dt>{t('map.org.website')}</dt>
              <dd>
                <a href={o.website} rel="nofollow noopener ugc">
                  {o.website}
                </a>
              </dd>
            </>
          ) : null}
          {o.legal_form ? (
            <>
              <dt>{t('map.org.legalForm')}</dt>
              <dd>{t(`map.legal.${o.legal_form}`)}</dd>
            </>
          ) : null}
          {o.founded_year ? (
            <>
              <dt>{t('map.org.founded')}</dt>
              <dd>{o.founded_year}</dd>
            </>
          ) : null}
          {o.size_band ? (
            <>
              <dt>{t('map.org.size')}</dt>
              <dd>{t(SIZE_LABELS[o.size_band])}</dd>
            </>
          ) : null}
          {o.licences.length ? (
            <>
              <dt>{t('map.org.licences')}</dt>
              <dd>{o.licences.join(', ')}</dd>
            </>
          ) : null}
          {o.themes.length ? (
            <>
              <dt>{t('map.org.themes')}</dt>
              <dd>
                <ul class="tags">
                  {o.themes.map((s) => (
                    <li>
                      <a href={paths.theme(s)}>{themeBySlug.get(s) ? localName(themeBySlug.get(s)!, lang) : s}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {o.models.length ? (
            <>
              <dt>{t('map.org.models')}</dt>
              <dd>
                <ul class="tags">
                  {o.models.map((s) => (
                    <li>
                      <a href={paths.model(s)}>{modelBySlug.get(s) ? localName(modelBySlug.get(s)!, lang) : s}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt>{t('map.org.address')}</dt>
          <dd>{place}</dd>
        </dl>
        {o.caseStudies.length ? (
          <section aria-labelledby="cases-heading">
            <h2 id="cases-heading">{t('map.org.caseStudies')}</h2>
            <ul>
              {o.caseStudies.map((c) => (
                <li>
                  <a href={`/pieces/${c.slug}`}>{c.title}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="where-heading">
          <h2 id="where-heading">{t('map.org.onTheMap')}</h2>
          <div
            id="map"
            class="map-canvas map-small"
            role="region"
            aria-label={t('map.interactive')}
            {...mapDataset({ filter: EMPTY_FILTER, assets, mode: 'single', labels: mapLabels(ctx), extra: { 'data-lat': String(o.lat), 'data-lng': String(o.lng), 'data-name': o.name } })}
          >
            <p class="map-placeholder">{t('map.org.coordinates', { lat: o.lat, lng: o.lng })}</p>
          </div>
          <p>
            <a href={`/map?bbox=${(o.lng - 0.05).toFixed(5)},${(o.lat - 0.03).toFixed(5)},${(o.lng + 0.05).toFixed(5)},${(o.lat + 0.03).toFixed(5)}`}>{t('map.dir.onMap')}</a>
          </p>
        </section>
        <p class="org-actions">
          <a href={`${paths.organisation(o.slug)}/suggest`}>{t('map.org.correct')}</a>
          {editorId !== null ? (
            <>
              {' · '}
              <a href={`/editor/map/organisations/${editorId}`}>{t('map.org.edit')}</a>
              {' · '}
              <a href={`/editor/map/organisations/${editorId}/history`}>{t('map.org.history')}</a>
            </>
          ) : null}
        </p>
        {o.reachable ? (
          <section class="narrow" aria-labelledby="write-heading">
            <h2 id="write-heading">{t('map.org.writeTitle')}</h2>
            <p>{t('map.org.writeIntro')}</p>
            <FormErrorSummary ctx={ctx} form={writeForm} />
            <PostForm ctx={ctx} action={`${paths.organisation(o.slug)}/write`} label={t('map.org.writeTitle')}>
              <TextField ctx={ctx} form={writeForm} name="sender_name" label={t('map.org.yourName')} autocomplete="name" required maxLength={120} />
              <TextField ctx={ctx} form={writeForm} name="sender_email" type="email" label={t('map.org.yourEmail')} autocomplete="email" required />
              <TextArea ctx={ctx} form={writeForm} name="body" label={t('map.org.message')} rows={6} required maxLength={5000} />
              <Honeypot />
              <button type="submit">{t('map.org.send')}</button>
            </PostForm>
          </section>
        ) : null}
      </article>
      <script src={assets.js} defer />
    </Layout>
  );
}
