/** The public registry (who makes the programme, and with what) and the editors' contributor desk. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { FormRenderer } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import { translator } from '../../shared/i18n/index.ts';
import { idParams, slugParams, type ZodTypeProvider } from '../../shared/http/route-schema.ts';
import { deskListQuery, pageWindow } from '../../shared/pagination.ts';
import { createContributor } from './commands/create-contributor.ts';
import { updateContributor } from './commands/update-contributor.ts';
import { updateOwnProfile } from './commands/update-own-profile.ts';
import { linksToText, parseLinks } from './domain/links.ts';
import { contributorsPolicy } from './policy.ts';
import { getContributorForEditing, getPublicContributor, listContributionItems, listContributorsForEditors, listPublicContributors, searchContributorOptions } from './queries.ts';
import { contributorSchema, ownProfileSchema } from './schemas.ts';
import type { SubjectRegistry } from './subjects.ts';
import { ContributorFormPage, ContributorListPage } from './views/editor-pages.tsx';
import { ContributorPage, ContributorsPage } from './views/public-pages.tsx';

/** `subjects`: how other modules' subjects (pieces, talks) appear on a contributor's page, filled by app.ts. */
export const contributorsPlugin: FastifyPluginAsync<{ deps: AppDeps; subjects: SubjectRegistry }> = async (fastify, { deps, subjects }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get('/contributors', async (req, reply) => {
    const contributors = await listPublicContributors(db, deps.now());
    return sendPage(reply, <ContributorsPage ctx={viewContext(req, reply)} contributors={contributors} />);
  });

  app.get('/contributors/:slug', { schema: { params: slugParams } }, async (req, reply) => {
    const contributor = await getPublicContributor(db, req.params.slug, deps.now());
    if (!contributor) throw new NotFoundError();
    const items = await listContributionItems(db, subjects, contributor.id, deps.now());
    return sendPage(reply, <ContributorPage ctx={viewContext(req, reply)} contributor={contributor} links={parseLinks(contributor.links)} items={items} />);
  });

  // A contributor's own profile, edited from their account page (the section: account-section.tsx).
  /**
   * A refusal goes back to the account page's profile form, with its message: the first field in
   * error named ("Links: …"), as the error summaries do.
   */
  const ownProfileLabels = { name: 'contributors.name', bio: 'contributors.bio', links: 'contributors.links' } as const;
  const backToOwnProfile: FormRenderer = (req, reply, { form, error }) => {
    const [field, key] = Object.entries(form.errors)[0] ?? [];
    if (error || !field || !key || !(field in ownProfileLabels)) return redirectWithFlash(req, reply, '/account#profile', error?.messageKey ?? 'errors.validation', 'error', error?.params);
    const t = translator(req.lang);
    return redirectWithFlash(req, reply, '/account#profile', 'form.fieldError', 'error', { field: t(ownProfileLabels[field as keyof typeof ownProfileLabels]), message: t(key) });
  };
  app.post(
    '/account/profile',
    { schema: { body: ownProfileSchema }, config: { authorize: (req) => contributorsPolicy.authorize(req.actor, 'editOwnProfile'), form: backToOwnProfile } },
    async (req, reply) => {
      await updateOwnProfile({ db, actor: req.actor, now: deps.now() }, req.body);
      return redirectWithFlash(req, reply, '/account#profile', 'contributors.own.saved');
    },
  );

  await app.register(async (desk) => {
    const editors = desk.withTypeProvider<ZodTypeProvider>();
    // Before any body schema runs: a person who may not keep the registry never sees its form again.
    editors.addHook('preValidation', async (req) => {
      contributorsPolicy.authorize(req.actor, 'manage');
    });

    const newProfileForm: FormRenderer = (req, reply, { form, status }) =>
      sendPage(reply, <ContributorFormPage ctx={viewContext(req, reply)} form={form} id={null} photoKey={null} />, status);
    const profileForm: FormRenderer = async (req, reply, { form, status }) => {
      const { id } = idParams.parse(req.params);
      const photoKey = (await getContributorForEditing(db, id))?.photo_key ?? null;
      return sendPage(reply, <ContributorFormPage ctx={viewContext(req, reply)} form={form} id={id} photoKey={photoKey} />, status);
    };

    editors.get('/editor/contributors', { schema: { querystring: deskListQuery } }, async (req, reply) => {
      const page = await listContributorsForEditors(db, { q: req.query.q, window: pageWindow(req.query.page) });
      return sendPage(reply, <ContributorListPage ctx={viewContext(req, reply)} page={page} q={req.query.q} />);
    });

    // The person pickers' search as one types (editors only): a few profiles whose name matches.
    editors.get('/editor/contributors/search.json', { schema: { querystring: deskListQuery } }, async (req, reply) => {
      const results = await searchContributorOptions(db, req.query.q);
      return reply.header('cache-control', 'private, no-store').send({ results });
    });

    editors.get('/editor/contributors/new', async (req, reply) => {
      return sendPage(reply, <ContributorFormPage ctx={viewContext(req, reply)} form={{ values: { public_name: 'on' }, errors: {} }} id={null} photoKey={null} />);
    });

    editors.post('/editor/contributors', { schema: { body: contributorSchema }, config: { form: newProfileForm } }, async (req, reply) => {
      const { id } = await createContributor({ db, actor: req.actor, now: deps.now() }, { ...req.body, photo: req.uploads.photo });
      return redirectWithFlash(req, reply, `/editor/contributors/${id}`, 'contributors.saved');
    });

    editors.get('/editor/contributors/:id', { schema: { params: idParams } }, async (req, reply) => {
      const c = await getContributorForEditing(db, req.params.id);
      if (!c) throw new NotFoundError();
      const values = { name: c.name, slug: c.slug, bio: c.bio, links: linksToText(parseLinks(c.links)), email: c.email ?? '', public_name: c.public_name ? 'on' : '' };
      return sendPage(reply, <ContributorFormPage ctx={viewContext(req, reply)} form={{ values, errors: {} }} id={c.id} photoKey={c.photo_key} />);
    });

    editors.post('/editor/contributors/:id', { schema: { params: idParams, body: contributorSchema }, config: { form: profileForm } }, async (req, reply) => {
      await updateContributor({ db, actor: req.actor, now: deps.now() }, { id: req.params.id, ...req.body, photo: req.uploads.photo });
      return redirectWithFlash(req, reply, `/editor/contributors/${req.params.id}`, 'contributors.saved');
    });
  });
};
