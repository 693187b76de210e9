/**
 * The demo's book, as a newcomer's first start builds it: the demo programme composes it from an
 * introduction and one published piece of each kind; the build passes epubcheck, the PDF holds
 * every chapter title and the licence, and the download page offers the files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/index.ts';
import { BUILD_LEASE_MS, runQueuedBuilds } from '../src/modules/book/index.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { DIALECTS } from './helpers/test-database.ts';
import { epubcheck, pdfText } from './support/book-tools.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'demo-book-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(DIALECTS)('the demo programme and its book (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemo(t.db.db, t.clock.now);
  });
  afterAll(async () => t.close());

  it('leaves work on the desk: a proposal, a piece in review, a held comment, a message, an expense to decide', async () => {
    const db = t.db.db;
    expect(await db.selectFrom('proposals').select('title').where('status', '=', 'new').execute()).toHaveLength(1);
    expect(await db.selectFrom('pieces').select('slug').where('status', '=', 'in_review').execute()).toEqual([{ slug: 'mutualiser-hebergement-logiciels-libres' }]);
    expect(await db.selectFrom('comments').select('status').execute()).toEqual([{ status: 'held' }]);
    expect(await db.selectFrom('messages').select('subject').where('read_at', 'is', null).execute()).toHaveLength(1);
    expect(await db.selectFrom('expenses').select('status').where('status', '=', 'submitted').execute()).toHaveLength(1);
  });

  it('is composed and queued by the demo, builds valid files, and is offered for download', async () => {
    const book = await t.db.db.selectFrom('books').select(['id', 'slug', 'current_build_id']).executeTakeFirstOrThrow();
    const entries = await t.db.db.selectFrom('book_entries').select(['kind', 'title', 'piece_id']).where('book_id', '=', book.id).orderBy('position').execute();
    expect(entries.map((e) => e.kind)).toEqual(['text', 'piece', 'piece', 'piece', 'piece']);
    expect(await t.db.db.selectFrom('book_builds').select('status').where('book_id', '=', book.id).execute()).toEqual([{ status: 'queued' }]);

    const ran = await runQueuedBuilds({ db: t.db.db, now: () => t.clock.now, baseUrl: 'http://localhost:3000', book: { trim: { name: 'A5', widthMm: 148, heightMm: 210 }, bleedMm: 3, shipping: [] }, leaseMs: BUILD_LEASE_MS });
    expect(ran).toBe(1);
    const build = await t.db.db.selectFrom('book_builds').select(['id', 'status', 'report']).where('book_id', '=', book.id).executeTakeFirstOrThrow();
    expect(build.status, build.report).toBe('succeeded');
    const file = async (p: string) => (await t.db.db.selectFrom('book_files').select('bytes').where('build_id', '=', build.id).where('path', '=', p).executeTakeFirstOrThrow()).bytes;

    expect(epubcheck(await file('book.epub'), tmp, `demo-${dialect}.epub`)).toContain('No errors or warnings detected');
    const text = pdfText(await file('book.pdf'), tmp, `demo-${dialect}.pdf`).replace(/\s+/g, ' ');
    const pieceTitles = await t.db.db.selectFrom('pieces').select('title').where('id', 'in', entries.flatMap((e) => (e.piece_id ? [e.piece_id] : []))).execute();
    expect(pieceTitles).toHaveLength(4);
    for (const { title } of [...pieceTitles, { title: 'Introduction' }]) expect(text).toContain(title.replace(/\s+/g, ' '));
    expect(text).toContain('CC BY-SA 4.0');

    const page = await t.client().get(`/book/${book.slug}`);
    expect(page.statusCode).toBe(200);
    for (const format of ['epub', 'pdf', 'print-pdf']) expect(page.body).toContain(`/book/${book.slug}/download/${format}`);
    expect(page.body).toContain(`/book/${book.slug}/shop`);
    const epub = await t.client().get(`/book/${book.slug}/download/epub`);
    expect(epub.statusCode).toBe(200);
    expect(epub.rawPayload.equals(await file('book.epub'))).toBe(true);
  }, 120_000);
});
