/** Test data made through the real commands, with defaults a test overrides only where it matters. */
import type { Db } from '../../src/db/database.ts';
import type { Actor, Role } from '../../src/shared/actor.ts';
import { createUser, hashPassword } from '../../src/modules/accounts/index.ts';
import { createContributor } from '../../src/modules/contributors/index.ts';
import { savePiece, transitionPiece, type SavePieceInput } from '../../src/modules/publishing/index.ts';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

export async function makeUser(db: Db, role: Role, overrides: { email?: string; displayName?: string; contributorId?: number | null } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const email = overrides.email ?? `${role}-${unique()}@example.org`;
  const displayName = overrides.displayName ?? `${role} ${counter}`;
  const id = await createUser(
    { db, actor: null, now: new Date('2026-01-01T00:00:00Z') },
    { email, displayName, password: PASSWORD, passwordHash: await passwordHash, role, contributorId: overrides.contributorId ?? null },
  );
  const actor: Actor = { id, role, displayName, contributorId: overrides.contributorId ?? null };
  return { id, email, actor };
}

export async function makeContributor(db: Db, overrides: { name?: string; email?: string | null; bio?: string } = {}) {
  return createContributor(
    { db, actor: null, now: new Date('2026-01-01T00:00:00Z') },
    { name: overrides.name ?? `Contributor ${unique()}`, bio: overrides.bio ?? 'A short bio.', links: [], email: overrides.email ?? null },
  );
}

export async function makePiece(
  db: Db,
  actor: Actor,
  overrides: Partial<SavePieceInput> & { publish?: boolean | Date; now?: Date } = {},
) {
  const now = overrides.now ?? new Date('2026-05-01T00:00:00Z');
  const { publish, now: _, ...input } = overrides;
  const ctx = { db, actor, now };
  const saved = await savePiece(
    ctx,
    {
      kind: 'article',
      title: `Piece ${unique()}`,
      slug: '',
      summary: 'A summary.',
      body_md: 'Some **body** text.',
      language: 'fr',
      licence: 'CC-BY-SA-4.0',
      cover_alt: '',
      themes: [],
      credits: [],
      ...input,
    },
  );
  if (publish) {
    await transitionPiece(ctx, { pieceId: saved.id, action: 'submit' });
    await transitionPiece(ctx, { pieceId: saved.id, action: 'publish', publishAt: publish instanceof Date ? publish : now });
  }
  return saved;
}
