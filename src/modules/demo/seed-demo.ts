/**
 * The demo programme: a dozen contributors, sixteen pieces of four kinds across the five themes,
 * and a demo team whose credentials the README lists. It is written through the same commands
 * people use, so the demo exercises the real workflow (credits accepted at publication, revisions).
 */
import type { Db } from '../../db/database.ts';
import { createUser } from '../accounts/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { createContributor } from '../contributors/index.ts';
import { listThemes, savePiece, transitionPiece } from '../publishing/index.ts';
import { demoContributors, demoPieces } from './demo-content.ts';
import { isEmptyProgramme } from './queries.ts';
import { seedDemoLedger } from './seed-demo-ledger.ts';
import { seedDemoWork } from './seed-demo-work.ts';

export const DEMO_ACCOUNTS = [
  { email: 'admin@example.org', password: 'open-experience-admin', displayName: 'Alice Admin', role: 'admin' },
  { email: 'editor@example.org', password: 'open-experience-editor', displayName: 'Étienne Éditeur', role: 'editor' },
  { email: 'contributor@example.org', password: 'open-experience-contributor', displayName: 'Claire Moreau', role: 'contributor' },
] as const;

export async function seedDemo(db: Db, now: Date): Promise<{ pieces: number; contributors: number }> {
  if (!(await isEmptyProgramme(db))) throw new Error('Demo content is only written to an empty database.');
  const contributorIds = new Map<string, number>();
  for (const c of demoContributors) {
    const { id } = await db.transaction().execute((trx) =>
      createContributor({ db: trx, actor: null, now }, { name: c.name, bio: c.bio, links: c.links, email: `${c.key}@example.org` }),
    );
    contributorIds.set(c.key, id);
  }
  let adminId = 0;
  let editorId = 0;
  for (const account of DEMO_ACCOUNTS) {
    const id = await createUser(
      { db, actor: null, now },
      {
        email: account.email,
        displayName: account.displayName,
        password: account.password,
        role: account.role,
        contributorId: account.role === 'contributor' ? (contributorIds.get('claire-moreau') ?? null) : null,
      },
    );
    if (account.role === 'admin') adminId = id;
    if (account.role === 'editor') editorId = id;
  }
  const admin: Actor = { id: adminId, role: 'admin', displayName: 'Alice Admin', contributorId: null };
  const themeIds = new Map((await listThemes(db)).map((t) => [t.slug, t.id]));
  for (const p of demoPieces) {
    const { id } = await savePiece(
      { db, actor: admin, now },
      {
        kind: p.kind,
        title: p.title,
        slug: p.slug,
        summary: p.summary,
        body_md: p.bodyMarkdown,
        language: p.language,
        ...(p.translationOf ? { translation_of: p.translationOf } : {}),
        licence: 'CC-BY-SA-4.0',
        cover_alt: '',
        themes: p.themes.map((slug) => themeIds.get(slug)).filter((id): id is number => id !== undefined),
        credits: p.credits.map((c) => ({ contributorId: contributorIds.get(c.contributor)!, kind: c.role })),
        note: 'demo',
      },
    );
    const deps = { db, actor: admin, now };
    await transitionPiece(deps, { pieceId: id, action: 'submit' });
    await transitionPiece(deps, {
      pieceId: id,
      action: 'publish',
      publishAt: new Date(now.getTime() - p.publishedDaysAgo * 24 * 3600 * 1000),
    });
  }
  const editor: Actor = { id: editorId, role: 'editor', displayName: 'Étienne Éditeur', contributorId: null };
  await seedDemoLedger(db, now, { admin, editor }, [...contributorIds.values()]);
  await seedDemoWork(db, now, { admin, editor }, contributorIds.get('claire-moreau'));
  return { pieces: demoPieces.length, contributors: demoContributors.length };
}
