/** The fields of an organisation, shared by the public suggestion forms and the editors' form. */
import type { ViewContext } from '../../../shared/views/context.ts';
import { CheckboxGroup, SelectField, TextArea, TextField, formValue, type FormState } from '../../../shared/views/form-fields.tsx';
import { COUNTRY_CODES } from '../domain/countries.ts';
import { LEGAL_FORMS, SIZE_BANDS } from '../domain/organisation.ts';
import type { BusinessModel, ThemeOption } from '../queries/vocabulary.ts';
import { countryName, localName, SIZE_LABELS, type MapAssets } from './labels.ts';
import { mapLabels } from './map-page.tsx';

export function OrganisationFieldset({ ctx, form, themes, models, assets, contactHint = true }: { ctx: ViewContext; form: FormState; themes: ThemeOption[]; models: BusinessModel[]; assets: MapAssets; contactHint?: boolean }) {
  const { t, lang } = ctx;
  const countries = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <>
      <TextField ctx={ctx} form={form} name="name" label={t('map.field.name')} required maxLength={200} />
      <TextArea ctx={ctx} form={form} name="description_md" label={t('map.field.description')} rows={6} maxLength={20000} />
      <TextField ctx={ctx} form={form} name="website" type="url" label={t('map.field.website')} maxLength={500} />
      <TextField ctx={ctx} form={form} name="logo_url" type="url" label={t('map.field.logo')} maxLength={500} />
      <CheckboxGroup ctx={ctx} form={form} name="themes" label={t('map.field.themes')} options={themes.map((th) => ({ value: String(th.id), label: localName(th, lang) }))} />
      <CheckboxGroup ctx={ctx} form={form} name="models" label={t('map.field.models')} options={models.map((m) => ({ value: String(m.id), label: localName(m, lang) }))} />
      <SelectField ctx={ctx} form={form} name="legal_form" label={t('map.field.legalForm')} options={[{ value: '', label: t('map.field.unknown') }, ...LEGAL_FORMS.map((f) => ({ value: f, label: t(`map.legal.${f}`) }))]} />
      <TextField ctx={ctx} form={form} name="licences" label={t('map.field.licences')} hint={t('map.field.licencesHint')} maxLength={1000} />
      <TextField ctx={ctx} form={form} name="founded_year" label={t('map.field.founded')} maxLength={4} />
      <SelectField ctx={ctx} form={form} name="size_band" label={t('map.field.size')} options={[{ value: '', label: t('map.field.unknown') }, ...SIZE_BANDS.map((s) => ({ value: s, label: t(SIZE_LABELS[s]) }))]} />
      <fieldset class="place-fields">
        <legend>{t('map.org.address')}</legend>
        <TextField ctx={ctx} form={form} name="address" label={t('map.field.address')} maxLength={300} />
        <TextField ctx={ctx} form={form} name="city" label={t('map.field.city')} maxLength={120} />
        <SelectField ctx={ctx} form={form} name="country" label={t('map.field.country')} required options={[{ value: '', label: '—' }, ...countries]} />
        <p class="hint" id="place-hint">
          {t('map.field.placeHint')}
        </p>
        <div class="field-row">
          <TextField ctx={ctx} form={form} name="lat" label={t('map.field.lat')} maxLength={20} />
          <TextField ctx={ctx} form={form} name="lng" label={t('map.field.lng')} maxLength={20} />
        </div>
        <div
          id="map"
          class="map-canvas map-picker"
          role="region"
          aria-label={t('map.interactive')}
          data-mode="pick"
          data-outlines={assets.outlines}
          data-outlines-detail={assets.outlinesDetail}
          data-geocode="/map/geocode"
          data-tiles={assets.tileUrl}
          data-tiles-attribution={assets.tileAttribution}
          data-labels={JSON.stringify({ ...mapLabels(ctx), locate: t('map.field.locate') })}
          data-lat={formValue(form, 'lat') || undefined}
          data-lng={formValue(form, 'lng') || undefined}
        />
      </fieldset>
      <TextField ctx={ctx} form={form} name="contact_email" type="email" label={t('map.field.contactEmail')} hint={contactHint ? t('map.field.contactEmailHint') : undefined} maxLength={254} />
    </>
  );
}
