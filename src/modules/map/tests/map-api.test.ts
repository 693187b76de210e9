/**
 * The map's open data and public pages: every filter through the JSON API (and the same filter
 * through the points, the exports and the page), the licence in every export, and no private
 * field — contact addresses, suggesters — anywhere the public can read.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../tests/factories/index.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../../tests/helpers/test-database.ts';
import { makeOrganisation, seedMap } from './map-fixtures.ts';

describe.each(DIALECTS)('map open data and filters (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { actor } = await makeUser(t.db.db, 'editor');
    await seedMap(t.db.db, actor);
    // A suggestion awaiting the editors: its suggester must stay private too.
    await t.client().post('/map/suggest', { name: 'Pending Place', country: 'BE', lat: '50.85', lng: '4.35', suggester_name: 'Suggester Secretname', suggester_email: 'secret-suggester@private.example', nickname: '' });
  });
  afterAll(async () => t.close());

  const names = async (query: string) => {
    const res = await t.client().get(`/api/map/organisations?${query}`, { accept: 'application/json' });
    expect(res.statusCode, res.body).toBe(200);
    return (JSON.parse(res.body) as { items: { name: string }[] }).items.map((i) => i.name).sort();
  };

  it.each([
    ['', ['Chatham Commons', 'Framasoft', 'Open Food Network', 'Prusa Research', 'Suva Open Lab', 'Wikimédia France']],
    ['theme=open-data', ['Open Food Network', 'Wikimédia France']],
    ['theme=open-data&theme=open-hardware', ['Open Food Network', 'Prusa Research', 'Wikimédia France']],
    ['model=donations-crowdfunding', ['Framasoft', 'Wikimédia France']],
    ['model=donations-crowdfunding&theme=art-culture', ['Wikimédia France']],
    ['legal=association', ['Framasoft', 'Wikimédia France']],
    ['legal=company&legal=cooperative', ['Open Food Network', 'Prusa Research']],
    ['country=FR', ['Framasoft', 'Wikimédia France']],
    ['country=fr&country=CZ', ['Framasoft', 'Prusa Research', 'Wikimédia France']],
    ['from=2010', ['Chatham Commons', 'Open Food Network', 'Prusa Research']],
    ['to=2004', ['Framasoft', 'Suva Open Lab', 'Wikimédia France']],
    ['from=2004&to=2012', ['Framasoft', 'Open Food Network', 'Prusa Research', 'Wikimédia France']],
    ['q=wikimedia', ['Wikimédia France']],
    ['q=PRAGUE', ['Prusa Research']],
    ['q=degooglisons', ['Framasoft']],
    ['q=100%25', []],
    ['q=open_food', ['Open Food Network']],
    ['bbox=-5,42,10,51', ['Framasoft', 'Wikimédia France']],
    ['bbox=170,-50,-170,0', ['Chatham Commons', 'Suva Open Lab']],
    ['bbox=-5,42,10,51&theme=free-software', ['Framasoft']],
    ['theme=no-such-theme', []],
    ['model=no-such-model', []],
  ])('GET /api/map/organisations?%s', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('gives the same answer to the same filter on the points, both exports and the page', async () => {
    const query = 'theme=open-data&from=2000';
    const c = t.client();
    const points = JSON.parse((await c.get(`/map/points.json?${query}`)).body) as { points: number[][] };
    expect(points.points).toHaveLength(2);
    const geo = JSON.parse((await c.get(`/map/data.geojson?${query}`)).body) as { features: { properties: { name: string } }[] };
    expect(geo.features.map((f) => f.properties.name).sort()).toEqual(['Open Food Network', 'Wikimédia France']);
    const csv = (await c.get(`/map/data.csv?${query}`)).body;
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    const page = (await c.get(`/map?${query}`)).body;
    expect(page).toContain('Wikimédia France');
    expect(page).not.toContain('Prusa Research</a>');
    expect(page).toContain('2 organisations');
  });

  it('pages through results with next and previous links that keep the filters', async () => {
    const c = t.client();
    const first = JSON.parse((await c.get('/api/map/organisations?limit=4&country=FR&country=AU&country=CZ&country=FJ&country=NZ')).body) as { items: unknown[]; next: string; previous: null };
    expect(first.items).toHaveLength(4);
    expect(first.previous).toBeNull();
    const next = new URL(first.next);
    expect(next.searchParams.getAll('country')).toEqual(['FR', 'AU', 'CZ', 'FJ', 'NZ']);
    const second = JSON.parse((await c.get(`${next.pathname}${next.search}`)).body) as { items: unknown[]; next: null; previous: string };
    expect(second.items).toHaveLength(2);
    expect(second.next).toBeNull();
  });

  it.each(['bbox=1,2,3', 'bbox=0,50,1,40', 'bbox=0,0,200,1', 'limit=0', 'limit=501', 'legal=pirate', 'country=XX', 'from=abc'])('answers 400, not 500, to %s', async (query) => {
    const res = await t.client().get(`/api/map/organisations?${query}`, { accept: 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'validation' });
  });

  it('states the data licence in every export', async () => {
    const c = t.client();
    const licence = { name: 'ODbL-1.0', url: 'https://opendatacommons.org/licenses/odbl/1-0/' };
    for (const url of ['/api/map/organisations', '/api/map/organisations/framasoft', '/map/points.json', '/map/data.geojson']) {
      const res = await c.get(url);
      expect(JSON.parse(res.body).licence, url).toEqual(licence);
      expect(res.headers.link, url).toContain('rel="license"');
    }
    const csv = (await c.get('/map/data.csv')).body.replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]!.split(',').at(-1)).toBe('licence');
    expect(csv[1]!.split(',').at(-1)).toBe('ODbL-1.0');
    expect((await c.get('/map')).body).toContain('https://opendatacommons.org/licenses/odbl/1-0/');
  });

  it('never shows a contact address, a suggester or a hidden organisation to the public', async () => {
    const c = t.client();
    const urls = [
      '/map', '/map?q=lyon', '/map/embed', '/map/directory', '/map/themes/free-software', '/map/models/donations-crowdfunding', '/map/organisations/framasoft',
      '/map/points.json', '/map/clusters.json?zoom=2', '/map/clusters.json?zoom=12&bbox=4,45,5,46', '/map/data.geojson', '/map/data.csv', '/api/map/organisations', '/api/map/organisations?limit=500', '/api/map/organisations/framasoft',
      '/api/map/points/1', '/sitemap.xml', '/contributors',
    ];
    for (const url of urls) {
      const body = (await c.get(url)).body;
      expect(body, url).not.toMatch(/private\.example|Secretname|contact_email|Hidden Hardware|Pending Place/);
    }
    expect((await c.get('/map/organisations/hidden-hardware')).statusCode).toBe(404);
    expect((await c.get('/api/map/organisations/hidden-hardware')).statusCode).toBe(404);
    // The point's popup by id refuses the hidden one too.
    const hidden = await t.db.db.selectFrom('map_organisations').select('id').where('slug', '=', 'hidden-hardware').executeTakeFirstOrThrow();
    expect((await c.get(`/api/map/points/${hidden.id}`)).statusCode).toBe(404);
  });

  it('offers "write to them" only where a contact address exists, and relays without revealing it', async () => {
    const c = t.client();
    const page = (await c.get('/map/organisations/framasoft')).body;
    expect(page).toContain('action="/map/organisations/framasoft/write"');
    expect((await c.get('/map/organisations/prusa-research')).body).not.toContain('/write"');
    const res = await c.post('/map/organisations/framasoft/write', { sender_name: 'Ana', sender_email: 'ana@example.net', body: 'Bonjour, pouvons-nous vous inviter à une soirée ?', nickname: '' });
    expect(res.statusCode).toBe(303);
    const mail = t.mailer.lastTo('secret-framasoft@private.example');
    expect(mail?.replyTo).toBe('ana@example.net');
    expect(mail?.text).toContain('pouvons-nous vous inviter');
    // Relayed, then forgotten.
    expect(await t.db.db.selectFrom('map_relay_messages').selectAll().execute()).toEqual([]);
    expect((await c.post('/map/organisations/prusa-research/write', { sender_name: 'Ana', sender_email: 'ana@example.net', body: 'Bonjour, pouvons-nous vous inviter à une soirée ?', nickname: '' })).statusCode).toBe(409);
    const bot = await c.post('/map/organisations/framasoft/write', { sender_name: 'Bot', sender_email: 'bot@example.net', body: 'Cheap pills, cheap pills, cheap pills.', nickname: 'gotcha' });
    expect(bot.statusCode).toBe(422);
  });

  it('escapes hostile text everywhere and makes spreadsheet formulas inert', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    await makeOrganisation(t.db.db, actor, { name: '<script>alert(1)</script> Evil', description_md: '<img src=x onerror=alert(2)> [x](javascript:alert(3))', city: '=HYPERLINK("http://evil")', country: 'BE', lat: 50.5, lng: 4.5, licences: ['@SUM(A1)'] });
    const c = t.client();
    const api = JSON.parse((await c.get('/api/map/organisations?country=BE')).body) as { items: { slug: string }[] };
    const slug = api.items[0]!.slug;
    for (const url of [`/map/organisations/${slug}`, '/map?country=BE', '/map/directory']) {
      const body = (await c.get(url)).body;
      expect(body, url).not.toContain('<script>alert(1)');
      expect(body, url).not.toMatch(/<img src=x|href="javascript:/);
    }
    const csv = (await c.get('/map/data.csv?country=BE')).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'@SUM(A1)");
  });

  it('counts the organisations on a grid for the map’s first paint, with the same filters', async () => {
    const c = t.client();
    const world = JSON.parse((await c.get('/map/clusters.json?zoom=2')).body) as { total: number; cells: number[][] };
    const all = JSON.parse((await c.get('/api/map/organisations?limit=500')).body) as { items: unknown[] };
    expect(world.total).toBe(all.items.length);
    expect(world.cells.reduce((sum, cell) => sum + cell[2]!, 0)).toBe(all.items.length);
    // At zoom 2 a cell is 22.5°: Lyon and Paris share one, at their centre.
    const france = JSON.parse((await c.get('/map/clusters.json?zoom=2&country=FR')).body) as { total: number; cells: number[][] };
    expect(france.cells).toHaveLength(1);
    expect(france.cells[0]![2]).toBe(2);
    expect(france.cells[0]![0]).toBeCloseTo((45.764 + 48.8566) / 2, 3);
    const filtered = JSON.parse((await c.get('/map/clusters.json?zoom=2&theme=open-science')).body) as { total: number; cells: number[][] };
    expect(filtered.total).toBe(2);
    const ids = await t.db.db.selectFrom('map_organisations').select('id').where('slug', 'in', ['suva-open-lab', 'chatham-commons']).execute();
    expect(filtered.cells.map((cell) => cell[3]).sort()).toEqual(ids.map((r) => r.id).sort());
    const close = JSON.parse((await c.get('/map/clusters.json?zoom=14&bbox=4,45,5,46')).body) as { total: number };
    expect(close.total).toBe(1);
    expect((await c.get('/map/clusters.json?zoom=99', { accept: 'application/json' })).statusCode).toBe(400);
  });

  it('serves the points gzipped to clients that accept it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/map/points.json', headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(res.rawPayload).toString('utf8')) as { points: number[][] };
    expect(body.points.length).toBeGreaterThanOrEqual(6);
  });

  it('lets other sites frame the embed, and only the embed', async () => {
    const c = t.client();
    const embed = await c.get('/map/embed?theme=open-data');
    expect(embed.statusCode).toBe(200);
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['content-security-policy']).toContain("script-src 'self'");
    expect(embed.body).toContain('data-points="/map/points.json?theme=open-data"');
    const map = await c.get('/map?theme=open-data');
    expect(map.headers['x-frame-options']).toBe('DENY');
    expect(map.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(map.body).toContain('/map/embed?theme=open-data');
  });

  it('shows the list without JavaScript, following the area in the URL', async () => {
    const page = (await t.client().get('/map?bbox=-5,42,6,49.5')).body;
    expect(page).toContain('Organisations dans la zone affichée : 2');
    expect(page).toContain('href="/map/organisations/framasoft"');
    expect(page).not.toContain('href="/map/organisations/prusa-research"');
  });

  it('lists each theme and business model in the directory', async () => {
    const c = t.client();
    const theme = (await c.get('/map/themes/open-data')).body;
    expect(theme).toContain('Wikimédia France');
    expect(theme).not.toContain('href="/map/organisations/framasoft"');
    expect((await c.get('/map/models/training')).body).toContain('Chatham Commons');
    expect((await c.get('/map/themes/nope')).statusCode).toBe(404);
    expect((await c.get('/map/models/nope')).statusCode).toBe(404);
  });
});
