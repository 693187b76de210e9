/**
 * The public's side of the conversation: the comment and response forms (pages of their own, so a
 * piece's page carries no per-visitor CSRF token and stays in the page cache) and what they post.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { slugParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { emptyForm } from '../../../shared/views/form-fields.tsx';
import { listPublicPieces } from '../../publishing/index.ts';
import { postComment } from '../commands/post-comment.ts';
import { postResponse } from '../commands/post-response.ts';
import { formStamp, readFormStamp } from '../form-timing.ts';
import { getReplyTarget } from '../queries.ts';
import { commentFormQuery, commentSchema, responseSchema } from '../schemas.ts';
import { CommentFormPage, ResponseFormPage } from '../views/forms.tsx';

export function publicConversationRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const secret = deps.config.appSecret;
  // Per visitor address: a person writes a few comments an hour, a robot hundreds.
  const rateLimit = { max: 10 * deps.config.rateLimitMultiplier, timeWindow: '10 minutes' };

  async function pieceOf(req: FastifyRequest, options: { challenge?: boolean } = {}) {
    const { slug } = slugParams.parse(req.params);
    const [piece] = await listPublicPieces(db, deps.now(), { slug, limit: 1 });
    if (!piece || (options.challenge && piece.kind !== 'challenge')) throw new NotFoundError();
    return piece;
  }

  async function replyTarget(pieceId: number, raw: unknown) {
    const id = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const comment = await getReplyTarget(db, pieceId, id);
    return comment && comment.parent_id === null ? comment : null;
  }

  const commentForm: FormRenderer = async (req, reply, { form, status }) => {
    const piece = await pieceOf(req);
    const replyTo = await replyTarget(piece.id, form.values.parent_id);
    return sendPage(reply, <CommentFormPage ctx={viewContext(req, reply)} piece={piece} replyTo={replyTo} form={form} stamp={formStamp(secret, deps.now())} />, status);
  };

  app.get('/pieces/:slug/comment', { schema: { params: slugParams, querystring: commentFormQuery } }, async (req, reply) => {
    const piece = await pieceOf(req);
    const replyTo = await replyTarget(piece.id, req.query.reply);
    return sendPage(reply, <CommentFormPage ctx={viewContext(req, reply)} piece={piece} replyTo={replyTo} form={emptyForm} stamp={formStamp(secret, deps.now())} />);
  });

  app.post('/pieces/:slug/comments', { schema: { params: slugParams, body: commentSchema }, config: { form: commentForm, rateLimit } }, async (req, reply) => {
    const piece = await pieceOf(req);
    const { company: _honeypot, started, parent_id, ...fields } = req.body;
    const posted = await postComment(
      { db, actor: req.actor, now: deps.now() },
      { ...fields, pieceId: piece.id, parentId: parent_id, shownAt: readFormStamp(secret, started), maxLinks: deps.config.commentMaxLinks },
    );
    if (posted.status === 'published') return redirectWithFlash(req, reply, `/pieces/${piece.slug}#comment-${posted.id}`, 'conversation.commentPublished');
    return redirectWithFlash(req, reply, `/pieces/${piece.slug}#comments`, 'conversation.commentHeld');
  });

  const responseForm: FormRenderer = async (req, reply, { form, status }) => {
    const piece = await pieceOf(req, { challenge: true });
    return sendPage(reply, <ResponseFormPage ctx={viewContext(req, reply)} piece={piece} form={form} stamp={formStamp(secret, deps.now())} />, status);
  };

  app.get('/pieces/:slug/respond', { schema: { params: slugParams } }, async (req, reply) => {
    const piece = await pieceOf(req, { challenge: true });
    return sendPage(reply, <ResponseFormPage ctx={viewContext(req, reply)} piece={piece} form={emptyForm} stamp={formStamp(secret, deps.now())} />);
  });

  app.post('/pieces/:slug/responses', { schema: { params: slugParams, body: responseSchema }, config: { form: responseForm, rateLimit } }, async (req, reply) => {
    const piece = await pieceOf(req, { challenge: true });
    const { company: _honeypot, started, ...fields } = req.body;
    await postResponse({ db, actor: req.actor, now: deps.now() }, { ...fields, pieceId: piece.id, shownAt: readFormStamp(secret, started), maxLinks: deps.config.commentMaxLinks });
    return redirectWithFlash(req, reply, `/pieces/${piece.slug}#responses`, 'conversation.responseHeld');
  });
}
