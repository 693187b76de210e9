import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, TextField, type FormState } from '../../../shared/views/form-fields.tsx';

interface ThemeRow {
  id: number;
  slug: string;
  name_fr: string;
  name_en: string;
  description_fr: string;
  description_en: string;
  position: number;
}

function ThemeForm({ ctx, theme, form }: { ctx: ViewContext; theme: ThemeRow | null; form: FormState }) {
  const { t } = ctx;
  const key = theme ? String(theme.id) : 'new';
  return (
    <PostForm ctx={ctx} action={`/editor/themes/${key}`} class="theme-form" label={theme ? theme.name_fr : t('themes.add')}>
      <FormErrorSummary ctx={ctx} form={form} />
      <fieldset>
        <legend>{theme ? theme.name_fr : t('themes.add')}</legend>
        <div class="two-columns">
          <TextField ctx={ctx} form={form} idPrefix={`${key}-`} name="slug" label={t('piece.slug')} required />
          <TextField ctx={ctx} form={form} idPrefix={`${key}-`} name="position" label={t('themes.position')} />
          <TextField ctx={ctx} form={form} idPrefix={`${key}-`} name="name_fr" label={t('themes.nameFr')} required />
          <TextField ctx={ctx} form={form} idPrefix={`${key}-`} name="name_en" label={t('themes.nameEn')} required />
          <TextField ctx={ctx} form={form} idPrefix={`${key}-`} name="description_fr" label={t('themes.descriptionFr')} />
          <TextField ctx={ctx} form={form} idPrefix={`${key}-`} name="description_en" label={t('themes.descriptionEn')} />
        </div>
        <button type="submit">{t('piece.save')}</button>
      </fieldset>
    </PostForm>
  );
}

export function ThemesEditorPage({ ctx, themes, errorFor }: { ctx: ViewContext; themes: ThemeRow[]; errorFor: { id: number | null; form: FormState } | null }) {
  const formFor = (theme: ThemeRow | null): FormState => {
    if (errorFor && errorFor.id === (theme?.id ?? null)) return errorFor.form;
    if (!theme) return { values: {}, errors: {} };
    return {
      values: { slug: theme.slug, name_fr: theme.name_fr, name_en: theme.name_en, description_fr: theme.description_fr, description_en: theme.description_en, position: String(theme.position) },
      errors: {},
    };
  };
  return (
    <EditorLayout ctx={ctx} title={ctx.t('editor.themes')}>
      {themes.map((theme) => (
        <ThemeForm ctx={ctx} theme={theme} form={formFor(theme)} />
      ))}
      <ThemeForm ctx={ctx} theme={null} form={formFor(null)} />
    </EditorLayout>
  );
}
