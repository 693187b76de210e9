/**
 * Evenings and their ticket types carry their language (issue 11, item 5): an organiser sets it in
 * the forms, and the evening's page says it and marks its text with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';

describe.each(DIALECTS)('the language of an evening (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const a = await makeUser(t.db.db, 'admin');
    admin = t.client();
    await admin.login(a.email, PASSWORD);
  });
  afterAll(async () => t.close());

  it('is set by the organiser on the evening and on a ticket type, and shown on the page', async () => {
    expect((await admin.get('/editor/events/new')).body).toMatch(/<select[^>]*name="language"/);
    const created = await admin.post('/editor/events', {
      title: 'An evening in English',
      slug: 'evening-in-english',
      series_id: '',
      theme_id: '',
      description: 'We **talk** about open hardware.',
      venue: 'La Maison',
      address: '',
      starts_at: '2026-09-10T19:00',
      ends_at: '2026-09-10T22:00',
      capacity: '40',
      registration_opens_at: '',
      registration_closes_at: '',
      status: 'published',
      language: 'en',
    });
    expect(created.statusCode).toBe(303);
    const event = await t.db.db.selectFrom('events').select(['id', 'language']).where('slug', '=', 'evening-in-english').executeTakeFirstOrThrow();
    expect(event.language).toBe('en');
    // The edit form shows the language chosen.
    expect((await admin.get(`/editor/events/${event.id}`)).body).toMatch(/<option value="en" selected/);

    const added = await admin.post(`/editor/events/${event.id}/ticket-types`, { kind: 'standard', name: 'Full price', price: '10', quota: '', max_per_order: '2', language: 'en' });
    expect(added.statusCode).toBe(303);
    const type = await t.db.db.selectFrom('ticket_types').select('language').where('event_id', '=', event.id).where('name', '=', 'Full price').executeTakeFirstOrThrow();
    expect(type.language).toBe('en');

    const fr = (await t.client().get('/events/evening-in-english')).body;
    expect(fr).toContain('<dt>Langue du contenu</dt><dd>anglais</dd>');
    expect(fr).toContain('<h1 lang="en">An evening in English</h1>');
    expect(fr).toContain('<div class="prose" lang="en">');
    expect(fr).toContain('"inLanguage":"en"');
    const en = (await t.client().get('/en/events/evening-in-english')).body;
    expect(en).toContain('<dt>Content language</dt><dd>English</dd>');
    expect(en).toContain('<h1>An evening in English</h1>');

    // Refused: a language the site does not have.
    const bad = await admin.post(`/editor/events/${event.id}/ticket-types`, { kind: 'standard', name: 'Volltarif', price: '10', quota: '', max_per_order: '2', language: 'de' });
    expect(bad.statusCode).toBe(422);
  });
});
