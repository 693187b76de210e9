import type { Db } from '../../../db/database.ts';
import type { Lang } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { translator } from '../../../shared/i18n/index.ts';
import type { Mailer } from '../../../shared/mailer.ts';
import { renderMarkdown } from '../../../shared/markdown.ts';
import { slugAlternatives, slugify } from '../../../shared/slug.ts';
import { recordEvent } from '../../audit/index.ts';
import { findOrCreateContributorByEmail, setCredits } from '../../contributors/index.ts';
import { takenSlugsLike } from '../queries.ts';
import { writeRevision } from './save-piece.ts';

export interface ProposalInput {
  name: string;
  email: string;
  title: string;
  pitch: string;
  draft: string;
  language: Lang;
}

/**
 * A member of the public proposes a piece: it lands in the editors' queue, the proposer gets a
 * confirmation and the editors a notice. The proposer's email stays private.
 */
export async function proposePiece(
  deps: { db: Db; mailer: Mailer; now: Date; baseUrl: string; editorsEmail?: string | undefined },
  input: ProposalInput & { uiLang: Lang },
): Promise<number> {
  const id = await deps.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('proposals')
      .values({
        name: input.name,
        email: input.email,
        title: input.title,
        pitch: input.pitch,
        draft_md: input.draft,
        language: input.language,
        status: 'new',
        piece_id: null,
        created_at: deps.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { actorUserId: null, action: 'proposal.received', subjectType: 'proposal', subjectId: id, now: deps.now });
    return id;
  });
  const t = translator(input.uiLang);
  await deps.mailer.send({
    to: input.email,
    subject: t('mail.proposal.subject', { title: input.title }),
    text: t('mail.proposal.body', { name: input.name, title: input.title }),
  });
  if (deps.editorsEmail) {
    const te = translator('fr');
    await deps.mailer.send({
      to: deps.editorsEmail,
      subject: te('mail.proposalEditors.subject', { title: input.title }),
      text: te('mail.proposalEditors.body', { title: input.title, link: `${deps.baseUrl}/editor/proposals/${id}` }),
    });
  }
  return id;
}

/**
 * An editor takes a proposal into the workflow: the proposer becomes a contributor (matched by
 * their private email), and a submitted piece credited to them enters the queue.
 */
export async function acceptProposal(deps: { db: Db; actor: Actor; now: Date }, proposalId: number): Promise<number> {
  const { actor, now } = deps;
  return deps.db.transaction().execute(async (trx) => {
    const proposal = await trx.selectFrom('proposals').selectAll().where('id', '=', proposalId).executeTakeFirst();
    if (!proposal) throw new NotFoundError();
    if (proposal.status !== 'new') throw new ValidationError({ status: 'publishing.proposalAlreadyHandled' });
    const contributorId = await findOrCreateContributorByEmail(trx, { name: proposal.name, email: proposal.email }, { actorUserId: actor.id, now });
    const base = slugify(proposal.title) || 'proposal';
    const taken = await takenSlugsLike(trx, base);
    const slug = taken.has(base) ? slugAlternatives(base, taken, 1)[0]! : base;
    const body = proposal.draft_md || proposal.pitch;
    const { id } = await trx
      .insertInto('pieces')
      .values({
        kind: 'article',
        slug,
        title: proposal.title,
        summary: proposal.pitch.slice(0, 500),
        body_md: body,
        body_html: renderMarkdown(body),
        cover_media_id: null,
        cover_alt: '',
        language: proposal.language,
        status: 'submitted',
        published_at: null,
        licence: 'CC-BY-SA-4.0',
        review_feedback: null,
        proposal_id: proposal.id,
        created_by: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const credits = [{ contributorId, kind: 'author' }];
    await setCredits(trx, { type: 'piece', id }, credits, { now, acceptedAt: null });
    await writeRevision(
      trx,
      id,
      { kind: 'article', title: proposal.title, slug, summary: proposal.pitch.slice(0, 500), body_md: body, language: proposal.language, licence: 'CC-BY-SA-4.0', cover_media_id: null, cover_alt: '', themes: [], credits },
      { actorUserId: actor.id, now, note: `proposal #${proposal.id}` },
    );
    await trx.updateTable('proposals').set({ status: 'accepted', piece_id: id }).where('id', '=', proposal.id).execute();
    await recordEvent(trx, { actorUserId: actor.id, action: 'proposal.accepted', subjectType: 'proposal', subjectId: proposal.id, data: { pieceId: id }, now });
    return id;
  });
}

/** An editor declines a proposal; the proposer is told, with the editor's message. */
export async function declineProposal(
  deps: { db: Db; actor: Actor; now: Date; mailer: Mailer },
  input: { proposalId: number; message: string },
): Promise<void> {
  const proposal = await deps.db.transaction().execute(async (trx) => {
    const proposal = await trx.selectFrom('proposals').select(['id', 'status', 'email', 'title', 'language']).where('id', '=', input.proposalId).executeTakeFirst();
    if (!proposal) throw new NotFoundError();
    if (proposal.status !== 'new') throw new ValidationError({ status: 'publishing.proposalAlreadyHandled' });
    await trx.updateTable('proposals').set({ status: 'declined' }).where('id', '=', proposal.id).execute();
    await recordEvent(trx, { actorUserId: deps.actor.id, action: 'proposal.declined', subjectType: 'proposal', subjectId: proposal.id, now: deps.now });
    return proposal;
  });
  const t = translator(proposal.language);
  await deps.mailer.send({
    to: proposal.email,
    subject: t('mail.declined.subject', { title: proposal.title }),
    text: t('mail.declined.body', { title: proposal.title, message: input.message || t('mail.declined.defaultMessage') }),
  });
}
