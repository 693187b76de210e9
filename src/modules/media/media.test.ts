import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { transitionPiece } from '../publishing/index.ts';
import { ValidationError } from '../../shared/errors.ts';
import { mediaUrl, storeImage, storeReceipt } from './index.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db40000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

describe.each(DIALECTS)('media (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const asSystem = () => ({ db: t.db.db, actor: null, now: t.clock.now });

  const keyOf = async (id: number) => (await t.db.db.selectFrom('media').select('key').where('id', '=', id).executeTakeFirstOrThrow()).key;

  it('stores an image once per content, under an unguessable key, with an audit entry', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    const id = await storeImage({ db: t.db.db, actor, now: t.clock.now }, { field: 'cover', file: { data: PNG } });
    expect(await storeImage(asSystem(), { field: 'photo', file: { data: PNG } })).toBe(id);
    const row = await t.db.db.selectFrom('media').select(['mime', 'size', 'private', 'created_by', 'key']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mime: 'image/png', size: PNG.length, private: 0, created_by: actor.id });
    expect(row.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const trail = await t.db.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('subject_type', '=', 'media').where('subject_id', '=', id).execute();
    expect(trail).toEqual([{ action: 'media.stored', actor_user_id: actor.id }]);
    // Counting does not find it: the sequential id is not an address.
    expect((await t.client().get(`/media/${id}`)).statusCode).toBe(404);
  });

  it('serves an image to everyone only while a public piece shows it; a draft’s cover to its uploader and the editors, never cached', async () => {
    const author = await makeUser(t.db.db, 'contributor', { contributorId: (await makeContributor(t.db.db)).id });
    const editor = await makeUser(t.db.db, 'editor');
    const cover = Buffer.concat([PNG, Buffer.from(`draft-${dialect}`)]);
    const piece = await makePiece(t.db.db, author.actor, { cover: { data: cover } });
    const mediaId = (await t.db.db.selectFrom('pieces').select('cover_media_id').where('id', '=', piece.id).executeTakeFirstOrThrow()).cover_media_id!;
    const url = mediaUrl(await keyOf(mediaId));

    // A draft: not to the public, nor to another contributor; to its author and the editors, privately.
    expect((await t.client().get(url)).statusCode).toBe(404);
    const other = await makeUser(t.db.db, 'contributor');
    const outsider = t.client();
    await outsider.login(other.email, PASSWORD);
    expect((await outsider.get(url)).statusCode).toBe(404);
    for (const who of [author, editor]) {
      const c = t.client();
      await c.login(who.email, PASSWORD);
      const res = await c.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }

    // Published: everyone, cacheable for a day, revalidated by its hash.
    await transitionPiece({ db: t.db.db, actor: editor.actor, now: t.clock.now }, { pieceId: piece.id, action: 'submit' });
    await transitionPiece({ db: t.db.db, actor: editor.actor, now: t.clock.now }, { pieceId: piece.id, action: 'publish', publishAt: t.clock.now });
    const res = await t.client().get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'");
    expect(res.rawPayload.equals(cover)).toBe(true);
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await t.client().get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // Withdrawn: hidden again.
    await transitionPiece({ db: t.db.db, actor: editor.actor, now: t.clock.now }, { pieceId: piece.id, action: 'withdraw' });
    expect((await t.client().get(url)).statusCode).toBe(404);
  });

  it('refuses what is not an accepted image or receipt, naming the form field', async () => {
    const svg = storeImage(asSystem(), { field: 'cover', file: { data: Buffer.from('<svg onload="alert(1)"/>') } });
    await expect(svg).rejects.toBeInstanceOf(ValidationError);
    await expect(svg).rejects.toMatchObject({ fields: { cover: 'media.unsupportedType' } });
    await expect(storeImage(asSystem(), { field: 'cover', file: { data: PDF } })).rejects.toMatchObject({ fields: { cover: 'media.unsupportedType' } });
    await expect(storeReceipt(asSystem(), { field: 'receipt', file: { data: Buffer.from('<html></html>') } })).rejects.toMatchObject({ fields: { receipt: 'media.unsupportedReceipt' } });
  });

  it('serves a receipt only to the team, as a download never kept by a cache', async () => {
    const id = await storeReceipt(asSystem(), { field: 'receipt', file: { data: PDF } });
    // The same bytes as a public image would be another file: a receipt never becomes public.
    expect(await storeReceipt(asSystem(), { field: 'receipt', file: { data: PDF } })).toBe(id);
    const photo = await storeReceipt(asSystem(), { field: 'receipt', file: { data: PNG } });
    expect(photo).not.toBe(await storeImage(asSystem(), { field: 'cover', file: { data: PNG } }));

    const url = async (mediaId: number) => mediaUrl(await keyOf(mediaId));
    expect((await t.client().get(await url(id))).statusCode).toBe(404);
    const member = await makeUser(t.db.db, 'contributor');
    const outsider = t.client();
    await outsider.login(member.email, PASSWORD);
    expect((await outsider.get(await url(id))).statusCode).toBe(404);
    expect((await outsider.get(await url(photo))).statusCode).toBe(404);

    const editor = await makeUser(t.db.db, 'editor');
    const team = t.client();
    await team.login(editor.email, PASSWORD);
    const res = await team.get(await url(id));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="receipt-${id}.pdf"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect((await team.get(await url(photo))).headers['content-disposition']).toBe(`attachment; filename="receipt-${photo}"`);
  });

  it('answers 404 for a key that is not one', async () => {
    for (const url of ['/media/999999', '/media/abc', '/media/0', '/media/-1', '/media/1.5', '/media/AAAAAAAAAAAAAAAAAAAAAA', '/media/..%2F..%2Fetc']) expect((await t.client().get(url)).statusCode, url).toBe(404);
  });
});
