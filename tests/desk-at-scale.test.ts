/**
 * The desk at scale (issue 13, item 6): every desk list is cut into pages and filtered, and person
 * pickers offer a search's matches, never everyone. The picker's JSON search is for editors only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNMATCHABLE_HASH } from '../src/modules/accounts/password.ts';
import type { Role } from '../src/shared/actor.ts';
import { makePiece, makeUser, PASSWORD } from './factories/index.ts';
import { DIALECTS } from './helpers/test-database.ts';
import { createTestApp, type TestApp, type TestClient } from './helpers/test-app.ts';

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'member', 'contributor', 'editor', 'admin'];

const count = (html: string, needle: string) => html.split(needle).length - 1;
/** The rows of the first data table of a page. */
const tableRows = (html: string) => count(html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')), '<tr>');

describe.each(DIALECTS)('desk lists at scale (%s)', (dialect) => {
  let t: TestApp;
  const clients = new Map<Who, TestClient>();
  let linked: { id: number; name: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const who of WHO) {
      const c = t.client();
      if (who !== 'anonymous') {
        const u = await makeUser(t.db.db, who, { displayName: `Zz ${who}` });
        await c.login(u.email, PASSWORD);
      }
      clients.set(who, c);
    }
    const iso = '2026-01-01T00:00:00.000Z';
    // 130 profiles, two of them with characters LIKE would otherwise read as wildcards.
    const names = [...Array.from({ length: 128 }, (_, i) => `Personne ${String(i).padStart(3, '0')}`), 'Ana 100% libre', 'Ana_Underscore'];
    await t.db.db
      .insertInto('contributors')
      .values(names.map((name, i) => ({ slug: `p-${i}`, name, bio: '', links: '[]', email: null, public_name: 1, photo_media_id: null, created_at: iso })))
      .execute();
    linked = await t.db.db.selectFrom('contributors').select(['id', 'name']).where('name', '=', 'Personne 127').executeTakeFirstOrThrow();
    // 120 accounts (plus the four above), the oldest linked to a profile far down the alphabet.
    await t.db.db
      .insertInto('users')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          email: `compte${i}@example.org`,
          password_hash: UNMATCHABLE_HASH,
          display_name: i === 0 ? 'Ada Lovelace' : `Compte ${i}`,
          role: 'member' as const,
          email_confirmed_at: iso,
          contributor_id: i === 0 ? linked.id : null,
          locale: 'fr' as const,
          created_at: new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString(),
        })),
      )
      .execute();
    // 260 new proposals: more than the old list's 200.
    await t.db.db
      .insertInto('proposals')
      .values(
        Array.from({ length: 260 }, (_, i) => ({
          name: `Proposant ${i}`,
          email: `p${i}@example.org`,
          title: i === 0 ? 'La toute première proposition' : `Proposition ${i}`,
          pitch: 'Un argumentaire.',
          draft_md: '',
          language: 'fr' as const,
          status: 'new' as const,
          piece_id: null,
          created_at: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString(),
          email_confirmed_at: null,
          contributor_id: null,
        })),
      )
      .execute();
  });
  afterAll(async () => t.close());

  it('answers the pickers’ search to editors only, with a few case-insensitive matches', async () => {
    const url = '/editor/contributors/search.json?q=personne';
    const anonymous = await clients.get('anonymous')!.get(url);
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toMatch(/^\/account\/login/);
    expect((await clients.get('member')!.get(url)).statusCode).toBe(403);
    expect((await clients.get('contributor')!.get(url)).statusCode).toBe(403);
    for (const who of ['editor', 'admin'] as const) {
      const res = await clients.get(who)!.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toContain('no-store');
      const { results } = JSON.parse(res.body) as { results: { id: number; name: string }[] };
      expect(results).toHaveLength(20);
      expect(results[0]!.name).toBe('Personne 000');
    }
    const editor = clients.get('editor')!;
    const names = async (q: string) => (JSON.parse((await editor.get(`/editor/contributors/search.json?q=${encodeURIComponent(q)}`)).body) as { results: { name: string }[] }).results.map((r) => r.name);
    expect(await names('PERSONNE 12')).toEqual(['Personne 120', 'Personne 121', 'Personne 122', 'Personne 123', 'Personne 124', 'Personne 125', 'Personne 126', 'Personne 127']);
    expect(await names('0%')).toEqual(['Ana 100% libre']);
    expect(await names('a_u')).toEqual(['Ana_Underscore']);
    expect(await names('nobody')).toEqual([]);
  });

  it('lists accounts a page at a time, to admins only, with a profile picker that offers a search, not everyone', async () => {
    for (const who of ['anonymous', 'member', 'contributor', 'editor'] as const) {
      const res = await clients.get(who)!.get('/editor/users?page=2&q=x');
      expect(res.statusCode, who).toBe(who === 'anonymous' ? 303 : 403);
    }
    const admin = clients.get('admin')!;
    const first = await admin.get('/editor/users');
    expect(first.statusCode).toBe(200);
    expect(tableRows(first.body)).toBe(50);
    expect(first.body).toContain('href="/editor/users?page=2"');
    // A picker per row, each offering "none" and at most the 20 first matches (plus a row's own profile).
    expect(count(first.body, 'name="contributorId"')).toBe(50);
    expect(count(first.body, '<option')).toBeLessThan(50 * (4 + 1 + 20 + 1) + 1);
    expect(first.body).toContain('data-person-source="/editor/contributors/search.json"');

    const last = await admin.get('/editor/users?page=3');
    expect(tableRows(last.body)).toBe(24);
    expect(last.body).toContain('href="/editor/users?page=2"');
    expect(last.body).not.toContain('page=4');
    // The oldest account is on the last page, its profile offered and chosen although far down the alphabet.
    expect(last.body).toContain('Ada Lovelace');
    expect(last.body).toContain(`<option value="${linked.id}" selected>${linked.name}</option>`);

    const filtered = await admin.get('/editor/users?q=LOVELACE');
    expect(tableRows(filtered.body)).toBe(1);
    expect(filtered.body).toContain('compte0@example.org');
    expect(tableRows((await admin.get('/editor/users?q=compte1')).body)).toBe(31);

    // Without JavaScript: the people search reloads the page and every picker offers its matches.
    const searched = await admin.get('/editor/users?q=lovelace&who=personne%20050');
    expect(searched.body).toMatch(/<option value="\d+">Personne 050<\/option>/);
    expect(searched.body).not.toContain('Personne 000');
    // A bad page number is the first page, not an error.
    expect((await admin.get('/editor/users?page=abc')).statusCode).toBe(200);

    // Saving a row returns to the page and filters it was sent from, never elsewhere.
    const target = await t.db.db.selectFrom('users').select('id').where('email', '=', 'compte5@example.org').executeTakeFirstOrThrow();
    expect(last.body).toContain('name="next" value="/editor/users?page=3"');
    const saved = await admin.post(`/editor/users/${target.id}`, { role: 'member', contributorId: String(linked.id), next: '/editor/users?q=compte&page=2' });
    expect(saved.headers.location).toBe('/editor/users?q=compte&page=2');
    const elsewhere = await admin.post(`/editor/users/${target.id}`, { role: 'member', contributorId: '', next: '/editor/pieces' });
    expect(elsewhere.headers.location).toBe('/editor/users');
    const refused = await admin.post(`/editor/users/${target.id}`, { role: 'pope', contributorId: '', next: '/editor/users?page=2' });
    expect(refused.headers.location).toBe('/editor/users?page=2');
  });

  it('reaches every proposal, beyond the old 200, and filters them', async () => {
    for (const who of ['member', 'contributor'] as const) expect((await clients.get(who)!.get('/editor/proposals?page=6')).statusCode).toBe(403);
    const editor = clients.get('editor')!;
    const first = await editor.get('/editor/proposals');
    expect(tableRows(first.body)).toBe(50);
    const sixth = await editor.get('/editor/proposals?page=6');
    expect(tableRows(sixth.body)).toBe(10);
    expect(sixth.body).toContain('La toute première proposition');
    const found = await editor.get('/editor/proposals?q=toute%20premi');
    expect(tableRows(found.body)).toBe(1);
    const declined = await editor.get('/editor/proposals?status=declined');
    expect(declined.body).not.toContain('Proposition 1<');
    expect(declined.body).toContain('aria-current="page"');
  });

  it('pages the contributors’ list and filters it by name', async () => {
    expect((await clients.get('contributor')!.get('/editor/contributors?page=2')).statusCode).toBe(403);
    const editor = clients.get('editor')!;
    const third = await editor.get('/editor/contributors?page=3');
    expect(tableRows(third.body)).toBe(30);
    expect(third.body).toContain('href="/editor/contributors?page=2"');
    const filtered = await editor.get('/editor/contributors?q=personne%2001');
    expect(tableRows(filtered.body)).toBe(10);
  });

  it('pages the desk’s pieces by state and filters them by title', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    for (let i = 0; i < 3; i++) await makePiece(t.db.db, actor, { title: `Pièce filtrée ${i}`, publish: i === 0 });
    expect((await clients.get('contributor')!.get('/editor/pieces?status=draft')).statusCode).toBe(403);
    const editor = clients.get('editor')!;
    const drafts = await editor.get('/editor/pieces?status=draft&q=filtr');
    expect(tableRows(drafts.body)).toBe(2);
    const published = await editor.get('/editor/pieces?status=published');
    expect(published.body).toContain('Pièce filtrée 0');
    expect(published.body).not.toContain('Pièce filtrée 1');
  });

  it('offers an editor’s credit pickers the search’s matches and the people credited, a writer only whom they may credit', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    const piece = await makePiece(t.db.db, actor, { title: 'Crédits nombreux', credits: [{ contributorId: linked.id, kind: 'author' }] });
    const editor = clients.get('editor')!;
    const form = await editor.get(`/studio/pieces/${piece.id}?who=personne%20003`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${linked.id}" selected>${linked.name}</option>`);
    expect(form.body).toMatch(/<option value="\d+">Personne 003<\/option>/);
    expect(form.body).not.toContain('Personne 004');
    expect(form.body).toContain('form="people-search"');
    // A contributor's own pickers list only the people with a public contribution (none here) and themselves.
    const writer = await clients.get('contributor')!.get('/studio/pieces/new');
    expect(writer.statusCode).toBe(200);
    expect(writer.body).not.toContain('Personne 000');
    expect(writer.body).not.toContain('data-person-source');
  });

  it('names an evening’s speakers through pickers, empty ones naming nobody', async () => {
    const editor = clients.get('editor')!;
    const blank = await editor.get('/editor/events/new?who=personne%20127');
    expect(blank.body).toContain(`<option value="${linked.id}">${linked.name}</option>`);
    expect(count(blank.body, 'name="speakers"')).toBe(2);
    const res = await editor.post('/editor/events', {
      title: 'Soirée des pickers',
      slug: '',
      series_id: '',
      theme_id: '',
      description: '',
      venue: '',
      address: '',
      starts_at: '2026-09-01T18:00',
      ends_at: '2026-09-01T21:00',
      registration_opens_at: '',
      registration_closes_at: '',
      capacity: '20',
      status: 'draft',
      speakers: ['', String(linked.id), ''],
    });
    expect(res.statusCode).toBe(303);
    const edit = await editor.get(String(res.headers.location));
    expect(edit.body).toContain(`<option value="${linked.id}" selected>${linked.name}</option>`);
    expect(count(edit.body, 'name="speakers"')).toBe(3);
  });
});
