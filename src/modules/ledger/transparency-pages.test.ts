import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { makeTicketedEvent } from '../../../tests/helpers/ticketing-fixtures.ts';
import { formKey } from '../../../tests/support/evenings.ts';
import { formatCents } from '../../shared/money.ts';
import { recordIncome } from './index.ts';
import { EVENINGS_PER_PAGE } from './views/transparency-page.tsx';

describe.each(DIALECTS)('the transparency page over many evenings (%s)', (dialect) => {
  let t: TestApp;
  let eventIds: number[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (let i = 1; i <= EVENINGS_PER_PAGE + 2; i += 1) eventIds.push((await makeTicketedEvent(t.db.db, { capacity: 10, price: 0, title: `Soirée numéro ${String(i).padStart(2, '0')}` })).eventId);
  });
  afterAll(async () => t.close());

  const eveningRows = (html: string) => html.match(/<th scope="row"><a href="\/events\//g)?.length ?? 0;

  it('shows one page of evenings under a totals row counting them all, with a way to the others', async () => {
    const first = await t.client().get('/transparency');
    expect(first.statusCode).toBe(200);
    expect(eveningRows(first.body)).toBe(EVENINGS_PER_PAGE);
    expect(first.body).toContain(`Les ${EVENINGS_PER_PAGE + 2} soirées`);
    expect(first.body.indexOf('totals-row')).toBeLessThan(first.body.indexOf('<th scope="row"><a href="/events/'));
    expect(first.body).toContain('href="/transparency?page=2"');
    const second = await t.client().get('/transparency?page=2');
    expect(eveningRows(second.body)).toBe(2);
    expect(second.body).toContain(`Les ${EVENINGS_PER_PAGE + 2} soirées`);
    // Past the last page: the last page, not an error.
    expect(eveningRows((await t.client().get('/transparency?page=99')).body)).toBe(2);
  });

  it('draws the figures once per version of the ledger and language, and again after a write', async () => {
    const pages = () => Promise.all(['/transparency', '/en/transparency', '/transparency?page=2'].map(async (url) => (await t.client().get(url)).body));
    const [fr, en, second] = await pages();
    // Drawn again from what was kept: the same pages.
    expect(await pages()).toEqual([fr, en, second]);
    const donation = 1_234_567;
    const door = 7_654_321;
    expect(fr).not.toContain(formatCents(donation, 'fr'));
    expect(second).not.toContain(formatCents(door, 'fr'));
    const { actor } = await makeUser(t.db.db, 'admin');
    const ctx = { db: t.db.db, actor, now: t.clock.now };
    await recordIncome(ctx, { kind: 'donation', amount: donation, eventId: null, description: 'Don', key: formKey() });
    await recordIncome(ctx, { kind: 'tickets', amount: door, eventId: eventIds[0]!, description: 'Entrées', key: formKey() });
    const [frAfter, enAfter, secondAfter] = await pages();
    // The flows (drawn once per language) and the evenings' totals row (drawn once per page) both moved.
    expect(frAfter).toContain(formatCents(donation, 'fr'));
    expect(enAfter).toContain(formatCents(donation, 'en'));
    expect(frAfter).toContain(formatCents(door, 'fr'));
    expect(secondAfter).toContain(formatCents(door, 'fr'));
  });
});
