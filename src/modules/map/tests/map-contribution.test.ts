/**
 * Public contribution and moderation: suggest without an account, confirm by email, the editors'
 * queue with its diff and duplicates, accept / merge / reject, credits in the contributors
 * registry, versions and restore, the search index following, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../../tests/helpers/test-database.ts';
import { ids, makeOrganisation } from './map-fixtures.ts';

const place = { country: 'FR', lat: '45.7640', lng: '4.8357', city: 'Lyon' };

describe.each(DIALECTS)('map contributions and moderation (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;
  let editorActor: Awaited<ReturnType<typeof makeUser>>['actor'];
  beforeAll(async () => {
    t = await createTestApp(dialect, { editorsEmail: 'redaction@example.org' });
    const e = await makeUser(t.db.db, 'editor', { displayName: 'Edith Editor' });
    editorActor = e.actor;
    editor = t.client();
    await editor.login(e.email, PASSWORD);
  });
  afterAll(async () => t.close());

  /** Suggests through the public form and confirms through the emailed link; returns the suggestion id. */
  async function suggest(fields: Record<string, string | string[]>, email = 'lea@example.org', url = '/map/suggest') {
    const visitor = t.client();
    const res = await visitor.post(url, { suggester_name: 'Léa Suggère', suggester_email: email, nickname: '', message: '', ...fields });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const link = new URL(t.mailer.linkTo(email)!);
    expect((await visitor.get(`${link.pathname}${link.search}`)).statusCode).toBe(200);
    expect((await visitor.post(link.pathname, { token: link.searchParams.get('token')! })).headers.location).toBe('/map');
    return Number(/suggestions\/(\d+)/.exec(link.pathname)![1]);
  }

  it('takes a suggestion from a visitor, confirmed by email, to the map once an editor accepts it, crediting the suggester', async () => {
    const { theme, model } = await ids(t.db.db);
    const id = await suggest({ name: 'La Myne', ...place, themes: [String(theme('open-science'))], models: [String(model('membership-subscription'))], legal_form: 'association', founded_year: '2015', licences: 'CC-BY-SA-4.0, GPL-3.0', website: 'https://lamyne.org', contact_email: 'bonjour@lamyne.example' });
    // Unconfirmed suggestions are not in the queue; confirmed ones are, and the editors are told.
    expect(t.mailer.lastTo('redaction@example.org')?.text).toContain(`/editor/map/suggestions/${id}`);
    const desk = (await editor.get('/editor/map')).body;
    expect(desk).toContain(`/editor/map/suggestions/${id}`);
    // Not public before the decision.
    expect((await t.client().get('/api/map/organisations')).body).not.toContain('La Myne');
    const review = (await editor.get(`/editor/map/suggestions/${id}`)).body;
    expect(review).toContain('Léa Suggère');
    expect(review).toContain('lea@example.org');
    expect(review).toContain('Science ouverte');
    expect(review).toMatch(/Licences utilisées<\/th><td class="diff-before">\(vide\)<\/td><td class="diff-after">CC-BY-SA-4.0, GPL-3.0/);
    expect((await editor.post(`/editor/map/suggestions/${id}/accept`, { note: 'Bienvenue' })).statusCode).toBe(303);
    expect(t.mailer.lastTo('lea@example.org')?.text).toContain('/map/organisations/la-myne');
    const api = JSON.parse((await t.client().get('/api/map/organisations?q=myne')).body) as { items: { slug: string; licences: string[]; themes: string[] }[] };
    expect(api.items).toMatchObject([{ slug: 'la-myne', licences: ['CC-BY-SA-4.0', 'GPL-3.0'], themes: ['open-science'] }]);
    // Credited in the registry as a map entry, without their address.
    const contributor = await t.db.db.selectFrom('contributors').select(['id', 'slug']).where('email', '=', 'lea@example.org').executeTakeFirstOrThrow();
    const credit = await t.db.db.selectFrom('contributions').select(['kind', 'subject_type', 'accepted_at']).where('contributor_id', '=', contributor.id).executeTakeFirstOrThrow();
    expect(credit).toMatchObject({ kind: 'map_entry', subject_type: 'organisation' });
    expect(credit.accepted_at).not.toBeNull();
    const profile = (await t.client().get(`/contributors/${contributor.slug}`)).body;
    expect(profile).toContain('href="/map/organisations/la-myne"');
    expect(profile).not.toContain('lea@example.org');
    // Deciding twice is refused, back on the suggestion with a message.
    const again = await editor.post(`/editor/map/suggestions/${id}/accept`, { note: '' });
    expect(again.statusCode).toBe(303);
    expect((await editor.get(again.headers.location!)).body).toContain('Cette proposition a déjà été traitée.');
    // The search index follows: the organisation is a document of the 'organisation' source.
    const doc = await t.db.db.selectFrom('search_documents').select(['url', 'kind']).where('source', '=', 'organisation').execute();
    expect(doc).toContainEqual({ url: '/map/organisations/la-myne', kind: 'organisation' });
  });

  it('refuses a bad token, and confirming twice does no harm', async () => {
    const visitor = t.client();
    await visitor.post('/map/suggest', { name: 'Token Test', ...place, suggester_name: 'T', suggester_email: 'token@example.org', nickname: '' });
    const link = new URL(t.mailer.linkTo('token@example.org')!);
    expect((await visitor.post(link.pathname, { token: 'A'.repeat(43) })).statusCode).toBe(404);
    expect((await visitor.post(link.pathname, { token: link.searchParams.get('token')! })).statusCode).toBe(303);
    const again = await visitor.post(link.pathname, { token: link.searchParams.get('token')! });
    expect(again.statusCode).toBe(303);
    expect((await visitor.get('/map')).body).toContain('Cette proposition était déjà confirmée.');
  });

  it('offers a duplicate as "merge into existing", and merging keeps one organisation with the new details', async () => {
    const existing = await makeOrganisation(t.db.db, editorActor, { name: 'Atelier Soudé', city: 'Lyon', country: 'FR', lat: 45.75, lng: 4.85 });
    const id = await suggest({ name: 'Association Atelier Soudé', country: 'FR', lat: '45.7520', lng: '4.8510', website: 'https://soude.example' }, 'dup@example.org');
    const review = (await editor.get(`/editor/map/suggestions/${id}`)).body;
    expect(review).toContain('Doublons possibles');
    expect(review).toContain('même nom');
    expect(review).toContain(`name="target" value="${existing.id}"`);
    expect((await editor.post(`/editor/map/suggestions/${id}/merge`, { target: String(existing.id), note: '' })).statusCode).toBe(303);
    const rows = await t.db.db.selectFrom('map_organisations').select(['id', 'website', 'version']).where('name_key', '=', 'atelier soude').execute();
    expect(rows).toEqual([{ id: existing.id, website: 'https://soude.example', version: 2 }]);
    const status = await t.db.db.selectFrom('map_suggestions').select(['status', 'organisation_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(status).toEqual({ status: 'merged', organisation_id: existing.id });
  });

  it('applies a correction to the fields it changed only, keeping what others changed since', async () => {
    const org = await makeOrganisation(t.db.db, editorActor, { name: 'Coop Correcte', city: 'Lyon', country: 'FR', lat: 45.76, lng: 4.83, founded_year: 2010, contact_email: 'private-coop@private.example' });
    const form = (await t.client().get('/map/organisations/coop-correcte/suggest')).body;
    expect(form).toContain('value="Coop Correcte"');
    expect(form).not.toContain('private-coop@private.example');
    const id = await suggest({ name: 'Coop Correcte', country: 'FR', city: 'Lyon', lat: '45.76', lng: '4.83', founded_year: '2011', contact_email: '' }, 'fix@example.org', '/map/organisations/coop-correcte/suggest');
    // Meanwhile an editor changes the website.
    const edit = await editor.get(`/editor/map/organisations/${org.id}`);
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    expect((await editor.post(`/editor/map/organisations/${org.id}`, { name: 'Coop Correcte', country: 'FR', city: 'Lyon', lat: '45.76', lng: '4.83', founded_year: '2010', website: 'https://coop.example', contact_email: 'private-coop@private.example', status: 'published', version, note: 'site' })).statusCode).toBe(303);
    const review = (await editor.get(`/editor/map/suggestions/${id}`)).body;
    expect(review).toMatch(/Année de fondation<\/th><td class="diff-before">2010<\/td><td class="diff-after">2011/);
    expect(review).not.toContain('Site web</th>');
    expect((await editor.post(`/editor/map/suggestions/${id}/accept`, { note: '' })).statusCode).toBe(303);
    const row = await t.db.db.selectFrom('map_organisations').select(['founded_year', 'website', 'contact_email', 'version']).where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ founded_year: 2011, website: 'https://coop.example', contact_email: 'private-coop@private.example', version: 3 });
    // A correction that changes nothing is refused on the form.
    const none = await t.client().post('/map/organisations/coop-correcte/suggest', { name: 'Coop Correcte', country: 'FR', city: 'Lyon', lat: '45.76', lng: '4.83', founded_year: '2011', website: 'https://coop.example', suggester_name: 'N', suggester_email: 'n@example.org', nickname: '' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Vous n’avez rien modifié.');
  });

  it('rejects a suggestion and tells the suggester, without publishing anything', async () => {
    const id = await suggest({ name: 'Spam Corp', ...place }, 'spam@example.org');
    expect((await editor.post(`/editor/map/suggestions/${id}/reject`, { note: 'Hors sujet' })).statusCode).toBe(303);
    expect(t.mailer.lastTo('spam@example.org')?.text).toContain('Hors sujet');
    expect((await t.client().get('/api/map/organisations?q=spam')).body).toContain('"items":[]');
  });

  it('keeps every version and restores any of them after vandalism', async () => {
    const org = await makeOrganisation(t.db.db, editorActor, { name: 'Vandalised Lab', city: 'Lyon', country: 'FR', lat: 45.7, lng: 4.8, description_md: 'A good description.', website: 'https://good.example' });
    const version = '1';
    await editor.post(`/editor/map/organisations/${org.id}`, { name: 'BUY NOW', country: 'FR', city: 'Lyon', lat: '45.7', lng: '4.8', description_md: 'spam spam', website: 'https://spam.example', status: 'published', version, note: 'vandal' });
    expect((await t.client().get('/map/organisations/vandalised-lab')).body).toContain('BUY NOW');
    const history = (await editor.get(`/editor/map/organisations/${org.id}/history`)).body;
    expect(history).toContain('Version 2');
    expect(history).toContain('vandal');
    expect(history).toContain('Edith Editor');
    expect((await editor.post(`/editor/map/organisations/${org.id}/versions/1/restore`)).statusCode).toBe(303);
    const page = (await t.client().get('/map/organisations/vandalised-lab')).body;
    expect(page).toContain('A good description.');
    expect(page).not.toContain('BUY NOW');
    const versions = await t.db.db.selectFrom('map_versions').select(['number', 'note']).where('organisation_id', '=', org.id).orderBy('number').execute();
    expect(versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(versions[2]!.note).toBe('restored version 1');
    // Restoring the current version is refused with a message, back on the history.
    const current = await editor.post(`/editor/map/organisations/${org.id}/versions/3/restore`);
    expect((await editor.get(current.headers.location!)).body).toContain('Cette version est déjà la version actuelle.');
  });

  it('refuses an editor’s save made on an outdated form rather than overwriting', async () => {
    const org = await makeOrganisation(t.db.db, editorActor, { name: 'Race Condition', city: 'Lyon', country: 'FR', lat: 45.7, lng: 4.8 });
    const base = { name: 'Race Condition', country: 'FR', city: 'Lyon', lat: '45.7', lng: '4.8', status: 'published', version: '1' };
    expect((await editor.post(`/editor/map/organisations/${org.id}`, { ...base, description_md: 'first' })).statusCode).toBe(303);
    const second = await editor.post(`/editor/map/organisations/${org.id}`, { ...base, description_md: 'second' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('value="Race Condition"');
  });

  it.each([
    [{ name: '', country: 'FR', city: 'Lyon' }, 'name', 'Ce champ est obligatoire.'],
    [{ name: 'X', country: 'ZZ', city: 'Lyon' }, 'country', 'Choisissez un pays de la liste'],
    [{ name: 'X', country: 'FR', lat: '95', lng: '4' }, 'lat', 'Coordonnées hors limites'],
    [{ name: 'X', country: 'FR', lat: '45', lng: '' }, 'lng', 'Indiquez la latitude et la longitude, ou aucune des deux.'],
    [{ name: 'X', country: 'FR' }, 'city', 'Indiquez la ville, ou la latitude et la longitude.'],
    [{ name: 'X', country: 'FR', city: 'Nulle-Part-sur-Rien' }, 'city', 'Ville introuvable dans ce pays'],
    [{ name: 'X', country: 'FR', city: 'Lyon', website: 'javascript:alert(1)' }, 'website', 'Saisissez une adresse web complète'],
    [{ name: 'X', country: 'FR', city: 'Lyon', logo_url: 'http://insecure.example/logo.png' }, 'logo_url', 'https://'],
    [{ name: 'X', country: 'FR', city: 'Lyon', founded_year: '2999' }, 'founded_year', 'Saisissez une année'],
    [{ name: 'X', country: 'FR', city: 'Lyon', founded_year: '2027' }, 'founded_year', 'ne peut pas être dans le futur'],
    [{ name: 'X', country: 'FR', city: 'Lyon', themes: '999999' }, 'themes', 'Cette valeur n’est pas valide.'],
  ])('shows the suggestion form again with a clear message, never a 5xx (%j)', async (fields, field, message) => {
    const res = await t.client().post('/map/suggest', { suggester_name: 'Q', suggester_email: 'q@example.org', nickname: '', ...fields });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).toContain(message);
    expect(res.body).toContain(`href="#f-${field}"`);
  });

  it('places a suggestion from its city with the shipped gazetteer, and answers the form’s geocoder', async () => {
    const visitor = t.client();
    expect((await visitor.post('/map/suggest', { name: 'Geo Coop', country: 'FR', city: 'Saint-Étienne', suggester_name: 'G', suggester_email: 'geo@example.org', nickname: '' })).statusCode).toBe(303);
    const row = await t.db.db.selectFrom('map_suggestions').select('proposal').where('suggester_email', '=', 'geo@example.org').executeTakeFirstOrThrow();
    expect(JSON.parse(row.proposal)).toMatchObject({ lat: 45.43389, lng: 4.39 });
    const found = await visitor.get('/map/geocode?city=lyon&country=FR', { accept: 'application/json' });
    expect(JSON.parse(found.body)).toMatchObject({ name: 'Lyon' });
    expect((await visitor.get('/map/geocode?city=Atlantis&country=FR', { accept: 'application/json' })).statusCode).toBe(404);
  });

  it('drops what the honeypot catches', async () => {
    const res = await t.client().post('/map/suggest', { name: 'Robot', ...place, suggester_name: 'R', suggester_email: 'robot@example.org', nickname: 'filled by a bot' });
    expect(res.statusCode).toBe(422);
    expect(await t.db.db.selectFrom('map_suggestions').select('id').where('suggester_email', '=', 'robot@example.org').execute()).toEqual([]);
  });

  it('lets editors keep the business-model taxonomy, refusing to delete a model in use', async () => {
    expect((await editor.post('/editor/map/models/new', { slug: 'data-cooperative', name_fr: 'Coopérative de données', name_en: 'Data cooperative', position: '20' })).statusCode).toBe(303);
    expect((await t.client().get('/map')).body).toContain('Coopérative de données');
    const dup = await editor.post('/editor/map/models/new', { slug: 'training', name_fr: 'x', name_en: 'x', position: '1' });
    expect(dup.statusCode).toBe(409);
    const { model } = await ids(t.db.db);
    await makeOrganisation(t.db.db, editorActor, { name: 'Uses Freemium', country: 'FR', lat: 45, lng: 4, models: [model('freemium')] });
    const refused = await editor.post(`/editor/map/models/${model('freemium')}/delete`);
    expect((await editor.get(refused.headers.location!)).body).toContain('Ce modèle est utilisé par 1 organisation :');
    expect((await editor.post(`/editor/map/models/${model('data-cooperative')}/delete`)).statusCode).toBe(303);
  });

  it('keeps the editors’ desk to editors: the public is sent to log in, members and contributors refused', async () => {
    const member = t.client();
    const m = await makeUser(t.db.db, 'member');
    await member.login(m.email, PASSWORD);
    const contributor = t.client();
    const c = await makeUser(t.db.db, 'contributor');
    await contributor.login(c.email, PASSWORD);
    const gets = ['/editor/map', '/editor/map/suggestions/1', '/editor/map/organisations/new', '/editor/map/organisations/1', '/editor/map/organisations/1/history', '/editor/map/models', '/editor/map/import'];
    for (const url of gets) {
      expect((await t.client().get(url)).statusCode, url).toBe(303);
      expect((await member.get(url)).statusCode, url).toBe(403);
      expect((await contributor.get(url)).statusCode, url).toBe(403);
      expect((await editor.get(url)).statusCode, url).toBe(200);
    }
    const posts = ['/editor/map/suggestions/1/accept', '/editor/map/suggestions/1/reject', '/editor/map/suggestions/1/merge', '/editor/map/organisations/new', '/editor/map/organisations/1/versions/1/restore', '/editor/map/models/new', '/editor/map/models/1/delete', '/editor/map/import'];
    for (const url of posts) {
      expect((await t.client().post(url, {})).statusCode, url).toBe(401);
      expect((await member.post(url, {})).statusCode, url).toBe(403);
    }
  });
});
