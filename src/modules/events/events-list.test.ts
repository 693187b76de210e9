/**
 * Lists that help people decide (issue 11): /events with date, place, price range, seats left, a
 * button to book and the calendar feed; past evenings with their attendance and accounts, never
 * "80 free of 80"; no internal status shown to the public; pagination; the next evening on the
 * home page; every published piece at /pieces, a page at a time.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makePiece, makeUser } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { T0 } from '../../../tests/helpers/ticketing-fixtures.ts';
import type { Actor } from '../../shared/actor.ts';
import { formatCents } from '../../shared/money.ts';
import { addTicketType, saveEvent } from './index.ts';

const DAY = 24 * 3_600_000;

describe.each(DIALECTS)('public lists (%s)', (dialect) => {
  let t: TestApp;
  let editor: Actor;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    editor = (await makeUser(t.db.db, 'editor')).actor;
  });
  afterEach(() => {
    t.clock.now = new Date(T0);
  });
  afterAll(async () => t.close());

  async function evening(title: string, startsAt: Date, options: { capacity?: number; prices?: number[]; status?: 'draft' | 'published' } = {}) {
    return t.db.db.transaction().execute(async (trx) => {
      const ctx = { db: trx, actor: editor, now: new Date('2026-01-01T00:00:00Z') };
      const saved = await saveEvent(ctx, {
        id: null,
        defaultTicketTypes: false,
        title,
        slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`,
        themeId: null,
        description: '',
        venue: `Salle ${title}`,
        address: '',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        capacity: options.capacity ?? 80,
        opensAt: null,
        closesAt: null,
        status: options.status ?? 'published',
      });
      await addTicketType(ctx, { eventId: saved.id, kind: 'contributor', name: 'Contributeur·rice', price: 0, quota: null, maxPerOrder: 1 });
      for (const [i, price] of (options.prices ?? [1500]).entries()) await addTicketType(ctx, { eventId: saved.id, kind: i === 0 ? 'standard' : 'solidarity', name: `Tarif ${i}`, price, quota: null, maxPerOrder: 2 });
      return saved;
    });
  }

  it('shows upcoming evenings with what helps decide, past ones with attendance and accounts, and no internal status', async () => {
    const soon = await evening(`Bientôt ${dialect}`, new Date(T0.getTime() + 10 * DAY), { capacity: 40, prices: [1500, 500] });
    const past = await evening(`Passée ${dialect}`, new Date(T0.getTime() - 10 * DAY));
    await evening(`Brouillon ${dialect}`, new Date(T0.getTime() + 20 * DAY), { status: 'draft' });

    const page = (await t.client().get('/events')).body;
    const soonItem = page.slice(page.indexOf(`/events/${soon.slug}"`), page.indexOf('</li>', page.indexOf(`/events/${soon.slug}"`)));
    expect(soonItem).toContain(`${formatCents(500, 'fr')} – ${formatCents(1500, 'fr')}`);
    expect(soonItem).toContain('40 places libres sur 40');
    expect(soonItem).toContain(`href="/events/${soon.slug}#tickets-heading"`);
    expect(soonItem).toContain('>Réserver</a>');
    expect(page).toContain('href="/events/calendar.ics"');
    const pastItem = page.slice(page.indexOf(`/events/${past.slug}"`), page.indexOf('</li>', page.indexOf(`/events/${past.slug}"`)));
    expect(pastItem).toContain('Aucun·e participant·e enregistré·e');
    expect(pastItem).toContain(`href="/transparency/transactions?event=${past.id}"`);
    expect(pastItem).not.toContain('places libres');
    expect(page).not.toContain(`Brouillon ${dialect}`);
    expect(page).not.toContain('status-published');

    // An evening's page: no "Publiée" badge; once over, attendance and accounts instead of seats.
    const soonPage = (await t.client().get(`/events/${soon.slug}`)).body;
    expect(soonPage).not.toContain('status-published');
    const pastPage = (await t.client().get(`/events/${past.slug}`)).body;
    expect(pastPage).toContain('Cette soirée a eu lieu');
    expect(pastPage).toContain(`href="/transparency/transactions?event=${past.id}"`);
    expect(pastPage).not.toContain('places libres');
    expect(pastPage).toContain('status-past');
  });

  it('pages the past evenings, twelve at a time', async () => {
    for (let i = 0; i < 13; i++) await evening(`Archive ${dialect} ${i}`, new Date(T0.getTime() - (100 + i) * DAY));
    const first = (await t.client().get('/events')).body;
    expect(first).toContain('href="/events?page=2"');
    const second = await t.client().get('/events?page=2');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('rel="prev"');
    expect(second.body).not.toContain('id="upcoming-heading"');
    expect((await t.client().get('/events?page=99')).statusCode).toBe(404);
    expect((await t.client().get('/events?page=abc')).statusCode).toBe(200);
  });

  it('highlights the next evening on the home page', async () => {
    t.clock.now = new Date(T0.getTime() + 5 * DAY);
    const next = await evening(`Prochaine ${dialect}`, new Date(T0.getTime() + 6 * DAY));
    const home = (await t.client().get('/')).body;
    expect(home).toContain('Prochaine soirée');
    // The next one from this clock: the nearest upcoming, which the other tests may also have made.
    const upcoming = await t.db.db.selectFrom('events').select('slug').where('status', '=', 'published').where('ends_at', '>=', t.clock.now.toISOString()).orderBy('starts_at').executeTakeFirstOrThrow();
    expect(upcoming.slug).toBe(next.slug);
    expect(home).toContain(`href="/events/${next.slug}#tickets-heading"`);
    expect(home).toContain('href="/pieces"');
    // Its seats left follow the seat counters (three seats held in one bucket, as orders would).
    const { id } = await t.db.db.selectFrom('events').select('id').where('slug', '=', next.slug).executeTakeFirstOrThrow();
    const bucket = await t.db.db.selectFrom('seat_buckets').select(['bucket', 'capacity']).where('event_id', '=', id).orderBy('capacity', 'desc').executeTakeFirstOrThrow();
    expect(bucket.capacity).toBeGreaterThanOrEqual(3);
    await t.db.db.updateTable('seat_buckets').set({ held: 3 }).where('event_id', '=', id).where('bucket', '=', bucket.bucket).execute();
    const capacity = (await t.db.db.selectFrom('events').select('capacity').where('id', '=', id).executeTakeFirstOrThrow()).capacity;
    expect((await t.client().get('/')).body).toContain(`${capacity - 3} places libres sur ${capacity}`);
  });

  it('lists every published piece at /pieces, a page at a time', async () => {
    for (let i = 0; i < 19; i++) await makePiece(t.db.db, editor, { title: `Pièce ${dialect} ${i}`, publish: new Date(T0.getTime() - (i + 1) * DAY) });
    const first = await t.client().get('/pieces');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Toutes les publications');
    expect(first.body).toContain(`Pièce ${dialect} 0`);
    expect(first.body).toContain('href="/pieces?page=2"');
    const second = (await t.client().get('/pieces?page=2')).body;
    expect(second).toContain(`Pièce ${dialect} 18`);
    expect((await t.client().get('/pieces?page=50')).statusCode).toBe(404);
  });
});
