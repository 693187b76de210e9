/** The evenings: the public list and series pages, and the editors' forms (the event page itself sells tickets: ticketing/routes/public.tsx). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, slugParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { peopleSearchQuery } from '../../../shared/pagination.ts';
import { toLocalDateTimeInput } from '../../../shared/time.ts';
import { formValues, type FormState } from '../../../shared/views/form-fields.tsx';
import { getContributorOptions, searchContributorOptions } from '../../contributors/index.ts';
import { listThemes } from '../../publishing/index.ts';
import { createSeries } from '../commands/create-series.ts';
import { saveEvent } from '../commands/save-event.ts';
import { eventsPolicy } from '../policy.ts';
import { z } from 'zod';
import { countPublicEvents, getEvent, getSeriesBySlug, listEventsForEditors, listEventsOfSeries, listPublicEvents, listSeries, listSpeakerIds } from '../queries.ts';
import { listEventListFacts } from '../ticketing/queries.ts';
import { eventSchema, seriesSchema } from '../schemas.ts';
import { EventFormPage, EventListPage } from '../views/editor-pages.tsx';
import { EventsPage, SeriesPage } from '../views/public-pages.tsx';

/** Past evenings per page of /events (the upcoming ones, few, are all on the first). */
const PAST_PER_PAGE = 12;
const eventsPageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export function eventRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  /** Organisers only, checked before any params or body are read. */
  const manage = (req: FastifyRequest) => eventsPolicy.authorize(req.actor, 'manage');
  const themeOptions = async (lang: string) => (await listThemes(db)).map((th) => ({ id: th.id, name: lang === 'en' ? th.name_en : th.name_fr }));

  app.get('/events', { schema: { querystring: eventsPageQuery } }, async (req, reply) => {
    const now = deps.now();
    const page = req.query.page;
    const [upcoming, past, pastCount] = await Promise.all([
      page === 1 ? listPublicEvents(db, now, 'upcoming') : Promise.resolve([]),
      listPublicEvents(db, now, 'past', { limit: PAST_PER_PAGE, offset: (page - 1) * PAST_PER_PAGE }),
      countPublicEvents(db, now, 'past'),
    ]);
    const pages = Math.max(1, Math.ceil(pastCount / PAST_PER_PAGE));
    if (page > pages) throw new NotFoundError();
    const facts = await listEventListFacts(db, [...upcoming, ...past].map((e) => e.id));
    return sendPage(reply, <EventsPage ctx={viewContext(req, reply)} upcoming={upcoming} past={past} facts={facts} now={now} page={page} pages={pages} />);
  });

  const eventList = async (req: FastifyRequest, reply: FastifyReply, seriesForm: FormState = { values: {}, errors: {} }, status = 200) => {
    eventsPolicy.authorize(req.actor, 'manage');
    return sendPage(reply, <EventListPage ctx={viewContext(req, reply)} events={await listEventsForEditors(db)} now={deps.now()} series={await listSeries(db)} seriesForm={seriesForm} />, status);
  };

  app.get('/editor/events', async (req, reply) => eventList(req, reply));

  const seriesForm: FormRenderer = (req, reply, { form, status }) => eventList(req, reply, form, status);
  app.post('/editor/series', { schema: { body: seriesSchema }, config: { authorize: manage, form: seriesForm } }, async (req, reply) => {
    const actor = eventsPolicy.authorize(req.actor, 'manage');
    await createSeries({ db, actor, now: deps.now() }, req.body);
    return redirectWithFlash(req, reply, '/editor/events', 'events.seriesSaved');
  });

  app.get('/series/:slug', { schema: { params: slugParams } }, async (req, reply) => {
    const series = await getSeriesBySlug(db, req.params.slug);
    if (!series) throw new NotFoundError();
    const events = await listEventsOfSeries(db, series.id);
    return sendPage(reply, <SeriesPage ctx={viewContext(req, reply)} series={series} events={events} now={deps.now()} />);
  });

  const renderForm = async (req: FastifyRequest, reply: FastifyReply, id: number | null, form: FormState, status = 200) => {
    eventsPolicy.authorize(req.actor, 'manage');
    const who = peopleSearchQuery.safeParse(req.query).data?.who ?? '';
    const chosenIds = formValues(form, 'speakers').map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
    const [matches, chosen] = await Promise.all([searchContributorOptions(db, who), getContributorOptions(db, chosenIds)]);
    return sendPage(
      reply,
      <EventFormPage ctx={viewContext(req, reply)} form={form} id={id} themes={await themeOptions(req.lang)} speakers={{ matches, chosen, who }} series={await listSeries(db)} />,
      status,
    );
  };

  app.get('/editor/events/new', async (req, reply) => renderForm(req, reply, null, { values: { status: 'draft', capacity: '80' }, errors: {} }));

  app.get('/editor/events/:id', { schema: { params: idParams } }, async (req, reply) => {
    eventsPolicy.authorize(req.actor, 'manage');
    const e = await getEvent(db, req.params.id);
    if (!e) throw new NotFoundError();
    return renderForm(req, reply, e.id, {
      values: {
        title: e.title,
        slug: e.slug,
        theme_id: e.theme_id ? String(e.theme_id) : '',
        series_id: e.series_id ? String(e.series_id) : '',
        description: e.description_md,
        venue: e.venue,
        address: e.address,
        starts_at: toLocalDateTimeInput(e.starts_at),
        ends_at: toLocalDateTimeInput(e.ends_at),
        registration_opens_at: toLocalDateTimeInput(e.registration_opens_at),
        registration_closes_at: toLocalDateTimeInput(e.registration_closes_at),
        capacity: String(e.capacity),
        status: e.status,
        speakers: (await listSpeakerIds(db, e.id)).map(String),
        payment_options: e.pay_at_door ? ['door'] : [],
        language: e.language,
      },
      errors: {},
    });
  });

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null, d: import('zod').output<typeof eventSchema>) => {
    const actor = eventsPolicy.authorize(req.actor, 'manage');
    const saved = await saveEvent(
      { db, actor, now: deps.now() },
      {
        id,
        title: d.title,
        slug: d.slug,
        themeId: d.theme_id,
        description: d.description,
        venue: d.venue,
        address: d.address,
        startsAt: d.starts_at,
        endsAt: d.ends_at,
        capacity: d.capacity,
        opensAt: d.registration_opens_at,
        closesAt: d.registration_closes_at,
        status: d.status,
        speakerIds: d.speakers,
        seriesId: d.series_id,
        payAtDoor: d.payment_options.includes('door'),
        language: d.language,
      },
    );
    return redirectWithFlash(req, reply, `/editor/events/${saved.id}`, 'events.saved');
  };
  const newForm: FormRenderer = (req, reply, { form, status }) => renderForm(req, reply, null, form, status);
  const editForm: FormRenderer = (req, reply, { form, status }) => renderForm(req, reply, idParams.parse(req.params).id, form, status);
  app.post('/editor/events', { schema: { body: eventSchema }, config: { authorize: manage, form: newForm } }, async (req, reply) => save(req, reply, null, req.body));
  app.post('/editor/events/:id', { schema: { params: idParams, body: eventSchema }, config: { authorize: manage, form: editForm } }, async (req, reply) => save(req, reply, req.params.id, req.body));
}
