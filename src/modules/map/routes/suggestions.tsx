/** Public contribution: suggest an organisation or a correction, and confirm it from the email. */
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import type { ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { emptyForm, type FormState } from '../../../shared/views/form-fields.tsx';
import { listThemes } from '../../publishing/index.ts';
import { confirmSuggestion } from '../commands/confirm-suggestion.ts';
import { suggestCorrection } from '../commands/suggest-correction.ts';
import { suggestOrganisation } from '../commands/suggest-organisation.ts';
import { getOrganisationFields, getOrganisationIdBySlug } from '../queries/organisations.ts';
import { listBusinessModels } from '../queries/vocabulary.ts';
import { confirmQuery, orgSlugParams, suggestionParams, suggestionSchema } from '../schemas.ts';
import { ConfirmPage, SuggestPage, SuggestThanksPage } from '../views/suggest-pages.tsx';
import { formValuesOf } from './form-values.ts';
import type { MapRouteContext } from './context.ts';

export function suggestionRoutes(fastify: FastifyInstance, { deps, assets, geocode }: MapRouteContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const limit = { rateLimit: { max: 5 * deps.config.rateLimitMultiplier, timeWindow: '10 minutes' } };

  const page = async (req: Parameters<FormRenderer>[0], reply: Parameters<FormRenderer>[1], form: FormState, correction: { slug: string; name: string } | null, status = 200) => {
    const [themes, models] = await Promise.all([listThemes(db), listBusinessModels(db)]);
    return sendPage(reply, <SuggestPage ctx={viewContext(req, reply)} form={form} themes={themes} models={models} assets={assets} correction={correction} />, status);
  };

  /** The published organisation a correction is about (its private fields stay out of the form). */
  const correctionTarget = async (slug: string) => {
    const id = await getOrganisationIdBySlug(db, slug);
    const fields = id === undefined ? undefined : await getOrganisationFields(db, id);
    if (!fields || fields.status !== 'published') throw new NotFoundError();
    return fields;
  };

  app.get('/map/suggest', async (req, reply) => page(req, reply, emptyForm, null));

  const suggestForm: FormRenderer = (req, reply, { form, status }) => page(req, reply, form, null, status);
  app.post('/map/suggest', { schema: { body: suggestionSchema }, config: { form: suggestForm, ...limit } }, async (req, reply) => {
    const { nickname: _honeypot, ...input } = req.body;
    await suggestOrganisation({ db, actor: req.actor, now: deps.now() }, { ...input, lang: req.lang, locate: geocode });
    return reply.redirect('/map/suggest/thanks', 303);
  });

  app.get('/map/suggest/thanks', async (req, reply) => sendPage(reply, <SuggestThanksPage ctx={viewContext(req, reply)} />));

  app.get('/map/organisations/:slug/suggest', { schema: { params: orgSlugParams } }, async (req, reply) => {
    const current = await correctionTarget(req.params.slug);
    const { contact_email: _private, ...visible } = current;
    return page(req, reply, { values: formValuesOf(visible), errors: {} }, { slug: current.slug, name: current.name });
  });

  const correctionForm: FormRenderer = async (req, reply, { form, status }) => {
    const current = await correctionTarget(orgSlugParams.parse(req.params).slug);
    return page(req, reply, form, { slug: current.slug, name: current.name }, status);
  };
  app.post('/map/organisations/:slug/suggest', { schema: { params: orgSlugParams, body: suggestionSchema }, config: { form: correctionForm, ...limit } }, async (req, reply) => {
    const current = await correctionTarget(req.params.slug);
    const { nickname: _honeypot, ...input } = req.body;
    await suggestCorrection({ db, actor: req.actor, now: deps.now() }, { ...input, organisationId: current.id, lang: req.lang, locate: geocode });
    return reply.redirect('/map/suggest/thanks', 303);
  });

  // The email's link opens a page with a button: a mail scanner fetching the link confirms nothing.
  app.get('/map/suggestions/:id/confirm', { schema: { params: suggestionParams, querystring: confirmQuery } }, async (req, reply) =>
    sendPage(reply, <ConfirmPage ctx={viewContext(req, reply)} suggestionId={req.params.id} token={req.query.token} />),
  );

  app.post(
    '/map/suggestions/:id/confirm',
    { schema: { params: suggestionParams, body: confirmQuery }, config: { rateLimit: { max: 20 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const outcome = await confirmSuggestion({ db, actor: req.actor, now: deps.now() }, { suggestionId: req.params.id, token: req.body.token, secret: deps.config.appSecret });
      return redirectWithFlash(req, reply, '/map', outcome === 'confirmed' ? 'map.suggest.confirmed' : 'map.suggest.alreadyConfirmed');
    },
  );
}
