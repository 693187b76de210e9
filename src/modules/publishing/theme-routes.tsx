import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { readForm, text, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import { SLUG_PATTERN } from '../../shared/slug.ts';
import { authorize } from '../accounts/index.ts';
import { saveTheme } from './commands/save-theme.ts';
import { listThemes } from './queries.ts';
import { ThemesEditorPage } from './views/themes-editor.tsx';

const themeSchema = z.object({
  slug: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''), z.string().min(1, 'errors.required').max(60, 'errors.tooLong').regex(SLUG_PATTERN, 'errors.slugFormat')),
  name_fr: text(80),
  name_en: text(80),
  description_fr: text(400, { optional: true }),
  description_en: text(400, { optional: true }),
  position: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int('errors.invalid').min(0, 'errors.invalid').max(1000, 'errors.invalid')),
});

export function themeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/editor/themes', async (req, reply) => {
    authorize(req, 'manage:themes');
    return sendPage(reply, <ThemesEditorPage ctx={viewContext(req, reply)} themes={await listThemes(db)} errorFor={null} />);
  });

  app.post('/editor/themes/:id', async (req, reply) => {
    const actor = authorize(req, 'manage:themes');
    const raw = (req.params as { id: string }).id;
    const id = raw === 'new' ? null : Number(raw);
    if (id !== null && (!Number.isSafeInteger(id) || id <= 0)) throw new NotFoundError();
    const { fields } = readForm(req);
    const result = validateForm(themeSchema, fields);
    const again = async (errors: Record<string, import('../../shared/i18n/index.ts').MessageKey>) =>
      sendPage(reply, <ThemesEditorPage ctx={viewContext(req, reply)} themes={await listThemes(db)} errorFor={{ id, form: { values: fields, errors } }} />, 422);
    if (!result.ok) return again(result.form.errors);
    try {
      await db.transaction().execute((trx) => saveTheme(trx, id, result.data, { actorUserId: actor.id, now: deps.now() }));
    } catch (error) {
      if (error instanceof ValidationError) return again(error.fields);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/themes', 'themes.saved');
  });
}
