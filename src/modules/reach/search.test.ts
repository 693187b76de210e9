import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import type { Actor } from '../../shared/actor.ts';
import { transitionPiece } from '../publishing/index.ts';
import { rebuildSearchIndex } from './commands/index-documents.ts';
import { pieceSearchSource } from './piece-source.ts';

/** The result titles of a search page, in order (marks removed). */
function titles(html: string): string[] {
  return [...html.matchAll(/<article class="search-result"><h2><a href="[^"]*">([\s\S]*?)<\/a><\/h2>/g)].map((m) => m[1]!.replace(/<\/?mark>/g, ''));
}

describe.each(DIALECTS)('search (%s)', (dialect) => {
  let t: TestApp;
  let actor: Actor;
  let editor: TestClient;
  let openData: number;
  let energy: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const e = await makeUser(t.db.db, 'editor');
    actor = e.actor;
    editor = t.client();
    await editor.login(e.email, PASSWORD);
    const themes = await t.db.db.selectFrom('themes').select(['id', 'slug']).execute();
    openData = themes.find((th) => th.slug === 'open-data')!.id;
    energy = themes.find((th) => th.slug !== 'open-data')!.id;
    const heloise = await makeContributor(t.db.db, { name: 'Héloïse Fénelon' });
    await makePiece(t.db.db, actor, {
      title: 'L’électricité coopérative en Bretagne',
      summary: 'Des coopératives d’énergie citoyenne produisent leur électricité.',
      body_md: 'Les **sociétaires** financent des éoliennes et partagent les bénéfices.',
      themes: [energy],
      credits: [{ contributorId: heloise.id, kind: 'author' }],
      publish: true,
    });
    await makePiece(t.db.db, actor, {
      kind: 'interview',
      title: 'Entretien avec une fondatrice',
      summary: 'Comment vivre des données ouvertes.',
      body_md: 'Elle parle aussi d’électricité, en passant, et de données ouvertes.',
      themes: [openData],
      publish: true,
    });
    for (let i = 0; i < 13; i++) {
      await makePiece(t.db.db, actor, { title: `Les jardins partagés, épisode ${i + 1}`, summary: 'Un potager en commun.', body_md: 'Semences libres et jardins partagés.', themes: [openData], publish: true, now: new Date(Date.UTC(2026, 3, 1 + i)) });
    }
    await t.deliver();
  });
  afterAll(async () => t.close());

  it('finds a piece by a word typed without its accents, and by a French plural', async () => {
    for (const q of ['electricite', 'ÉLECTRICITÉ', 'cooperatives', 'coopérative', 'eoliennes bretagne']) {
      const res = await t.client().get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(titles(res.body), q).toContain('L’électricité coopérative en Bretagne');
    }
  });

  it('ranks a title match above a passing mention, and marks the matches in the title and the extract', async () => {
    const res = await t.client().get('/search?q=electricite');
    expect(titles(res.body)).toEqual(['L’électricité coopérative en Bretagne', 'Entretien avec une fondatrice']);
    expect(res.body).toMatch(/<mark>électricité<\/mark> coopérative/);
    expect(res.body).toContain('2 publications trouvées');
  });

  it('searches the authors’ names', async () => {
    expect(titles((await t.client().get('/search?q=heloise+fenelon')).body)).toEqual(['L’électricité coopérative en Bretagne']);
  });

  it('filters by theme and by kind', async () => {
    const theme = await t.db.db.selectFrom('themes').select('slug').where('id', '=', openData).executeTakeFirstOrThrow();
    expect(titles((await t.client().get(`/search?q=electricite&theme=${theme.slug}`)).body)).toEqual(['Entretien avec une fondatrice']);
    expect(titles((await t.client().get('/search?q=electricite&kind=interviews')).body)).toEqual(['Entretien avec une fondatrice']);
    expect(titles((await t.client().get('/search?q=electricite&kind=articles')).body)).toEqual(['L’électricité coopérative en Bretagne']);
  });

  it('pages through results ten at a time', async () => {
    const first = await t.client().get('/search?q=jardins');
    expect(titles(first.body)).toHaveLength(10);
    expect(first.body).toContain('13 publications trouvées');
    expect(first.body).toContain('href="/search?q=jardins&amp;page=2" rel="next"');
    const second = await t.client().get('/search?q=jardins&page=2');
    expect(titles(second.body)).toHaveLength(3);
    expect(new Set([...titles(first.body), ...titles(second.body)]).size).toBe(13);
  });

  it('treats SQL, full-text operators and markup in the query as plain words', async () => {
    for (const q of [`'; drop table pieces; --`, '" OR 1=1 --', 'title:x NEAR(a b) AND NOT *', 'électricité) OR (1=1', '<script>alert(1)</script>', '\u0002\u0003', '%', '™️🙂', 'a'.repeat(300)]) {
      const res = await t.client().get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.body).not.toContain('<script>alert(1)</script>');
    }
    expect((await t.client().get('/search?q=%C3%28')).statusCode).toBeLessThan(500);
    expect((await t.client().get('/search?q=jardins&page=9999&theme=%27&kind=%3Cx%3E')).statusCode).toBe(200);
    expect(await t.db.db.selectFrom('pieces').select('id').limit(1).execute()).toHaveLength(1);
  });

  it('follows publication: a withdrawn piece leaves the results, an updated one is found by its new words', async () => {
    const piece = await makePiece(t.db.db, actor, { title: 'Une pièce éphémère sur les castors', publish: true });
    await t.deliver();
    expect(titles((await t.client().get('/search?q=castors')).body)).toEqual(['Une pièce éphémère sur les castors']);
    await transitionPiece({ db: t.db.db, actor, now: t.clock.now }, { pieceId: piece.id, action: 'withdraw' });
    await t.deliver();
    expect(titles((await t.client().get('/search?q=castors')).body)).toEqual([]);
  });

  it('shows a scheduled piece only once its time has come', async () => {
    await makePiece(t.db.db, actor, { title: 'Les loutres arrivent', publish: new Date('2026-07-01T00:00:00Z'), now: t.clock.now });
    await t.deliver();
    expect(titles((await t.client().get('/search?q=loutres')).body)).toEqual([]);
    const saved = t.clock.now;
    t.clock.now = new Date('2026-07-02T00:00:00Z');
    await t.deliver();
    expect(titles((await t.client().get('/search?q=loutres')).body)).toEqual(['Les loutres arrivent']);
    t.clock.now = saved;
  });

  it('rebuilds the whole index from the pieces, removing what is no longer public', async () => {
    await t.db.db.deleteFrom('search_documents').execute();
    expect(titles((await t.client().get('/search?q=jardins')).body)).toEqual([]);
    const count = await rebuildSearchIndex({ db: t.db.db, actor: null, now: t.clock.now }, { source: pieceSearchSource, pageSize: 4 });
    expect(count).toBe(15);
    expect(titles((await t.client().get('/search?q=jardins')).body)).toHaveLength(10);
    expect(titles((await t.client().get('/search?q=castors')).body)).toEqual([]);
  });
});
