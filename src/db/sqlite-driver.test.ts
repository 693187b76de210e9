import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDatabase } from './database.ts';

describe('InlineLimits (SQLite)', () => {
  const database = createDatabase({ sqlitePath: ':memory:' });
  const { db } = database;
  afterAll(async () => database.close());

  it('writes a select’s numeric limit into its SQL: a bound LIMIT would make SQLite prepare it again at every run', async () => {
    await sql`create table t (n integer)`.execute(db);
    await sql`insert into t values (1), (2), (3), (4)`.execute(db);
    const query = db.selectFrom('t' as never).select(sql<number>`n`.as('n')).orderBy(sql`n`).limit(2);
    const compiled = query.compile();
    expect(compiled.sql).toMatch(/limit 2$/);
    expect(compiled.parameters).toEqual([]);
    expect((await query.execute()).map((r) => r.n)).toEqual([1, 2]);
    // With an offset, only the limit is inlined; the offset stays a parameter.
    const paged = db.selectFrom('t' as never).select(sql<number>`n`.as('n')).orderBy(sql`n`).limit(2).offset(1);
    expect(paged.compile().sql).toMatch(/limit 2 offset \?$/);
    expect((await paged.execute()).map((r) => r.n)).toEqual([2, 3]);
  });

  it('leaves anything but a small whole number as a parameter', () => {
    const huge = db.selectFrom('t' as never).select(sql<number>`n`.as('n')).limit(1_000_000).compile();
    expect(huge.sql).toMatch(/limit \?$/);
    expect(huge.parameters).toEqual([1_000_000]);
  });
});
