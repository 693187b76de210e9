/**
 * Import for editors: the export → import round trip gives the same data (CSV and GeoJSON), the dry
 * run writes nothing, duplicates are merged, bad rows are rejected with a message per field, bad
 * files are refused whole (wrong columns, another encoding, broken JSON, 50 MB), and an import is
 * one transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePiece, makeUser, PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../../tests/helpers/test-database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { importOrganisations } from '../commands/import-organisations.ts';
import { ids, makeOrganisation, seedMap } from './map-fixtures.ts';

async function editorOf(t: TestApp): Promise<{ client: TestClient; actor: Actor }> {
  const e = await makeUser(t.db.db, 'editor');
  const client = t.client();
  await client.login(e.email, PASSWORD);
  return { client, actor: e.actor };
}

const upload = (c: TestClient, filename: string, data: Buffer | string, mode: 'preview' | 'apply') =>
  c.postMultipart('/editor/map/import', { mode }, { file: { filename, contentType: filename.endsWith('.csv') ? 'text/csv' : 'application/geo+json', data: Buffer.isBuffer(data) ? data : Buffer.from(data) } });

/** The export without what an import cannot keep the same (row ids, the time of the last change). */
function comparableCsv(csv: string): string[] {
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  const columns = header!.split(',');
  const drop = new Set([columns.indexOf('id'), columns.indexOf('updated_at')]);
  // Cells hold no commas in quotes here except in quoted text, which we keep whole by splitting on the raw line.
  return rows.map((r) => r.replace(/^\d+,/, '').replace(/,\d{4}-\d\d-\d\dT[\d:.]+Z,([^,]*)$/, ',$1')).sort().concat(columns.filter((_, i) => !drop.has(i)).join(','));
}

async function countOrganisations(t: TestApp) {
  return Number((await t.db.db.selectFrom('map_organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe.each(DIALECTS)('map import (%s)', (dialect) => {
  let source: TestApp;
  let target: TestApp;
  let sourceEditor: { client: TestClient; actor: Actor };
  let targetEditor: { client: TestClient; actor: Actor };

  beforeAll(async () => {
    source = await createTestApp(dialect);
    target = await createTestApp(dialect);
    sourceEditor = await editorOf(source);
    targetEditor = await editorOf(target);
    // The same published case study on both sites.
    for (const t of [source, target]) {
      const { actor } = await makeUser(t.db.db, 'admin');
      await makePiece(t.db.db, actor, { title: 'Une coopérative qui partage', slug: 'une-cooperative-qui-partage', kind: 'case_study', publish: true });
    }
    await seedMap(source.db.db, sourceEditor.actor);
    await makeOrganisation(source.db.db, sourceEditor.actor, {
      name: 'Tricky, "Quoted" Name',
      description_md: 'Ligne un,\nligne "deux" ;\n\n- une liste\n- =SUM(A1) reste du texte',
      city: '-Minus City',
      country: 'BE',
      lat: -0.000123,
      lng: -179.999999,
      licences: ['=CMD', 'CC0-1.0'],
      case_studies: ['une-cooperative-qui-partage'],
      website: 'https://tricky.example/?a=1&b=2',
      size_band: '250+',
    });
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('gives the same organisations after export and import, in CSV and in GeoJSON', async () => {
    const csv = (await source.client().get('/map/data.csv')).body;
    const preview = await upload(targetEditor.client, 'organisations.csv', csv, 'preview');
    expect(preview.statusCode, preview.body.slice(0, 500)).toBe(200);
    expect(preview.body).toContain('Aperçu : 7 à créer, 0 à fusionner, 0 inchangée, 0 rejetée. Rien n’a été écrit.');
    expect(await countOrganisations(target)).toBe(0);
    const applied = await upload(targetEditor.client, 'organisations.csv', csv, 'apply');
    expect(applied.body).toContain('Import effectué : 7 créées');
    expect(comparableCsv((await target.client().get('/map/data.csv')).body)).toEqual(comparableCsv(csv));
    // Every imported organisation has its first version, written by the import.
    const versions = await target.db.db.selectFrom('map_versions').select(['number', 'note']).execute();
    expect(versions).toHaveLength(7);
    expect(versions.every((v) => v.number === 1 && v.note === 'import organisations.csv')).toBe(true);

    // The same file again changes nothing: every row is recognised by its slug.
    const again = await upload(targetEditor.client, 'organisations.csv', csv, 'apply');
    expect(again.body).toContain('0 créée, 0 fusionnée, 7 inchangées, 0 rejetée');

    // GeoJSON, into a third, empty site.
    const third = await createTestApp(dialect);
    try {
      const { actor } = await makeUser(third.db.db, 'admin');
      await makePiece(third.db.db, actor, { title: 'Une coopérative qui partage', slug: 'une-cooperative-qui-partage', kind: 'case_study', publish: true });
      const geojson = (await source.client().get('/map/data.geojson')).body;
      const report = await importOrganisations({ db: third.db.db, actor, now: third.clock.now }, { filename: 'map.geojson', data: Buffer.from(geojson), apply: true, locate: async () => null });
      expect(report.counts).toEqual({ create: 7, merge: 0, unchanged: 0, reject: 0 });
      const strip = (body: string) => (JSON.parse(body) as { features: { id: number; properties: Record<string, unknown> }[] }).features.map(({ id: _id, properties: { id: _i, updated_at: _u, ...p }, ...f }) => ({ ...f, properties: p })).sort((a, b) => String(a.properties.slug).localeCompare(String(b.properties.slug)));
      expect(strip((await third.client().get('/map/data.geojson')).body)).toEqual(strip(geojson));
    } finally {
      await third.close();
    }
  });

  it('merges a confident duplicate, places rows from their city, and rejects bad rows with a message per field', async () => {
    const { theme } = await ids(source.db.db);
    void theme;
    const csv = [
      'name,country,city,lat,lng,themes,founded_year,website',
      // A duplicate of Framasoft: a similar name 100 m away.
      'Association Framasoft,FR,Lyon,45.7649,4.8357,open-data,,https://framasoft.org',
      // Placed by the gazetteer.
      'Nouvelle Coop,FR,Grenoble,,,free-software,2019,',
      // Rejected: coordinates out of range, unknown theme, a year in the future, an unknown city.
      'Bad Coordinates,FR,,95,200,,,',
      'Bad Theme,FR,Lyon,45.1,4.1,no-such-theme,,',
      'Future,FR,Lyon,45.2,4.2,,2999,',
      'Nowhere,FR,Atlantide-sur-Mer,,,,,',
      ',FR,Lyon,45.3,4.3,,,',
      'Bad Link,FR,Lyon,45.4,4.4,,,javascript:alert(1)',
    ].join('\n');
    const res = await upload(sourceEditor.client, 'mixed.csv', csv, 'apply');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('1 créée, 1 fusionnée, 0 inchangée, 6 rejetées');
    expect(res.body).toMatch(/ligne 2<\/td><td>Association Framasoft<\/td><td>fusionnée dans <a href="\/map\/organisations\/framasoft">Framasoft/);
    expect(res.body).toContain('Coordonnées hors limites');
    expect(res.body).toContain('Identifiants inconnus dans cette liste.');
    expect(res.body).toContain('Saisissez une année sur quatre chiffres');
    expect(res.body).toContain('Ville introuvable dans ce pays');
    expect(res.body).toContain('Ce champ est obligatoire.');
    expect(res.body).toContain('Saisissez une adresse web complète');
    const framasoft = JSON.parse((await source.client().get('/api/map/organisations/framasoft')).body) as { item: { themes: string[] } };
    expect(framasoft.item.themes).toEqual(['free-software', 'open-data']);
    const grenoble = JSON.parse((await source.client().get('/api/map/organisations/nouvelle-coop')).body) as { item: { lat: number; lng: number } };
    expect(grenoble.item.lat).toBeCloseTo(45.17, 1);
    expect(await source.db.db.selectFrom('map_organisations').select('id').where('name', 'in', ['Bad Coordinates', 'Bad Theme', 'Future', 'Nowhere']).execute()).toEqual([]);
  });

  it.each([
    ['wrong columns', 'organisations.csv', 'nom,pays,couleur\nX,FR,bleu\n', 'Colonnes inconnues : nom, pays, couleur.'],
    ['missing columns', 'organisations.csv', 'name,city\nX,Lyon\n', 'Colonnes manquantes : country.'],
    ['another encoding', 'organisations.csv', Buffer.from([...Buffer.from('name,country,city\n'), 0x43, 0x72, 0xe9, 0x74, 0x65, 0x69, 0x6c, 0x2c, 0x46, 0x52, 0x2c, 0x4c, 0x79, 0x6f, 0x6e, 0x0a]), 'n’est pas en UTF-8'],
    ['an unclosed quote', 'organisations.csv', 'name,country\n"Open,FR\nOther,FR\n', 'Guillemets non refermés à partir de la ligne 2.'],
    ['an empty file', 'organisations.csv', '\n', 'Le fichier est vide.'],
    ['broken JSON', 'map.geojson', '{"type":"FeatureCollection","features":[', 'pas du JSON valide'],
    ['JSON that is not a FeatureCollection', 'map.geojson', '{"type":"Feature"}', 'FeatureCollection de points'],
    ['an unknown format', 'map.xlsx', 'PK\u0003\u0004binary', 'Format inconnu'],
  ])('refuses %s as a whole, with its reason and nothing written', async (_what, filename, data, message) => {
    const before = await countOrganisations(source);
    const res = await upload(sourceEditor.client, filename, data, 'apply');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(message);
    expect(await countOrganisations(source)).toBe(before);
  });

  it('rejects GeoJSON features that are not points, keeping the others', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: { name: 'A Polygon', country: 'FR' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [2.35, 48.86] }, properties: { name: 'Point Commons', country: 'FR', themes: ['open-data'], licences: ['MIT'] } },
        null,
      ],
    });
    const res = await upload(sourceEditor.client, 'points.geojson', geojson, 'preview');
    expect(res.body).toContain('1 à créer, 0 à fusionner, 0 inchangée, 2 rejetées');
    expect(res.body).toContain('objet 1');
  });

  it('answers a 50 MB file with “too large”, never a 5xx', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 'a');
    const res = await upload(sourceEditor.client, 'huge.csv', huge, 'apply');
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('trop volumineux');
  });

  it('asks for a file when none is sent', async () => {
    const res = await sourceEditor.client.postMultipart('/editor/map/import', { mode: 'apply' }, {});
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Choisissez un fichier CSV ou GeoJSON.');
  });

  it('is one transaction: a failure half-way leaves nothing behind', async () => {
    const before = await countOrganisations(source);
    const csv = ['name,country,city', 'First Row,FR,Lyon', 'Second Row,FR,Paris', 'Third Row,FR,Marseille'].join('\n');
    let calls = 0;
    const failing = async () => {
      calls += 1;
      if (calls === 3) throw new Error('geocoder crashed');
      return { lat: 45, lng: 4 + calls, name: 'x' };
    };
    await expect(importOrganisations({ db: source.db.db, actor: sourceEditor.actor, now: source.clock.now }, { filename: 'crash.csv', data: Buffer.from(csv), apply: true, locate: failing })).rejects.toThrow('geocoder crashed');
    expect(await countOrganisations(source)).toBe(before);
    // And the import's writes are the transaction's: rolled back with it when the caller fails after.
    await expect(
      source.db.db.transaction().execute(async (trx) => {
        await importOrganisations({ db: trx, actor: sourceEditor.actor, now: source.clock.now }, { filename: 'ok.csv', data: Buffer.from('name,country,lat,lng\nRolled Back,FR,45,4\n'), apply: true, locate: async () => null });
        throw new Error('crash after the import wrote');
      }),
    ).rejects.toThrow('crash after the import wrote');
    expect(await countOrganisations(source)).toBe(before);
  });
});
