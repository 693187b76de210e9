/**
 * The book over HTTP, on each dialect: an editor composes a book from published pieces and texts,
 * reorders it, builds it (EPUB valid by epubcheck, PDF text with every title, byte-identical
 * rebuilds), the authors are credited; a broken chapter fails the build with its name and keeps
 * the previous files; a visitor orders a paper copy, the organiser marks it paid (the sale and
 * royalties are booked) and shipped; the contributor sees their royalty statement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { epubcheck, pdfText } from '../../../tests/support/book-tools.ts';
import { ledgerTotal, listRoyalties } from '../ledger/index.ts';
import { BUILD_LEASE_MS, runQueuedBuilds, type BookFormat } from './index.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'book-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));



describe.each(DIALECTS)('the book (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let editor: TestClient;
  let contributorClient: TestClient;
  let bookId: number;
  const titles = ['Économie du libre : ça marche', 'Œuvres ouvertes à l’été', 'Ça, c’est « la » science !'];
  const build = (formats?: BookFormat[]) =>
    runQueuedBuilds({ db: t.db.db, now: () => t.clock.now, baseUrl: 'http://localhost:3000', book: { trim: { name: 'A5', widthMm: 148, heightMm: 210 }, bleedMm: 3, shipping: [] }, leaseMs: BUILD_LEASE_MS, ...(formats ? { formats } : {}) });
  const file = async (p: string) => (await t.db.db.selectFrom('book_files').innerJoin('books', 'books.current_build_id', 'book_files.build_id').select('bytes').where('books.id', '=', bookId).where('path', '=', p).executeTakeFirstOrThrow()).bytes;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const a = await makeUser(t.db.db, 'admin');
    const e = await makeUser(t.db.db, 'editor');
    const ada = (await makeContributor(t.db.db, { name: 'Adèle Écrit', email: 'adele@private.example' })).id;
    const ben = (await makeContributor(t.db.db, { name: 'Benoît Noël', email: 'ben@private.example' })).id;
    const c = await makeUser(t.db.db, 'contributor', { contributorId: ada });
    admin = t.client();
    editor = t.client();
    contributorClient = t.client();
    await admin.login(a.email, PASSWORD);
    await editor.login(e.email, PASSWORD);
    await contributorClient.login(c.email, PASSWORD);
    for (const [i, title] of titles.entries()) {
      await makePiece(t.db.db, e.actor, { title, slug: `piece-${i}`, body_md: `Premier paragraphe de « ${title} » : voilà !\n\n## Une section\n\nDu texte ; encore.`, credits: [{ contributorId: i === 1 ? ben : ada, kind: 'author' }], publish: true });
    }
  });
  afterAll(async () => t.close());

  it('an editor composes a book from three pieces and a text, reorders it, and builds it', async () => {
    const created = await editor.post('/editor/books', { title: 'Le livre ouvert', subtitle: 'Synthèse', slug: 'le-livre-ouvert', edition: '1', language: 'fr' });
    expect(created.statusCode).toBe(303);
    bookId = Number(/\/editor\/books\/(\d+)/.exec(created.headers.location as string)![1]);
    const pieces = await t.db.db.selectFrom('pieces').select(['id', 'slug']).orderBy('slug').execute();
    for (const p of pieces) expect((await editor.post(`/editor/books/${bookId}/entries`, { kind: 'piece', piece_id: String(p.id) })).statusCode).toBe(303);
    expect((await editor.post(`/editor/books/${bookId}/entries`, { kind: 'text', title: 'Introduction', body_md: 'Pourquoi ce livre ?' })).statusCode).toBe(303);
    const entries = await t.db.db.selectFrom('book_entries').select('id').where('book_id', '=', bookId).orderBy('position').execute();
    // The introduction moves to the top (the keyboard way), then the whole order is set (drag and drop).
    expect((await editor.post(`/editor/books/${bookId}/entries/${entries[3]!.id}/move`, { move: 'up' })).statusCode).toBe(303);
    const order = [entries[3]!.id, entries[0]!.id, entries[1]!.id, entries[2]!.id];
    expect((await editor.post(`/editor/books/${bookId}/order`, { order: order.join(',') })).statusCode).toBe(303);
    expect((await editor.post(`/editor/books/${bookId}/order`, { order: order.slice(1).join(',') })).statusCode).toBe(303);
    expect((await t.db.db.selectFrom('book_entries').select('id').where('book_id', '=', bookId).orderBy('position').execute()).map((r) => r.id)).toEqual(order);

    expect((await editor.post(`/editor/books/${bookId}/build`)).statusCode).toBe(303);
    expect((await editor.post(`/editor/books/${bookId}/build`)).statusCode).toBe(303);
    expect(await build()).toBe(1);
    const page = await editor.get(`/editor/books/${bookId}`);
    expect(page.body).toContain('Réussie');
    expect(JSON.parse((await editor.get(`/editor/books/${bookId}/build.json`)).body)).toMatchObject({ status: 'succeeded', progress: 100 });

    const epub = await file('book.epub');
    expect(epubcheck(epub, tmp, `${dialect}.epub`)).toContain('No errors or warnings detected');
    const text = pdfText(await file('book.pdf'), tmp, `${dialect}.pdf`);
    // Every chapter title, accents intact (French spacing turned the typed spaces into no-break ones).
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    for (const title of titles) expect(flat(text)).toContain(flat(title));
    expect(text).toContain('Licence');
    expect(text).toContain('CC BY-SA 4.0');
    expect(pdfText(await file('book-print.pdf'), tmp, `${dialect}-print.pdf`)).toContain('Introduction');

    // Authors are credited for their chapters, and share the royalties by chapters written.
    const credits = await t.db.db.selectFrom('contributions').select(['contributor_id', 'kind']).where('subject_type', '=', 'book_chapter').execute();
    expect(credits).toHaveLength(3);
    expect(credits.every((c) => c.kind === 'book_chapter')).toBe(true);
    const shares = await t.db.db.selectFrom('book_contributors').select(['contributor_id', 'weight']).where('book_id', '=', bookId).orderBy('weight').execute();
    expect(shares.map((s) => s.weight)).toEqual([1, 2]);
    const adaPage = await t.client().get('/contributors/adele-ecrit');
    expect(adaPage.body).toContain('chapitre du livre');
  }, 120_000);

  it('rebuilds byte for byte, and the download page shows the edition and the hash', async () => {
    const before = { epub: await file('book.epub'), html: await file('html/single.html') };
    const hash = (await t.db.db.selectFrom('book_builds').select('content_hash').where('book_id', '=', bookId).where('status', '=', 'succeeded').executeTakeFirstOrThrow()).content_hash!;
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    await editor.post(`/editor/books/${bookId}/build`);
    expect(await build(['epub', 'html'])).toBe(1);
    expect((await file('book.epub')).equals(before.epub)).toBe(true);
    expect((await file('html/single.html')).equals(before.html)).toBe(true);
    const page = await t.client().get('/book/le-livre-ouvert');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(hash);
    expect(page.body).toContain('CC BY-SA');
    const download = await t.client().get('/book/le-livre-ouvert/download/epub');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/epub+zip');
    expect(download.rawPayload.equals(before.epub)).toBe(true);
    const chapter = await t.client().get('/book/le-livre-ouvert/html/index.html');
    expect(chapter.statusCode).toBe(200);
    expect(chapter.body).toContain('Introduction');
    expect((await t.client().get('/book/le-livre-ouvert/html/../../etc/passwd')).statusCode).toBe(404);
  }, 60_000);

  it('fails a build whose chapter lost its piece, naming it, and keeps the previous files', async () => {
    const previous = await file('book.epub');
    const piece = await t.db.db.selectFrom('pieces').select('id').where('slug', '=', 'piece-1').executeTakeFirstOrThrow();
    await t.db.db.updateTable('pieces').set({ status: 'draft' }).where('id', '=', piece.id).execute();
    await editor.post(`/editor/books/${bookId}/entries`, { kind: 'text', title: 'Images', body_md: '![Absente](/media/999999)' });
    await editor.post(`/editor/books/${bookId}/build`);
    expect(await build(['epub'])).toBe(1);
    const page = (await editor.get(`/editor/books/${bookId}`)).body;
    expect(page).toContain('Échouée');
    expect(page).toContain('n’est plus publiée');
    expect(page).toContain(titles[1]);
    expect(page).toContain('/media/999999');
    expect((await file('book.epub')).equals(previous)).toBe(true);
    await t.db.db.updateTable('pieces').set({ status: 'published' }).where('id', '=', piece.id).execute();
    const images = await t.db.db.selectFrom('book_entries').select('id').where('title', '=', 'Images').executeTakeFirstOrThrow();
    expect((await editor.post(`/editor/books/${bookId}/entries/${images.id}/remove`)).statusCode).toBe(303);
  }, 60_000);

  it('hands a build back when its process stops, and another process finishes it at once', async () => {
    await editor.post(`/editor/books/${bookId}/build`);
    const queued = await t.db.db.selectFrom('book_builds').select('id').where('book_id', '=', bookId).where('status', '=', 'queued').executeTakeFirstOrThrow();
    const stopping = new AbortController();
    const services = { db: t.db.db, now: () => t.clock.now, baseUrl: 'http://localhost:3000', book: { trim: { name: 'A5', widthMm: 148, heightMm: 210 }, bleedMm: 3, shipping: [] }, leaseMs: BUILD_LEASE_MS, formats: ['epub'] as BookFormat[] };
    // The process is told to stop as soon as the build has started.
    const ran = await runQueuedBuilds({ ...services, signal: stopping.signal, onProgress: () => stopping.abort() }, { one: true });
    expect(ran).toBe(1);
    const released = await t.db.db.selectFrom('book_builds').select(['status', 'attempts', 'locked_until', 'step']).where('id', '=', queued.id).executeTakeFirstOrThrow();
    // Still this build, its lease over now, the attempt not counted: nothing waits for a lease to run out.
    expect(released).toMatchObject({ status: 'running', attempts: 0, step: 'released' });
    expect(Date.parse(released.locked_until!)).toBeLessThanOrEqual(t.clock.now.getTime());
    expect(await runQueuedBuilds(services, { one: true })).toBe(1);
    expect(await t.db.db.selectFrom('book_builds').select(['status', 'attempts']).where('id', '=', queued.id).executeTakeFirstOrThrow()).toMatchObject({ status: 'succeeded', attempts: 1 });
  }, 60_000);

  it('sells a paper copy: ordered, paid (sale and royalties booked), shipped; the contributor sees their statement', async () => {
    expect((await editor.post(`/editor/books/${bookId}/shop`, { unit_price: '20', manufacturing_cost: '5', shop_open: 'on' })).statusCode).toBe(403);
    expect((await admin.post(`/editor/books/${bookId}/shop`, { unit_price: '20', manufacturing_cost: '5', shop_open: 'on' })).statusCode).toBe(303);
    const visitor = t.client();
    const shop = await visitor.get('/book/le-livre-ouvert/shop');
    expect(shop.statusCode).toBe(200);
    const key = /name="key" value="([^"]+)"/.exec(shop.body)![1]!;
    const order = { quantity: '3', shipping: 'france', name: 'Camille Lectrice', email: 'camille@buyer.example', address: '1 rue des Livres', postal_code: '75001', city: 'Paris', country: 'France', key };
    const placed = await visitor.post('/book/le-livre-ouvert/shop', order);
    expect(placed.statusCode).toBe(303);
    expect((await visitor.post('/book/le-livre-ouvert/shop', order)).headers.location).toBe(placed.headers.location);
    expect(await t.db.db.selectFrom('book_orders').select('id').execute()).toHaveLength(1);
    const orderPage = await visitor.get(placed.headers.location as string);
    expect(orderPage.body).toContain('Commandée');
    expect(orderPage.statusCode).toBe(200);
    expect(orderPage.body).toContain('73,50');
    expect(t.mailer.sent.some((m) => m.to === 'camille@buyer.example' && m.subject.includes('Le livre ouvert'))).toBe(true);

    const fulfilment = await editor.get('/editor/books/orders');
    expect(fulfilment.body).toContain('1 rue des Livres');
    const id = (await t.db.db.selectFrom('book_orders').select('id').executeTakeFirstOrThrow()).id;
    expect((await editor.post(`/editor/books/orders/${id}/pay`)).statusCode).toBe(403);
    expect((await admin.post(`/editor/books/orders/${id}/pay`)).statusCode).toBe(303);
    expect((await admin.post(`/editor/books/orders/${id}/pay`)).statusCode).toBe(303);
    expect((await editor.post(`/editor/books/orders/${id}/ship`)).statusCode).toBe(303);
    expect((await t.db.db.selectFrom('book_orders').select('status').executeTakeFirstOrThrow()).status).toBe('shipped');
    expect(t.mailer.sent.filter((m) => m.to === 'camille@buyer.example')).toHaveLength(3);

    // 3 × (20 + 4,50) − 3 × (5 + 4,50) = 45 € shared 2:1 between the two authors.
    const sales = await t.db.db.selectFrom('book_sales').select(['net', 'quantity']).where('book_id', '=', bookId).execute();
    expect(sales.map((s) => [Number(s.net), s.quantity])).toEqual([[4500, 3]]);
    const royalties = new Map((await listRoyalties(t.db.db)).map((r) => [r.name, r.credited]));
    expect(royalties.get('Adèle Écrit')).toBe(3000);
    expect(royalties.get('Benoît Noël')).toBe(1500);
    expect(await ledgerTotal(t.db.db)).toEqual({ total: 0, unbalanced: 0 });
    const account = await contributorClient.get('/account');
    expect(account.body).toContain('Vos droits d’auteur');
    expect(account.body).toContain('30,00');

    // Nothing personal on the public pages.
    for (const url of ['/book', '/book/le-livre-ouvert', '/book/le-livre-ouvert/html/single.html', '/transparency']) {
      const body = (await t.client().get(url)).body;
      expect(body).not.toContain('buyer.example');
      expect(body).not.toContain('rue des Livres');
      expect(body).not.toContain('private.example');
    }
  }, 60_000);

  it('keeps the editor and the fulfilment list to the team', async () => {
    const visitor = t.client();
    expect((await visitor.get('/editor/books')).headers.location).toMatch(/^\/account\/login/);
    expect((await contributorClient.get(`/editor/books/${bookId}`)).statusCode).toBe(403);
    expect((await contributorClient.post(`/editor/books/${bookId}/build`)).statusCode).toBe(403);
    expect((await contributorClient.get('/editor/books/orders')).statusCode).toBe(403);
    expect((await visitor.get('/book/orders/abcdefghijkl?token=nope')).statusCode).toBe(404);
  });
});
