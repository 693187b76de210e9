/**
 * Delivering the conversation's effects: the authors' email for a new comment, the verification
 * of a received mention, and sending a webmention for a link of ours. Each reads the state at
 * delivery time and is idempotent (delivery is at least once).
 */
import type { AppDeps } from '../../app-deps.ts';
import { PermanentFailure, type EffectHandlers } from '../../outbox/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { listPublicPieces } from '../publishing/index.ts';
import { recordMentionVerification } from './commands/record-mention-verification.ts';
import { recordSentMention } from './commands/record-sent-mention.ts';
import { notifyAuthorsOfComment, sendWebmention, verifyMention } from './effects.ts';
import { ForbiddenAddressError, type RemoteFetchSettings } from './remote/fetch-remote.ts';
import { discoverEndpoint, notifyEndpoint, verifySource } from './remote/webmention-client.ts';
import { getCommentForNotice, getConversationSettings, getMention, listAuthorContacts } from './queries.ts';

export function remoteSettings(config: AppDeps['config']): RemoteFetchSettings {
  return { allowPrivateAddresses: config.mentionsAllowPrivateAddresses, userAgent: `OpenExperience-Webmention (+${config.baseUrl})` };
}

export function handleConversationEffects(effects: EffectHandlers, deps: Pick<AppDeps, 'config' | 'mailer'>): void {
  const remote = remoteSettings(deps.config);

  effects.handle(notifyAuthorsOfComment, async ({ commentId }, delivery) => {
    const comment = await getCommentForNotice(delivery.db, commentId);
    if (!comment || comment.status !== 'published') return;
    if (!(await getConversationSettings(delivery.db)).notifyAuthors) return;
    const [piece] = await listPublicPieces(delivery.db, delivery.now, { ids: [comment.piece_id], limit: 1 });
    if (!piece) return;
    const link = `${deps.config.baseUrl}/pieces/${piece.slug}#comment-${comment.id}`;
    for (const author of await listAuthorContacts(delivery.db, piece.id)) {
      const t = translator(author.lang);
      await deps.mailer.send({
        to: author.email,
        subject: t('conversation.mail.subject', { title: piece.title }),
        text: t('conversation.mail.body', { name: comment.author_name, title: piece.title, body: comment.body_md, link }),
        // One Message-ID per recipient of this delivery: sent again after a crash, it is the same message.
        messageKey: `${delivery.key}:${author.email}`,
      });
    }
  });

  effects.handle(verifyMention, async ({ mentionId }, delivery) => {
    const mention = await getMention(delivery.db, mentionId);
    if (!mention) return;
    const outcome = await verifySource(new URL(mention.source_url), new URL(mention.target_url), remote);
    await recordMentionVerification({ db: delivery.db, actor: null, now: delivery.now }, { mentionId, outcome });
  });

  effects.handle(sendWebmention, async ({ pieceId, source, target }, delivery) => {
    const ctx = { db: delivery.db, actor: null, now: delivery.now };
    const record = (status: Parameters<typeof recordSentMention>[1]['status'], endpoint: string | null, httpStatus: number | null, error: string | null) =>
      recordSentMention(ctx, { pieceId, target, status, endpoint, httpStatus, error });
    // A failure is logged, then thrown: the outbox tries again later, except for a forbidden address.
    const failed = async (endpoint: string | null, error: unknown): Promise<never> => {
      await record('failed', endpoint, null, error instanceof Error ? error.message : String(error));
      throw error instanceof ForbiddenAddressError ? new PermanentFailure(error.message) : error;
    };
    const endpoint = await discoverEndpoint(new URL(target), remote).catch((error: unknown) => failed(null, error));
    if (!endpoint) return record('no_endpoint', null, null, null);
    const answer = await notifyEndpoint(endpoint, { source, target }, remote).catch((error: unknown) => failed(endpoint.href, error));
    if (answer.status >= 200 && answer.status < 300) return record('sent', endpoint.href, answer.status, null);
    // The receiver refused (4xx): trying again cannot help, and the refusal is in the log.
    if (answer.status >= 400 && answer.status < 500) return record('refused', endpoint.href, answer.status, answer.body.slice(0, 300));
    await record('failed', endpoint.href, answer.status, answer.body.slice(0, 300));
    throw new Error(`webmention endpoint ${endpoint.host} answered ${answer.status}`);
  });
}
