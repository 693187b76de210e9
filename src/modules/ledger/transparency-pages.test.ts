import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { makeTicketedEvent } from '../../../tests/helpers/ticketing-fixtures.ts';
import { EVENINGS_PER_PAGE } from './views/transparency-page.tsx';

describe.each(DIALECTS)('the transparency page over many evenings (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (let i = 1; i <= EVENINGS_PER_PAGE + 2; i += 1) await makeTicketedEvent(t.db.db, { capacity: 10, price: 0, title: `Soirée numéro ${String(i).padStart(2, '0')}` });
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
});
