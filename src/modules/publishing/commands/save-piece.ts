import type { Db, Trx } from '../../../db/database.ts';
import type { Lang, PieceKind } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { UploadedFile } from '../../../shared/http/form.ts';
import { renderMarkdown } from '../../../shared/markdown.ts';
import { slugAlternatives, slugify } from '../../../shared/slug.ts';
import { can } from '../../accounts/index.ts';
import { recordEvent } from '../../audit/index.ts';
import { setCredits, type Credit } from '../../contributors/index.ts';
import { storeImage } from '../../media/index.ts';
import { changedFields, parseSnapshot, type PieceSnapshot } from '../domain/revision.ts';
import { canEditContent } from '../domain/workflow.ts';
import { isPieceOwner, takenSlugsLike } from '../queries.ts';

export interface PieceInput {
  kind: PieceKind;
  title: string;
  slug: string;
  summary: string;
  body_md: string;
  language: Lang;
  licence: string;
  cover_alt: string;
  themes: number[];
  credits: Credit[];
  removeCover?: boolean;
}

/** A taken slug is a choice for the person, not a crash: the error carries free alternatives. */
export class SlugTakenError extends ValidationError {
  constructor(public readonly alternatives: string[]) {
    super({ slug: 'errors.slugTaken' });
  }
}

async function snapshotOf(trx: Trx, pieceId: number): Promise<PieceSnapshot | null> {
  const last = await trx
    .selectFrom('piece_revisions')
    .select('snapshot')
    .where('piece_id', '=', pieceId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? parseSnapshot(last.snapshot) : null;
}

/** Writes a revision when something changed; returns its number (or null when nothing did). */
export async function writeRevision(
  trx: Trx,
  pieceId: number,
  snapshot: PieceSnapshot,
  meta: { actorUserId: number | null; now: Date; note: string },
): Promise<number | null> {
  const before = await snapshotOf(trx, pieceId);
  const changed = changedFields(before, snapshot);
  if (before && changed.length === 0) return null;
  const last = await trx
    .selectFrom('piece_revisions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('piece_id', '=', pieceId)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  await trx
    .insertInto('piece_revisions')
    .values({
      piece_id: pieceId,
      number,
      snapshot: JSON.stringify(snapshot),
      note: meta.note || changed.join(', '),
      author_user_id: meta.actorUserId,
      created_at: meta.now.toISOString(),
    })
    .execute();
  return number;
}

/** Themes and contributors come from form values: unknown ids are a validation error, not a 500. */
async function assertReferencesExist(trx: Trx, input: PieceInput): Promise<void> {
  if (input.themes.length) {
    const found = await trx.selectFrom('themes').select('id').where('id', 'in', input.themes).execute();
    if (found.length !== new Set(input.themes).size) throw new ValidationError({ themes: 'errors.invalid' });
  }
  const contributorIds = [...new Set(input.credits.map((c) => c.contributorId))];
  if (contributorIds.length) {
    const found = await trx.selectFrom('contributors').select('id').where('id', 'in', contributorIds).execute();
    if (found.length !== contributorIds.length) throw new ValidationError({ credits: 'errors.invalid' });
  }
}

/**
 * Creates or updates a piece with its themes and ordered credits, renders its Markdown once, and
 * records a revision — all in one transaction.
 */
export async function savePiece(
  deps: { db: Db; actor: Actor; now: Date },
  input: PieceInput & { id?: number; cover?: UploadedFile | undefined; note?: string },
): Promise<{ id: number; slug: string }> {
  const { actor, now } = deps;
  const isEditor = can(actor, 'edit:piece:any');
  if (!can(actor, 'write:piece:own')) throw new ForbiddenError('write:piece:own');
  const slug = input.slug || slugify(input.title) || 'piece';
  return deps.db.transaction().execute(async (trx) => {
    const existing = input.id
      ? await trx.selectFrom('pieces').select(['id', 'status', 'cover_media_id', 'published_at']).where('id', '=', input.id).executeTakeFirst()
      : undefined;
    if (input.id && !existing) throw new NotFoundError();
    if (existing) {
      const isOwner = await isPieceOwner(trx, existing.id, actor);
      if (!canEditContent(existing.status, { isEditor, isOwner })) throw new ForbiddenError('edit:piece');
    }
    const clash = await trx.selectFrom('pieces').select('id').where('slug', '=', slug).executeTakeFirst();
    if (clash && clash.id !== existing?.id) throw new SlugTakenError(slugAlternatives(slug, await takenSlugsLike(trx, slug)));
    await assertReferencesExist(trx, input);

    let coverId = input.removeCover ? null : (existing?.cover_media_id ?? null);
    if (input.cover) coverId = await storeImage(trx, 'cover', input.cover, { actorUserId: actor.id, now });

    const values = {
      kind: input.kind,
      slug,
      title: input.title,
      summary: input.summary,
      body_md: input.body_md,
      body_html: renderMarkdown(input.body_md),
      language: input.language,
      licence: input.licence,
      cover_media_id: coverId,
      cover_alt: input.cover_alt,
      updated_at: now.toISOString(),
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await trx.updateTable('pieces').set(values).where('id', '=', id).execute();
    } else {
      ({ id } = await trx
        .insertInto('pieces')
        .values({ ...values, status: 'draft', published_at: null, review_feedback: null, proposal_id: null, created_by: actor.id, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow());
    }

    await trx.deleteFrom('piece_themes').where('piece_id', '=', id).execute();
    if (input.themes.length) {
      await trx.insertInto('piece_themes').values(input.themes.map((theme_id) => ({ piece_id: id, theme_id }))).execute();
    }
    // A contributor writing their own piece is credited as its author unless they credited themselves otherwise.
    let credits = input.credits;
    if (!isEditor && actor.contributorId !== null && !credits.some((c) => c.contributorId === actor.contributorId)) {
      credits = [{ contributorId: actor.contributorId, kind: 'author' }, ...credits];
    }
    const publishedAt = existing?.status === 'published' ? existing.published_at : null;
    await setCredits(trx, { type: 'piece', id }, credits, { now, acceptedAt: publishedAt });

    const snapshot: PieceSnapshot = { ...values, themes: input.themes, credits };
    delete (snapshot as Partial<typeof values>).body_html;
    delete (snapshot as Partial<typeof values>).updated_at;
    const revision = await writeRevision(trx, id, snapshot, { actorUserId: actor.id, now, note: input.note ?? '' });
    await recordEvent(trx, {
      actorUserId: actor.id,
      action: existing ? 'piece.updated' : 'piece.created',
      subjectType: 'piece',
      subjectId: id,
      data: { revision },
      now,
    });
    return { id, slug };
  });
}
