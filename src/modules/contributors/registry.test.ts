import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestDatabase } from '../../../tests/helpers/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { RecordingMailer } from '../../../tests/helpers/recording-mailer.ts';
import { makeContributor, makePiece, makeUser, PASSWORD } from '../../../tests/factories/index.ts';
import { testConfig } from '../../config.ts';
import { registerErrorHandling } from '../../shared/http/error-handler.tsx';
import { zodValidatorCompiler } from '../../shared/http/route-schema.ts';
import {
  findOrCreateContributorByEmail,
  getStanding,
  getStandingOfUser,
  setContributionsAccepted,
  setCredits,
  SubjectRegistry,
  updateContributor,
} from './index.ts';
import { contributorsPlugin } from './plugin.tsx';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db40000000049454e44ae426082', 'hex');

/** Only the contributors plugin, on the request context it needs, with the registry the test gives it. */
async function contributorsOnly(database: TestDatabase, subjects: SubjectRegistry, now: Date): Promise<FastifyInstance> {
  const config = testConfig();
  const app = Fastify();
  app.decorate('site', { baseUrl: config.baseUrl, appSecret: config.appSecret, assets: { css: '', js: '', checkinJs: '', checkinCss: '' }, maxUploadBytes: config.maxUploadBytes });
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'fr');
  await app.register(fastifyCookie);
  app.setValidatorCompiler(zodValidatorCompiler);
  registerErrorHandling(app);
  await app.register(contributorsPlugin, { deps: { config, database, mailer: new RecordingMailer(), now: () => now }, subjects });
  return app;
}

describe.each(DIALECTS)('contributors registry (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const system = () => ({ db: t.db.db, actor: null, now: t.clock.now });

  async function editorClient() {
    const e = await makeUser(t.db.db, 'editor');
    const c = t.client();
    await c.login(e.email, PASSWORD);
    return c;
  }

  it('counts a person as a contributor once their piece is published, not before', async () => {
    const { actor } = await makeUser(t.db.db, 'editor');
    const person = await makeContributor(t.db.db, { name: 'Rémi Registre' });
    const account = await makeUser(t.db.db, 'contributor', { contributorId: person.id });
    const now = t.clock.now;
    const credits = [{ contributorId: person.id, kind: 'interviewee' }];
    await makePiece(t.db.db, actor, { title: 'Entretien à venir', credits, kind: 'interview' });
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
    expect(page.body).toContain('Entretien (interviewé·e)');
    expect(page.body).not.toContain('Entretien à venir');
    expect(page.body).toContain('"@type":"Person"');
    expect((await t.client().get('/contributors/nobody-by-that-name')).statusCode).toBe(404);
  });

  it('resolves subjects through the registry given to the plugin, and through nothing else', async () => {
    const person = await makeContributor(t.db.db, { name: 'Fanny Fictive' });
    await setCredits(system(), { subject: { type: 'fake', id: 7 }, credits: [{ contributorId: person.id, kind: 'author' }], acceptedAt: '2026-02-01T00:00:00.000Z' });
    await setCredits(system(), { subject: { type: 'fake', id: 8 }, credits: [{ contributorId: person.id, kind: 'author' }], acceptedAt: '2026-02-02T00:00:00.000Z' });
    const asked: number[][] = [];
    const withFakes = new SubjectRegistry();
    withFakes.register('fake', async (_db, ids) => {
      asked.push(ids);
      // Subject 8 is not public: its resolver leaves it out.
      return ids.filter((id) => id === 7).map((id) => ({ id, title: `Fausse chose ${id}`, url: `/fake/${id}`, kindKey: 'kind.article' as const, date: '2026-02-01T00:00:00.000Z' }));
    });

    const app = await contributorsOnly(t.db, withFakes, t.clock.now);
    try {
      const page = await app.inject({ method: 'GET', url: `/contributors/${person.slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<a href="/fake/7">Fausse chose 7</a>');
      expect(page.body).not.toContain('Fausse chose 8');
      expect(asked.map((ids) => [...ids].sort())).toEqual([[7, 8]]);
    } finally {
      await app.close();
    }

    // The application's own registry knows pieces and talks, not this test's subjects.
    const real = await t.client().get(`/contributors/${person.slug}`);
    expect(real.body).not.toContain('Fausse chose');
    expect(real.body).toContain('Pas encore de contribution publiée.');
  });

  it('keeps credits in order, their acceptance, and an audit trail of changes only', async () => {
    const [a, b, c] = [await makeContributor(t.db.db), await makeContributor(t.db.db), await makeContributor(t.db.db)];
    const subject = { type: 'piece', id: 900_001 };
    const read = () => t.db.db.selectFrom('contributions').select(['contributor_id', 'kind', 'position', 'accepted_at']).where('subject_type', '=', 'piece').where('subject_id', '=', subject.id).orderBy('position').execute();
    const trail = () => t.db.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'piece').where('subject_id', '=', subject.id).execute();

    await setCredits(system(), { subject, credits: [{ contributorId: a.id, kind: 'author' }, { contributorId: b.id, kind: 'translator' }], acceptedAt: null });
    await setContributionsAccepted(system(), { subject, acceptedAt: '2026-03-01T00:00:00.000Z' });
    await setCredits(system(), { subject, credits: [{ contributorId: c.id, kind: 'illustrator' }, { contributorId: a.id, kind: 'author' }], acceptedAt: '2026-04-01T00:00:00.000Z' });
    expect(await read()).toEqual([
      { contributor_id: c.id, kind: 'illustrator', position: 0, accepted_at: '2026-04-01T00:00:00.000Z' },
      { contributor_id: a.id, kind: 'author', position: 1, accepted_at: '2026-03-01T00:00:00.000Z' },
    ]);
    // The same list again changes nothing and records nothing.
    await setCredits(system(), { subject, credits: [{ contributorId: c.id, kind: 'illustrator' }, { contributorId: a.id, kind: 'author' }], acceptedAt: null });
    await setContributionsAccepted(system(), { subject, acceptedAt: null });
    expect((await read()).map((r) => r.accepted_at)).toEqual([null, null]);
    expect((await trail()).map((e) => e.action)).toEqual(['credits.set', 'contributions.accepted', 'credits.set', 'contributions.withdrawn']);
  });

  it('finds a proposer’s profile by their private email, or creates it once', async () => {
    const first = await findOrCreateContributorByEmail(system(), { name: 'Paula Propose', email: 'paula@private.example' });
    const again = await findOrCreateContributorByEmail(system(), { name: 'Paula P.', email: 'paula@private.example' });
    expect(again).toBe(first);
    const row = await t.db.db.selectFrom('contributors').select(['name', 'slug', 'public_name']).where('id', '=', first).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Paula Propose', slug: 'paula-propose', public_name: 1 });
  });

  it('lets an editor create and edit a profile, with a private email and safe links', async () => {
    const c = await editorClient();
    const res = await c.post('/editor/contributors', { name: 'Sacha Profil', slug: '', bio: 'Bio.', links: 'Site | https://example.org/sacha', email: 'sacha@private.example', public_name: 'on' });
    expect(res.statusCode).toBe(303);
    const bad = await c.post('/editor/contributors', { name: 'Lien piégé', slug: '', bio: '', links: 'Clic | javascript:alert(1)', email: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('doit commencer par http');
    expect(bad.body).toContain('value="Lien piégé"');
    const row = await t.db.db.selectFrom('contributors').select(['id', 'slug', 'links', 'email']).where('name', '=', 'Sacha Profil').executeTakeFirstOrThrow();
    expect(res.headers.location).toBe(`/editor/contributors/${row.id}`);
    expect(row.slug).toBe('sacha-profil');
    expect(row.email).toBe('sacha@private.example');
    expect(JSON.parse(row.links)).toEqual([{ label: 'Site', url: 'https://example.org/sacha' }]);

    const form = await c.get(`/editor/contributors/${row.id}`);
    expect(form.body).toContain('Site | https://example.org/sacha');
    const edited = await c.post(`/editor/contributors/${row.id}`, { name: 'Sacha Renommé', slug: 'sacha-renomme', bio: 'Autre bio.', links: '', email: '' });
    expect(edited.statusCode).toBe(303);
    const after = await t.db.db.selectFrom('contributors').select(['name', 'slug', 'email', 'public_name']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ name: 'Sacha Renommé', slug: 'sacha-renomme', email: null, public_name: 0 });
    const trail = await t.db.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'contributor').where('subject_id', '=', row.id).execute();
    expect(trail.map((e) => e.action)).toEqual(['contributor.created', 'contributor.updated']);
  });

  it('shows a taken slug or an unsupported photo next to its field, keeping the input', async () => {
    const c = await editorClient();
    const taken = await makeContributor(t.db.db, { name: 'Déjà Là' });
    const other = await makeContributor(t.db.db, { name: 'Autre Personne' });
    const clash = await c.post(`/editor/contributors/${other.id}`, { name: 'Autre Personne', slug: taken.slug, bio: 'Gardée.', links: '', email: '' });
    expect(clash.statusCode).toBe(422);
    expect(clash.body).toContain('Cette adresse est déjà prise');
    expect(clash.body).toContain('Gardée.');
    expect(clash.body).toContain(`action="/editor/contributors/${other.id}"`);

    const svg = await c.postMultipart('/editor/contributors', { name: 'Photo Piégée', slug: '', bio: '', links: '', email: '' }, { photo: { filename: 'x.png', contentType: 'image/png', data: Buffer.from('<svg onload="alert(1)"></svg>') } });
    expect(svg.statusCode).toBe(422);
    expect(svg.body).toContain('n’est pas une image acceptée');
    expect(svg.body).toContain('value="Photo Piégée"');
    expect(await t.db.db.selectFrom('contributors').select('id').where('name', '=', 'Photo Piégée').executeTakeFirst()).toBeUndefined();

    const photo = await c.postMultipart(`/editor/contributors/${other.id}`, { name: 'Autre Personne', slug: '', bio: '', links: '', email: '' }, { photo: { filename: 'p.png', contentType: 'image/png', data: PNG } });
    expect(photo.statusCode).toBe(303);
    const { photo_media_id } = await t.db.db.selectFrom('contributors').select('photo_media_id').where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(photo_media_id).not.toBeNull();
    const { key } = await t.db.db.selectFrom('media').select('key').where('id', '=', photo_media_id!).executeTakeFirstOrThrow();
    expect((await c.get(`/editor/contributors/${other.id}`)).body).toContain(`src="/media/${key}"`);
    // An unknown profile is a 404, whatever the form says.
    expect((await c.post('/editor/contributors/999999', { name: 'X', slug: '', bio: '', links: '', email: '' })).statusCode).toBe(404);
    expect((await c.get('/editor/contributors/999999')).statusCode).toBe(404);
    expect((await c.get('/editor/contributors/abc')).statusCode).toBe(404);
  });

  it('refuses the desk to anyone but editors, before reading their form', async () => {
    const anonymous = t.client();
    expect((await anonymous.post('/editor/contributors', { name: '' })).statusCode).toBe(401);
    const login = await anonymous.get('/editor/contributors');
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/account/login?next=%2Feditor%2Fcontributors');
    const member = await makeUser(t.db.db, 'contributor');
    const c = t.client();
    await c.login(member.email, PASSWORD);
    expect((await c.post('/editor/contributors', { name: '' })).statusCode).toBe(403);
    expect((await c.get('/editor/contributors/new')).statusCode).toBe(403);
  });

  it('updates through the command as well, refusing an unknown profile', async () => {
    const person = await makeContributor(t.db.db, { name: 'Commande Directe' });
    await updateContributor(system(), { id: person.id, name: 'Commande Directe', bio: 'Nouvelle.', links: [{ label: 'Blog', url: 'https://example.org' }] });
    const row = await t.db.db.selectFrom('contributors').select(['slug', 'bio', 'links']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ slug: person.slug, bio: 'Nouvelle.', links: '[{"label":"Blog","url":"https://example.org"}]' });
    await expect(updateContributor(system(), { id: 999_999, name: 'Personne', bio: '', links: [] })).rejects.toMatchObject({ code: 'not_found' });
  });
});
