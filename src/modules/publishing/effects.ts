/** The emails of publishing, emitted by its commands and delivered by the outbox. */
import type { AppDeps } from '../../app-deps.ts';
import type { Executor } from '../../db/database.ts';
import { defineEffect, PermanentFailure, type EffectHandlers } from '../../outbox/index.ts';
import { localisePath, translator, type Lang } from '../../shared/i18n/index.ts';
import type { PieceChange, PieceHook } from './piece-extensions.ts';
import { proposalConfirmToken } from './proposal-access.ts';
import { getRejectionRecipient } from './queries.ts';
import { getProposal } from './queries/proposals.ts';

/** Thanks the proposer, in the language of the page they proposed from. */
export const sendProposalReceipt = defineEffect<{ proposalId: number; lang: Lang }>('publishing.proposal_receipt');

/** Tells the editors a proposal arrived (when EDITORS_EMAIL is set). */
export const notifyEditorsOfProposal = defineEffect<{ proposalId: number }>('publishing.notify_editors');

/** Tells the proposer their proposal is declined, with the editor's message (empty: a kind default). */
export const sendDeclineNotice = defineEffect<{ proposalId: number; message: string }>('publishing.proposal_declined');

/** Sends the editor's feedback on a rejected piece to the person who proposed or wrote it. */
export const sendRejectionFeedback = defineEffect<{ pieceId: number; feedback: string }>('publishing.piece_rejected');

/**
 * A piece was published (delivered once its publication time has come), updated while published,
 * or withdrawn: the hooks app.ts gave the plugin are told (outgoing webmentions, the search index).
 */
export const pieceChanged = defineEffect<{ pieceId: number; change: PieceChange }>('publishing.piece_changed');

export function handlePublishingEffects(effects: EffectHandlers, deps: Pick<AppDeps, 'config' | 'mailer'>, pieceHooks: readonly PieceHook[] = []): void {
  effects.handle(pieceChanged, async ({ pieceId, change }, delivery) => {
    for (const hook of pieceHooks) await hook({ db: delivery.db, now: delivery.now, pieceId, change, key: delivery.key });
  });

  const proposalOf = async (db: Executor, id: number) => {
    const proposal = await getProposal(db, id);
    if (!proposal) throw new PermanentFailure(`proposal ${id} no longer exists`);
    return proposal;
  };

  effects.handle(sendProposalReceipt, async ({ proposalId, lang }, delivery) => {
    const proposal = await proposalOf(delivery.db, proposalId);
    const t = translator(lang);
    await deps.mailer.send({
      to: proposal.email,
      subject: t('mail.proposal.subject', { title: proposal.title }),
      text: t('mail.proposal.body', {
        name: proposal.name,
        title: proposal.title,
        link: `${deps.config.baseUrl}${localisePath(`/proposals/${proposal.id}/confirm`, lang)}?token=${proposalConfirmToken(deps.config.appSecret, proposal)}`,
      }),
      messageKey: delivery.key,
    });
  });

  effects.handle(notifyEditorsOfProposal, async ({ proposalId }, delivery) => {
    const to = deps.config.editorsEmail;
    if (!to) return;
    const proposal = await proposalOf(delivery.db, proposalId);
    const t = translator('fr');
    await deps.mailer.send({
      to,
      subject: t('mail.proposalEditors.subject', { title: proposal.title }),
      text: t('mail.proposalEditors.body', { title: proposal.title, link: `${deps.config.baseUrl}/editor/proposals/${proposal.id}` }),
      messageKey: delivery.key,
    });
  });

  effects.handle(sendDeclineNotice, async ({ proposalId, message }, delivery) => {
    const proposal = await proposalOf(delivery.db, proposalId);
    const t = translator(proposal.language);
    await deps.mailer.send({
      to: proposal.email,
      subject: t('mail.declined.subject', { title: proposal.title }),
      text: t('mail.declined.body', { title: proposal.title, message: message || t('mail.declined.defaultMessage') }),
      messageKey: delivery.key,
    });
  });

  effects.handle(sendRejectionFeedback, async ({ pieceId, feedback }, delivery) => {
    // Nobody to tell (an imported piece with no author account): nothing to send.
    const recipient = await getRejectionRecipient(delivery.db, pieceId);
    if (!recipient) return;
    const t = translator(recipient.lang);
    await deps.mailer.send({
      to: recipient.email,
      subject: t('mail.rejected.subject', { title: recipient.title }),
      text: t('mail.rejected.body', { title: recipient.title, feedback }),
      messageKey: delivery.key,
    });
  });
}
