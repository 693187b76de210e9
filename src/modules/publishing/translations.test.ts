/**
 * A piece in both languages (issue 11, item 5): a translation names its original in the studio, the
 * two pages link to each other, and listings say which language each piece is in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/helpers/test-app.ts';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';

describe.each(DIALECTS)('translations of pieces (%s)', (dialect) => {
  let t: TestApp;
  let editor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const e = await makeUser(t.db.db, 'editor');
    editor = t.client();
    await editor.login(e.email, PASSWORD);
  });
  afterAll(async () => t.close());

  const fields = (over: Record<string, string>) => ({
    kind: 'article',
    title: 'The price of the commons',
    slug: '',
    summary: 'What the commons cost.',
    body_md: 'Some **text**.',
    language: 'en',
    licence: 'CC-BY-SA-4.0',
    cover_alt: '',
    translation_of: '',
    ...over,
  });

  it('links a translation and its original both ways, and says each piece’s language in listings', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    await makePiece(t.db.db, actor, { title: 'Le prix des communs', slug: 'prix-des-communs', publish: true });

    // The studio refuses what cannot be a translation, next to the field.
    const unknown = await editor.post('/studio/pieces', fields({ slug: 'price-a', translation_of: 'no-such-piece' }));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Aucune pièce n’a cette adresse courte.');
    const sameLanguage = await editor.post('/studio/pieces', fields({ slug: 'price-b', language: 'fr', translation_of: 'prix-des-communs' }));
    expect(sameLanguage.statusCode).toBe(422);
    expect(sameLanguage.body).toContain('Une traduction est dans une autre langue que son original');

    const created = await editor.post('/studio/pieces', fields({ slug: 'price-of-the-commons', translation_of: 'prix-des-communs' }));
    expect(created.statusCode).toBe(303);
    const id = Number(/\/studio\/pieces\/(\d+)/.exec(String(created.headers.location))?.[1]);
    // The studio shows the original's address again.
    expect((await editor.get(`/studio/pieces/${id}`)).body).toMatch(/name="translation_of"[^>]*value="prix-des-communs"/);
    for (const action of ['submit', 'publish']) expect((await editor.post(`/studio/pieces/${id}/transition`, { action })).statusCode).toBe(303);

    const original = await t.client().get('/pieces/prix-des-communs');
    expect(original.body).toContain('Également disponible :');
    expect(original.body).toContain('<a href="/pieces/price-of-the-commons" hreflang="en" lang="en" rel="alternate">The price of the commons</a> (anglais)');
    const translation = await t.client().get('/en/pieces/price-of-the-commons');
    expect(translation.body).toContain('Translation of “Le prix des communs” (French).');
    // On an English page, the link stays in the English interface while it leads to a French text.
    expect(translation.body).toContain('<a href="/en/pieces/prix-des-communs" hreflang="fr" lang="fr" rel="alternate">Le prix des communs</a> (French)');

    const listing = await t.client().get('/en/kinds/articles');
    expect(listing.body).toContain('In English');
    expect(listing.body).toContain('In French');
    expect((await t.client().get('/kinds/articles')).body).toContain('En anglais');

    // Saving the piece with the field emptied makes it an original again.
    expect((await editor.post(`/studio/pieces/${id}`, fields({ slug: 'price-of-the-commons' }))).statusCode).toBe(303);
    expect((await t.client().get('/pieces/prix-des-communs')).body).not.toContain('Également disponible');
  });
});
