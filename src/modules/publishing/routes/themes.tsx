/** The editors' page of themes: one form per theme, and one to add a theme (/editor/themes). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import type { ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { saveTheme } from '../commands/save-theme.ts';
import { publishingPolicy } from '../policy.ts';
import { listThemes } from '../queries/themes.ts';
import { themeParams, themeSchema } from '../schemas.ts';
import { ThemesEditorPage } from '../views/themes-editor.tsx';
import { preload } from './preload.ts';

/** The theme a path names: its id, or null for the new one. */
function themeIdOf(params: unknown): number | null {
  const { id } = themeParams.parse(params);
  return id === 'new' ? null : id;
}

export const themeRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  /** An editor who manages themes, checked before the form's schema runs. */
  const themeEditor = preload((req) => publishingPolicy.authorize(req.actor, 'manageThemes'));

  app.get('/editor/themes', async (req, reply) => {
    publishingPolicy.authorize(req.actor, 'manageThemes');
    return sendPage(reply, <ThemesEditorPage ctx={viewContext(req, reply)} themes={await listThemes(db)} errorFor={null} />);
  });

  const themeForm: FormRenderer = async (req, reply, { form, status }) =>
    sendPage(reply, <ThemesEditorPage ctx={viewContext(req, reply)} themes={await listThemes(db)} errorFor={{ id: themeIdOf(req.params), form }} />, status);

  app.post(
    '/editor/themes/:id',
    { preValidation: themeEditor.preValidation, schema: { params: themeParams, body: themeSchema }, config: { form: themeForm } },
    async (req, reply) => {
      await saveTheme({ db, actor: themeEditor.of(req), now: deps.now() }, { ...req.body, id: themeIdOf(req.params) });
      return redirectWithFlash(req, reply, '/editor/themes', 'themes.saved');
    },
  );
};
