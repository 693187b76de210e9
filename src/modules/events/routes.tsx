import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import { toLocalDateTimeInput } from '../../shared/time.ts';
import type { FormState } from '../../shared/views/form-fields.tsx';
import { authorize } from '../accounts/index.ts';
import { listContributorOptions } from '../contributors/index.ts';
import { listThemes } from '../publishing/index.ts';
import { addDefaultTicketTypes } from './commands/manage-ticketing.ts';
import { createSeries, saveEvent } from './commands/save-event.ts';
import { getEvent, getSeriesBySlug, listEventsForEditors, listEventsOfSeries, listPublicEvents, listSeries, listSpeakerIds } from './queries.ts';
import { eventSchema, seriesSchema } from './schemas.ts';
import { EventFormPage, EventListPage } from './views/editor-pages.tsx';
import { EventsPage, SeriesPage } from './views/public-pages.tsx';

export function eventRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const idOf = (req: FastifyRequest) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
    return id;
  };
  const themeOptions = async (lang: string) => (await listThemes(db)).map((th) => ({ id: th.id, name: lang === 'en' ? th.name_en : th.name_fr }));

  app.get('/events', async (req, reply) => {
    const now = deps.now();
    const [upcoming, past] = await Promise.all([listPublicEvents(db, now, 'upcoming'), listPublicEvents(db, now, 'past')]);
    return sendPage(reply, <EventsPage ctx={viewContext(req, reply)} upcoming={upcoming} past={past} now={now} />);
  });

  const eventList = async (req: FastifyRequest, reply: FastifyReply, seriesForm: FormState = { values: {}, errors: {} }, status = 200) =>
    sendPage(reply, <EventListPage ctx={viewContext(req, reply)} events={await listEventsForEditors(db)} now={deps.now()} series={await listSeries(db)} seriesForm={seriesForm} />, status);

  app.get('/editor/events', async (req, reply) => {
    authorize(req, 'manage:events');
    return eventList(req, reply);
  });

  app.post('/editor/series', async (req, reply) => {
    const actor = authorize(req, 'manage:events');
    const { fields } = readForm(req);
    const result = validateForm(seriesSchema, fields);
    if (!result.ok) return eventList(req, reply, result.form, 422);
    try {
      await db.transaction().execute((trx) => createSeries(trx, result.data, { actorUserId: actor.id, now: deps.now() }));
    } catch (error) {
      if (error instanceof ValidationError) return eventList(req, reply, { values: fields, errors: error.fields }, 422);
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/events', 'events.seriesSaved');
  });

  app.get('/series/:slug', async (req, reply) => {
    const series = await getSeriesBySlug(db, (req.params as { slug: string }).slug);
    if (!series) throw new NotFoundError();
    const events = await listEventsOfSeries(db, series.id);
    return sendPage(reply, <SeriesPage ctx={viewContext(req, reply)} series={series} events={events} now={deps.now()} />);
  });

  const renderForm = async (req: FastifyRequest, reply: FastifyReply, id: number | null, form: FormState, status = 200) =>
    sendPage(
      reply,
      <EventFormPage ctx={viewContext(req, reply)} form={form} id={id} themes={await themeOptions(req.lang)} speakers={await listContributorOptions(db)} series={await listSeries(db)} />,
      status,
    );

  app.get('/editor/events/new', async (req, reply) => {
    authorize(req, 'manage:events');
    return renderForm(req, reply, null, { values: { status: 'draft', capacity: '80' }, errors: {} });
  });

  app.get('/editor/events/:id', async (req, reply) => {
    authorize(req, 'manage:events');
    const e = await getEvent(db, idOf(req));
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
      },
      errors: {},
    });
  });

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const actor = authorize(req, 'manage:events');
    const { fields } = readForm(req);
    const result = validateForm(eventSchema, fields);
    if (!result.ok) return renderForm(req, reply, id, result.form, 422);
    const d = result.data;
    try {
      const saved = await db.transaction().execute(async (trx) => {
        const result = await saveEvent(
          trx,
          id,
          {
            title: d.title,
            slug: d.slug,
            themeId: d.theme_id,
            description: d.description,
            venue: d.venue,
            address: d.address,
            startsAt: d.starts_at!,
            endsAt: d.ends_at!,
            capacity: d.capacity,
            opensAt: d.registration_opens_at,
            closesAt: d.registration_closes_at,
            status: d.status,
            speakerIds: d.speakers,
            seriesId: d.series_id,
          },
          { actorUserId: actor.id, now: deps.now() },
        );
        if (id === null) await addDefaultTicketTypes(trx, result.id, { actorUserId: actor.id, now: deps.now() });
        return result;
      });
      return redirectWithFlash(req, reply, `/editor/events/${saved.id}`, 'events.saved');
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(req, reply, id, { values: fields, errors: error.fields }, 422);
      throw error;
    }
  };
  app.post('/editor/events', async (req, reply) => save(req, reply, null));
  app.post('/editor/events/:id', async (req, reply) => save(req, reply, idOf(req)));
}
