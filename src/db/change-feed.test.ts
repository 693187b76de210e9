import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../tests/helpers/test-database.ts';

describe.each(DIALECTS)('the change feed (%s)', (dialect) => {
  let database: TestDatabase;
  const heard: string[][] = [];
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { baseline: false });
    await database.changes.loadTables(database.db);
    // On PostgreSQL a kept value needs to hear every instance's writes: the feed listens.
    await database.changes.listen();
    database.changes.onChange((tables) => heard.push([...tables]));
  });
  afterAll(async () => {
    await database.changes.unlisten();
    await database.destroy();
  });

  it('names the tables a statement reads and the one it writes', () => {
    const feed = database.changes;
    expect(feed.classify('select "pieces"."title", "contributors"."name" from "pieces" inner join "contributors" on 1 = 1').reads.sort()).toEqual(['contributors', 'pieces']);
    expect(feed.classify('select "id" from "pieces" for update').writes).toEqual([]);
    expect(feed.classify('update "pieces" set "title" = ? where "id" in (select "piece_id" from "credits")').writes).toEqual(['pieces']);
    expect(feed.classify('insert into "themes" ("slug") values (?) on conflict ("slug") do update set "slug" = excluded."slug"').writes).toEqual(['themes']);
    expect(feed.classify('with x as (select 1) delete from "comments" where "id" = ?').writes).toEqual(['comments']);
    // A login writes sessions: no page shows them, so no notice.
    expect(feed.classify('insert into "sessions" ("id_hash") values (?)').writes).toEqual([]);
  });

  it('announces a transaction’s writes once it commits, and nothing when it rolls back', async () => {
    heard.length = 0;
    const theme = { slug: 'feed-test', name_fr: 'Essai', name_en: 'Test', description_fr: '', description_en: '', position: 99 };
    await database.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('themes').values(theme).execute();
        expect(heard).toEqual([]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(heard).toEqual([]);
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('themes').values(theme).execute();
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual([['themes']]);
    // A single statement outside a transaction is committed at once.
    await sql`delete from themes where slug = ${'feed-test'}`.execute(database.db);
    expect(heard).toEqual([['themes'], ['themes']]);
  });

  it('collects what a render reads, and only inside it', async () => {
    const tags = new Set<string>();
    await database.changes.collectReads(tags, async () => {
      await database.db.selectFrom('pieces').select('id').execute();
      await Promise.resolve();
      await database.db.selectFrom('themes').select('id').execute();
    });
    await database.db.selectFrom('events').select('id').execute();
    expect([...tags].sort()).toEqual(['pieces', 'themes']);
  });

  it('keeps a computed value until a write touches what it read, and counts it as read by the page', async () => {
    let runs = 0;
    const compute = async () => {
      runs += 1;
      return (await database.db.selectFrom('themes').select('slug').execute()).length;
    };
    const first = await database.changes.memo('test:themes', compute);
    const tags = new Set<string>();
    expect(await database.changes.collectReads(tags, () => database.changes.memo('test:themes', compute))).toBe(first);
    expect(runs).toBe(1);
    expect([...tags]).toEqual(['themes']);
    await database.db.updateTable('pieces').set({ title: 'x' }).where('id', '=', -1).execute();
    expect(await database.changes.memo('test:themes', compute)).toBe(first);
    expect(runs).toBe(1);
    await database.db.insertInto('themes').values({ slug: 'memo-test', name_fr: 'M', name_en: 'M', description_fr: '', description_en: '', position: 98 }).execute();
    expect(await database.changes.memo('test:themes', compute)).toBe(first + 1);
    expect(runs).toBe(2);
  });
});
