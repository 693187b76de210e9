/**
 * The piece page's and home page's reads: one statement each (credits, themes and cover key
 * aggregated as JSON per dialect), compiled once and executed with each request's values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makePiece, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../tests/helpers/test-database.ts';
import { ensureBaseline } from '../../baseline/ensure-baseline.ts';
import { getPublishedPiece, listPublishedPieces } from './queries.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db40000000049454e44ae426082', 'hex');

describe.each(DIALECTS)('published piece reads (%s)', (dialect) => {
  let database: TestDatabase;
  const now = new Date('2026-06-01T00:00:00Z');
  const statements: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await ensureBaseline(database.db, now);
  });
  afterAll(async () => database.destroy());

  it('reads a piece with its credits in order, its themes by position and its cover, in one statement', async () => {
    const { db } = database;
    const { actor } = await makeUser(db, 'editor');
    const [first, second] = [await makeContributor(db, { name: 'Zoé Première' }), await makeContributor(db, { name: 'Alain Second' })];
    const themes = await db.selectFrom('themes').select(['id', 'slug', 'position']).orderBy('position', 'desc').limit(2).execute();
    const piece = await makePiece(db, actor, {
      title: 'Lu en une fois',
      credits: [
        { contributorId: first.id, kind: 'author' },
        { contributorId: second.id, kind: 'interviewee' },
      ],
      themes: themes.map((t) => t.id),
      cover: { data: PNG },
      cover_alt: 'Une couverture',
      publish: new Date('2026-05-01T00:00:00Z'),
    });
    const other = await makePiece(db, actor, { title: 'Sans crédit', publish: new Date('2026-05-02T00:00:00Z') });

    const counting = countingStatements(db, statements);
    const read = await getPublishedPiece(counting, (await db.selectFrom('pieces').select('slug').where('id', '=', piece.id).executeTakeFirstOrThrow()).slug, now);
    expect(statements).toHaveLength(1);
    expect(read?.credits).toEqual([
      { contributorId: first.id, name: 'Zoé Première', slug: first.slug, kind: 'author' },
      { contributorId: second.id, name: 'Alain Second', slug: second.slug, kind: 'interviewee' },
    ]);
    expect(read?.themes.map((t) => t.id)).toEqual([...themes].sort((a, b) => a.position - b.position).map((t) => t.id));
    expect(read?.cover_key).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // The same compiled statement, other values: another piece, and none before it is published.
    const otherSlug = (await db.selectFrom('pieces').select('slug').where('id', '=', other.id).executeTakeFirstOrThrow()).slug;
    const plain = await getPublishedPiece(db, otherSlug, now);
    expect(plain).toMatchObject({ title: 'Sans crédit', credits: [], themes: [], cover_key: null });
    expect(await getPublishedPiece(db, otherSlug, new Date('2026-05-01T12:00:00Z'))).toBeUndefined();
    expect(await getPublishedPiece(db, 'no-such-piece', now)).toBeUndefined();

    statements.length = 0;
    const latest = await listPublishedPieces(counting, now, { limit: 1 });
    expect(statements).toHaveLength(1);
    expect(latest.map((p) => p.title)).toEqual(['Sans crédit']);
    const both = await listPublishedPieces(db, now, { limit: 5 });
    expect(both.map((p) => p.title)).toEqual(['Sans crédit', 'Lu en une fois']);
    expect(both[1]!.credits.map((c) => c.name)).toEqual(['Zoé Première', 'Alain Second']);
    const byTheme = await listPublishedPieces(db, now, { limit: 5, themeId: themes[0]!.id });
    expect(byTheme.map((p) => p.title)).toEqual(['Lu en une fois']);
    expect(byTheme[0]!.themes).toHaveLength(2);
  });
});

/** The same database, counting the statements executed through it (builders and compiled queries alike). */
function countingStatements(db: TestDatabase['db'], into: string[]): TestDatabase['db'] {
  return db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      into.push(String(args.queryId.queryId));
      return args.result;
    },
  });
}
