import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { makeContributor, makePiece, makeUser } from '../../../tests/factories/index.ts';
import { getStanding, getStandingOfUser } from './index.ts';

describe.each(DIALECTS)('contributors registry (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('counts a person as a contributor once their piece is published, not before', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    const person = await makeContributor(t.db.db, { name: 'Rémi Registre' });
    const account = await makeUser(t.db.db, 'contributor', { contributorId: person.id });
    const now = t.clock.now;
    const credits = [{ contributorId: person.id, kind: 'interviewee' }];
    const draft = await makePiece(t.db.db, actor, { title: 'Entretien à venir', credits, kind: 'interview' });
    expect((await getStanding(t.db.db, person.id, now)).isContributor).toBe(false);
    expect((await t.client().get('/contributors')).body).not.toContain('Rémi Registre');

    await makePiece(t.db.db, actor, { title: 'Entretien publié', credits, kind: 'interview', publish: new Date('2026-05-01T00:00:00Z') });
    const standing = await getStanding(t.db.db, person.id, now);
    expect(standing.isContributor).toBe(true);
    expect(standing.countsByKind).toEqual({ interviewee: 1 });
    expect(standing.contributions).toHaveLength(1);
    expect((await getStandingOfUser(t.db.db, account.id, now)).isContributor).toBe(true);
    const nobody = await makeUser(t.db.db, 'member');
    expect((await getStandingOfUser(t.db.db, nobody.id, now)).isContributor).toBe(false);

    const list = await t.client().get('/contributors');
    expect(list.body).toContain('Rémi Registre');
    const page = await t.client().get(`/contributors/${person.slug}`);
    expect(page.body).toContain('Entretien publié');
    expect(page.body).not.toContain('Entretien à venir');
    expect(page.body).toContain('"@type":"Person"');
    void draft;
  });

  it('lets an editor create and edit a profile, with a private email and safe links', async () => {
    const e = await makeUser(t.db.db, 'editor');
    const c = t.client();
    await c.login(e.email, 'correct horse battery staple');
    const res = await c.post('/editor/contributors', { name: 'Sacha Profil', slug: '', bio: 'Bio.', links: 'Site | https://example.org/sacha', email: 'sacha@private.example', public_name: 'on' });
    expect(res.statusCode).toBe(303);
    const bad = await c.post('/editor/contributors', { name: 'Lien piégé', slug: '', bio: '', links: 'Clic | javascript:alert(1)', email: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('doit commencer par http');
    const row = await t.db.db.selectFrom('contributors').select(['slug', 'links']).where('name', '=', 'Sacha Profil').executeTakeFirstOrThrow();
    expect(row.slug).toBe('sacha-profil');
    expect(JSON.parse(row.links)).toEqual([{ label: 'Site', url: 'https://example.org/sacha' }]);
  });
});
