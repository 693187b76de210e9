import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeUser, PASSWORD } from '../../../tests/factories/index.ts';

describe.each(DIALECTS)('about page and contact inbox (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { editorsEmail: 'redaction@example.org' });
  });
  afterAll(async () => t.close());

  it('shows the about page in French at /about and in English at /en/about', async () => {
    const fr = await t.client().get('/about');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('<html lang="fr"');
    expect(fr.body).toContain('<a href="/en/about" hreflang="en" lang="en" class="lang-switch" data-lang-switch="true">');
    const en = await t.client().get('/en/about');
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Contributors');
  });

  it('lets an editor rewrite the about page in both languages', async () => {
    const e = await makeUser(t.db.db, 'editor');
    const c = t.client();
    await c.login(e.email, PASSWORD);
    const res = await c.post('/editor/pages/about', { title_fr: 'Le programme', body_md_fr: 'Texte **français**.', title_en: 'The programme', body_md_en: 'English *text*.' });
    expect(res.statusCode).toBe(303);
    const page = await t.client().get('/about');
    expect(page.body).toContain('<h1>Le programme</h1>');
    expect(page.body).toContain('<strong>français</strong>');
    const invalid = await c.post('/editor/pages/about', { title_fr: '', body_md_fr: 'x', title_en: 'T', body_md_en: 'y' });
    expect(invalid.statusCode).toBe(422);
    expect((await t.client().get('/about')).body).toContain('<h1>Le programme</h1>');
  });

  it('delivers a contact message to the editors’ inbox and never shows its email publicly', async () => {
    const res = await t.client().post('/contact', { name: 'Léa', email: 'lea.private@example.net', subject: 'Bonjour', body: 'Je voudrais participer aux soirées.', website: '' });
    expect(res.statusCode).toBe(303);
    expect(t.mailer.lastTo('redaction@example.org')?.text).toContain('Je voudrais participer');
    const e = await makeUser(t.db.db, 'editor');
    const c = t.client();
    await c.login(e.email, PASSWORD);
    const inbox = await c.get('/editor/inbox');
    expect(inbox.body).toContain('Je voudrais participer aux soirées.');
    expect(inbox.body).toContain('lea.private@example.net');
    const id = /\/editor\/inbox\/(\d+)\/read/.exec(inbox.body)![1];
    expect((await c.post(`/editor/inbox/${id}/read`)).statusCode).toBe(303);
    const row = await t.db.db.selectFrom('messages').select('read_at').where('id', '=', Number(id)).executeTakeFirstOrThrow();
    expect(row.read_at).not.toBeNull();
    for (const url of ['/', '/contact', '/about', '/contributors', '/sitemap.xml']) expect((await t.client().get(url)).body).not.toContain('lea.private');
  });

  it('keeps the input when the contact form is incomplete', async () => {
    const res = await t.client().post('/contact', { name: 'Léa', email: '', subject: 'Sujet gardé', body: 'court', website: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="Sujet gardé"');
    expect(res.body).toContain('Ce champ est obligatoire.');
  });
});
