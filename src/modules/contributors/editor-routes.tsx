import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import type { FormState } from '../../shared/views/form-fields.tsx';
import { authorize } from '../accounts/index.ts';
import { storeImage } from '../media/index.ts';
import { createContributor, updateContributor } from './commands/save-contributor.ts';
import { getContributorForEditing, listContributorsForEditors, parseLinks } from './queries.ts';
import { contributorSchema, linksToText } from './schemas.ts';
import { ContributorFormPage, ContributorListPage } from './views/editor-pages.tsx';

export function contributorEditorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  const idOf = (req: FastifyRequest) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
    return id;
  };

  async function save(req: FastifyRequest, reply: FastifyReply, id: number | null) {
    const actor = authorize(req, 'manage:contributors');
    const existing = id ? await getContributorForEditing(db, id) : null;
    if (id && !existing) throw new NotFoundError();
    const { fields, files } = readForm(req);
    const result = validateForm(contributorSchema, fields);
    const again = (form: FormState) =>
      sendPage(reply, <ContributorFormPage ctx={viewContext(req, reply)} form={form} id={id} photoMediaId={existing?.photo_media_id ?? null} />, 422);
    if (!result.ok) return again(result.form);
    const now = deps.now();
    try {
      const savedId = await db.transaction().execute(async (trx) => {
        const photoMediaId = files.photo ? await storeImage(trx, 'photo', files.photo, { actorUserId: actor.id, now }) : undefined;
        const input = { ...result.data, publicName: result.data.public_name, ...(photoMediaId !== undefined ? { photoMediaId } : {}) };
        if (id) {
          await updateContributor(trx, id, input, { actorUserId: actor.id, now });
          return id;
        }
        return (await createContributor(trx, input, { actorUserId: actor.id, now })).id;
      });
      return redirectWithFlash(req, reply, `/editor/contributors/${savedId}`, 'contributors.saved');
    } catch (error) {
      if (error instanceof ValidationError) return again({ values: fields, errors: error.fields });
      throw error;
    }
  }

  app.get('/editor/contributors', async (req, reply) => {
    authorize(req, 'manage:contributors');
    return sendPage(reply, <ContributorListPage ctx={viewContext(req, reply)} rows={await listContributorsForEditors(db)} />);
  });

  app.get('/editor/contributors/new', async (req, reply) => {
    authorize(req, 'manage:contributors');
    return sendPage(reply, <ContributorFormPage ctx={viewContext(req, reply)} form={{ values: { public_name: 'on' }, errors: {} }} id={null} photoMediaId={null} />);
  });

  app.post('/editor/contributors', async (req, reply) => save(req, reply, null));

  app.get('/editor/contributors/:id', async (req, reply) => {
    authorize(req, 'manage:contributors');
    const c = await getContributorForEditing(db, idOf(req));
    if (!c) throw new NotFoundError();
    const form: FormState = {
      values: { name: c.name, slug: c.slug, bio: c.bio, links: linksToText(parseLinks(c.links)), email: c.email ?? '', public_name: c.public_name ? 'on' : '' },
      errors: {},
    };
    return sendPage(reply, <ContributorFormPage ctx={viewContext(req, reply)} form={form} id={c.id} photoMediaId={c.photo_media_id} />);
  });

  app.post('/editor/contributors/:id', async (req, reply) => save(req, reply, idOf(req)));
}
