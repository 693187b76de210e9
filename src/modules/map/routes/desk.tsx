/** The editors' desk of the map: the queue, decisions, organisation editing, history, taxonomy, import. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { pageParam, pageWindow, toPage } from '../../../shared/pagination.ts';
import { emptyForm } from '../../../shared/views/form-fields.tsx';
import { acceptSuggestion } from '../commands/accept-suggestion.ts';
import { deleteBusinessModel } from '../commands/delete-business-model.ts';
import { importOrganisations } from '../commands/import-organisations.ts';
import { mergeSuggestion } from '../commands/merge-suggestion.ts';
import { rejectSuggestion } from '../commands/reject-suggestion.ts';
import { restoreOrganisationVersion } from '../commands/restore-version.ts';
import { saveBusinessModel } from '../commands/save-business-model.ts';
import { saveOrganisation } from '../commands/save-organisation.ts';
import { boxAround } from '../domain/distance.ts';
import { DUPLICATE_RADIUS_KM, findDuplicates } from '../domain/duplicates.ts';
import { normaliseName } from '../domain/normalise.ts';
import type { OrganisationFields } from '../domain/organisation.ts';
import { diffFields } from '../domain/versioning.ts';
import { mapPolicy } from '../policy.ts';
import { getOrganisationFields, listDuplicateCandidates, listOrganisationsForEditors } from '../queries/organisations.ts';
import { countSuggestions, getSuggestion, listSuggestions, listVersions } from '../queries/suggestions.ts';
import { listBusinessModels, loadVocabulary } from '../queries/vocabulary.ts';
import { businessModelSchema, decisionSchema, importSchema, mergeSchema, modelParams, organisationSchema, suggestionParams, versionParams } from '../schemas.ts';
import { HistoryPage, OrganisationEditPage } from '../views/editor-organisation.tsx';
import { MapDeskPage, SuggestionReviewPage } from '../views/editor-pages.tsx';
import { ImportPage, ModelsPage } from '../views/editor-tools.tsx';
import type { MapRouteContext } from './context.ts';
import { formValuesOf } from './form-values.ts';

const deskQuery = z.object({ q: z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? '', z.string().trim().max(200)), page: pageParam });
const orgIdParams = z.object({ id: z.union([z.literal('new'), idParams.shape.id]) });

export function deskRoutes(fastify: FastifyInstance, { deps, assets, geocode, geocodeOffline }: MapRouteContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const moderators = (req: FastifyRequest) => mapPolicy.authorize(req.actor, 'moderate');
  const editors = (req: FastifyRequest) => mapPolicy.authorize(req.actor, 'edit');
  const taxonomists = (req: FastifyRequest) => mapPolicy.authorize(req.actor, 'manageTaxonomy');
  const ctxOf = (req: FastifyRequest, actor = req.actor) => ({ db, actor, now: deps.now() });

  app.get('/editor/map', { schema: { querystring: deskQuery }, config: { authorize: moderators } }, async (req, reply) => {
    const [pending, decided, unconfirmed, organisations] = await Promise.all([
      listSuggestions(db, 'pending'),
      Promise.all([listSuggestions(db, 'accepted', 10), listSuggestions(db, 'merged', 10), listSuggestions(db, 'rejected', 10)]),
      countSuggestions(db, 'unconfirmed'),
      listOrganisationsForEditors(db, pageWindow(req.query.page), req.query.q),
    ]);
    const recent = decided.flat().sort((a, b) => (b.decided_at ?? '').localeCompare(a.decided_at ?? '')).slice(0, 15);
    return sendPage(
      reply,
      <MapDeskPage ctx={viewContext(req, reply)} pending={pending} recent={recent} unconfirmed={unconfirmed} organisations={toPage(organisations, pageWindow(req.query.page))} q={req.query.q} canEdit={mapPolicy.can(req.actor, 'edit')} canManageTaxonomy={mapPolicy.can(req.actor, 'manageTaxonomy')} />,
    );
  });

  // ------------------------------------------------------------------------------------------
  // One suggestion: the field-by-field diff, possible duplicates, and the decision.

  app.get('/editor/map/suggestions/:id', { schema: { params: suggestionParams }, config: { authorize: moderators } }, async (req, reply) => {
    const suggestion = await getSuggestion(db, req.params.id);
    if (!suggestion) throw new NotFoundError();
    const proposal = JSON.parse(suggestion.proposal) as Partial<OrganisationFields>;
    const target = suggestion.organisation_id === null ? undefined : await getOrganisationFields(db, suggestion.organisation_id);
    const { id: _id, version: _v, ...current } = target ?? { id: 0, version: 0 };
    const changes = diffFields(target ? current : null, suggestion.kind === 'correction' ? proposal : { ...proposal, slug: undefined, status: undefined, piece_ids: undefined });
    let duplicates: Parameters<typeof SuggestionReviewPage>[0]['duplicates'] = [];
    if (suggestion.kind === 'new' && proposal.name && proposal.lat !== undefined && proposal.lng !== undefined) {
      const probe = { name: proposal.name, website: proposal.website ?? '', lat: proposal.lat, lng: proposal.lng };
      const candidates = await listDuplicateCandidates(db, { nameKey: normaliseName(probe.name), box: boxAround(probe, DUPLICATE_RADIUS_KM) }, suggestion.organisation_id);
      const byId = new Map(candidates.map((c) => [c.id, c]));
      duplicates = findDuplicates(probe, candidates).map((m) => ({ ...m, name: byId.get(m.id)!.name, slug: byId.get(m.id)!.slug, city: byId.get(m.id)!.city, country: byId.get(m.id)!.country }));
    }
    const vocabulary = await loadVocabulary(db, deps.now());
    return sendPage(
      reply,
      <SuggestionReviewPage ctx={viewContext(req, reply)} suggestion={{ ...suggestion, organisation_name: target?.name ?? null }} changes={changes} duplicates={duplicates} names={vocabulary} target={target ? { slug: target.slug, name: target.name } : null} />,
    );
  });

  const backToSuggestion = (req: FastifyRequest) => `/editor/map/suggestions/${suggestionParams.parse(req.params).id}`;
  const decision = { authorize: moderators, back: backToSuggestion };

  app.post('/editor/map/suggestions/:id/accept', { schema: { params: suggestionParams, body: decisionSchema }, config: decision }, async (req, reply) => {
    await acceptSuggestion(ctxOf(req, moderators(req)), { suggestionId: req.params.id, note: req.body.note });
    return redirectWithFlash(req, reply, backToSuggestion(req), 'map.editor.accepted');
  });

  app.post('/editor/map/suggestions/:id/merge', { schema: { params: suggestionParams, body: mergeSchema }, config: decision }, async (req, reply) => {
    await mergeSuggestion(ctxOf(req, moderators(req)), { suggestionId: req.params.id, targetId: req.body.target, note: req.body.note });
    return redirectWithFlash(req, reply, backToSuggestion(req), 'map.editor.merged');
  });

  app.post('/editor/map/suggestions/:id/reject', { schema: { params: suggestionParams, body: decisionSchema }, config: decision }, async (req, reply) => {
    await rejectSuggestion(ctxOf(req, moderators(req)), { suggestionId: req.params.id, note: req.body.note });
    return redirectWithFlash(req, reply, backToSuggestion(req), 'map.editor.rejected');
  });

  // ------------------------------------------------------------------------------------------
  // Organisations: the editors' form, the history, restore.

  const editPage: FormRenderer = async (req, reply, { form, status }) => {
    const { id } = orgIdParams.parse(req.params);
    const [vocabulary, current] = await Promise.all([loadVocabulary(db, deps.now()), id === 'new' ? undefined : getOrganisationFields(db, id)]);
    if (id !== 'new' && !current) throw new NotFoundError();
    return sendPage(reply, <OrganisationEditPage ctx={viewContext(req, reply)} form={form} organisationId={id === 'new' ? null : id} slug={current?.slug ?? null} themes={vocabulary.themes} models={vocabulary.models} assets={assets} />, status);
  };

  app.get('/editor/map/organisations/:id', { schema: { params: orgIdParams }, config: { authorize: editors } }, async (req, reply) => {
    const id = req.params.id;
    if (id === 'new') return editPage(req, reply, { form: { values: { status: 'published' }, errors: {} }, error: null, status: 200 });
    const [current, vocabulary] = await Promise.all([getOrganisationFields(db, id), loadVocabulary(db, deps.now())]);
    if (!current) throw new NotFoundError();
    const pieceSlugs = current.piece_ids.map((pid) => vocabulary.pieces.find((p) => p.id === pid)?.slug).filter((s): s is string => Boolean(s));
    return editPage(req, reply, { form: { values: formValuesOf(current, pieceSlugs), errors: {} }, error: null, status: 200 });
  });

  app.post('/editor/map/organisations/:id', { schema: { params: orgIdParams, body: organisationSchema }, config: { authorize: editors, form: editPage } }, async (req, reply) => {
    const id = req.params.id;
    const { version, ...input } = req.body;
    const written = await saveOrganisation(ctxOf(req, editors(req)), { ...input, organisationId: id === 'new' ? null : id, expectedVersion: version ?? undefined, locate: geocode });
    return redirectWithFlash(req, reply, `/editor/map/organisations/${written.id}`, written.changed ? 'map.editor.saved' : 'map.editor.unchanged');
  });

  app.get('/editor/map/organisations/:id/history', { schema: { params: idParams }, config: { authorize: editors } }, async (req, reply) => {
    const current = await getOrganisationFields(db, req.params.id);
    if (!current) throw new NotFoundError();
    const rows = await listVersions(db, req.params.id);
    const snapshots = rows.map((r) => JSON.parse(r.snapshot) as OrganisationFields);
    const versions = rows.map((r, i) => ({ number: r.number, note: r.note, author: r.author, created_at: r.created_at, snapshot: snapshots[i]!, changes: snapshots[i + 1] ? diffFields(snapshots[i + 1]!, snapshots[i]!) : [] }));
    const vocabulary = await loadVocabulary(db, deps.now());
    return sendPage(reply, <HistoryPage ctx={viewContext(req, reply)} organisationId={current.id} name={current.name} slug={current.slug} versions={versions} names={vocabulary} />);
  });

  app.post(
    '/editor/map/organisations/:id/versions/:number/restore',
    { schema: { params: versionParams }, config: { authorize: editors, back: (req) => `/editor/map/organisations/${versionParams.parse(req.params).id}/history` } },
    async (req, reply) => {
      await restoreOrganisationVersion(ctxOf(req, editors(req)), { organisationId: req.params.id, number: req.params.number });
      return redirectWithFlash(req, reply, `/editor/map/organisations/${req.params.id}/history`, 'map.editor.restored');
    },
  );

  // ------------------------------------------------------------------------------------------
  // The business-model taxonomy.

  app.get('/editor/map/models', { config: { authorize: taxonomists } }, async (req, reply) => {
    taxonomists(req);
    return sendPage(reply, <ModelsPage ctx={viewContext(req, reply)} models={await listBusinessModels(db)} errorFor={null} />);
  });

  const modelForm: FormRenderer = async (req, reply, { form, status }) => {
    const { id } = modelParams.parse(req.params);
    return sendPage(reply, <ModelsPage ctx={viewContext(req, reply)} models={await listBusinessModels(db)} errorFor={{ id: id === 'new' ? null : id, form }} />, status);
  };
  app.post('/editor/map/models/:id', { schema: { params: modelParams, body: businessModelSchema }, config: { authorize: taxonomists, form: modelForm } }, async (req, reply) => {
    await saveBusinessModel(ctxOf(req, taxonomists(req)), { ...req.body, id: req.params.id === 'new' ? null : req.params.id });
    return redirectWithFlash(req, reply, '/editor/map/models', 'map.editor.modelSaved');
  });

  app.post('/editor/map/models/:id/delete', { schema: { params: idParams }, config: { authorize: taxonomists, back: () => '/editor/map/models' } }, async (req, reply) => {
    await deleteBusinessModel(ctxOf(req, taxonomists(req)), { id: req.params.id });
    return redirectWithFlash(req, reply, '/editor/map/models', 'map.editor.modelDeleted');
  });

  // ------------------------------------------------------------------------------------------
  // Import: a dry run first, then one transaction.

  app.get('/editor/map/import', { config: { authorize: editors } }, async (req, reply) => {
    editors(req);
    return sendPage(reply, <ImportPage ctx={viewContext(req, reply)} report={null} form={emptyForm} />);
  });

  const importForm: FormRenderer = (req, reply, { form, status }) => sendPage(reply, <ImportPage ctx={viewContext(req, reply)} report={null} form={form} />, status);
  app.post('/editor/map/import', { schema: { body: importSchema }, config: { authorize: editors, form: importForm } }, async (req, reply) => {
    const file = req.uploads?.file;
    if (!file) throw new AppError('no_file', 422, 'map.editor.importNoFile', { field: 'file' });
    const report = await importOrganisations(ctxOf(req, editors(req)), { filename: file.filename, data: file.data, apply: req.body.mode === 'apply', locate: geocodeOffline });
    return sendPage(reply, <ImportPage ctx={viewContext(req, reply)} report={{ ...report, filename: file.filename }} form={emptyForm} />, report.problem ? 422 : 200);
  });
}
