/** The editors' moderation desk: the queue, corrections, featuring, closing a piece's comments, the settings and the sent log. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, safeNextPath, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { pageWindow } from '../../../shared/pagination.ts';
import { listPublishedRefs } from '../../publishing/index.ts';
import { approveItem } from '../commands/approve-item.ts';
import { deleteItem } from '../commands/delete-item.ts';
import { editComment } from '../commands/edit-comment.ts';
import { editResponse } from '../commands/edit-response.ts';
import { featureResponse } from '../commands/feature-response.ts';
import { markItemSpam } from '../commands/mark-item-spam.ts';
import { saveConversationSettings } from '../commands/save-conversation-settings.ts';
import { setDiscussionClosed } from '../commands/set-discussion-closed.ts';
import { conversationPolicy } from '../policy.ts';
import { getCommentForEditing, getConversationSettings, getResponseForEditing, listQueue, listSentMentions } from '../queries.ts';
import { closedSchema, commentEditSchema, editableParams, featureSchema, itemParams, moderationSchema, queueQuery, responseEditSchema, settingsSchema } from '../schemas.ts';
import { EditItemPage, QueuePage, SentMentionsPage, SettingsPage } from '../views/desk-pages.tsx';

const QUEUE = '/editor/conversation';

export function conversationDeskRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const moderators = (req: FastifyRequest) => conversationPolicy.authorize(req.actor, 'moderate');
  const configurators = (req: FastifyRequest) => conversationPolicy.authorize(req.actor, 'configure');
  const ctxOf = (req: FastifyRequest) => ({ db, actor: req.actor, now: deps.now() });
  /** Titles and links of the pieces items belong to (withdrawn ones are named by their id). */
  const piecesOf = async (ids: number[]) => new Map((await listPublishedRefs(db, deps.now(), [...new Set(ids)])).map((p) => [p.id, { title: p.title, slug: p.slug }]));

  void fastify.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.get(QUEUE, { schema: { querystring: queueQuery } }, async (req, reply) => {
      moderators(req);
      const items = await listQueue(db, req.query.status, pageWindow(req.query.page));
      return sendPage(reply, <QueuePage ctx={viewContext(req, reply)} status={req.query.status} items={items} pieces={await piecesOf(items.rows.map((i) => i.piece_id))} />);
    });

    const back = (req: FastifyRequest) => safeNextPath(moderationSchema.safeParse(req.body).data?.next, QUEUE);
    const button = { schema: { params: itemParams, body: moderationSchema }, config: { authorize: moderators, back } };
    app.post(`${QUEUE}/:type/:id/approve`, button, async (req, reply) => {
      await approveItem(ctxOf(req), req.params);
      return redirectWithFlash(req, reply, safeNextPath(req.body.next, QUEUE), 'conversation.approved');
    });
    app.post(`${QUEUE}/:type/:id/spam`, button, async (req, reply) => {
      await markItemSpam(ctxOf(req), req.params);
      return redirectWithFlash(req, reply, safeNextPath(req.body.next, QUEUE), 'conversation.markedSpam');
    });
    app.post(`${QUEUE}/:type/:id/delete`, button, async (req, reply) => {
      await deleteItem(ctxOf(req), req.params);
      return redirectWithFlash(req, reply, safeNextPath(req.body.next, QUEUE), 'conversation.deleted');
    });

    app.post(
      `${QUEUE}/responses/:id/feature`,
      { schema: { params: idParams, body: featureSchema }, config: { authorize: moderators, back } },
      async (req, reply) => {
        await featureResponse(ctxOf(req), { id: req.params.id, featured: req.body.featured });
        return redirectWithFlash(req, reply, safeNextPath(req.body.next, `${QUEUE}?status=published`), req.body.featured ? 'conversation.featuredDone' : 'conversation.unfeaturedDone');
      },
    );

    app.post(`${QUEUE}/pieces/:id/closed`, { schema: { params: idParams, body: closedSchema }, config: { authorize: moderators, back } }, async (req, reply) => {
      const { slug } = await setDiscussionClosed(ctxOf(req), { pieceId: req.params.id, closed: req.body.closed });
      return redirectWithFlash(req, reply, safeNextPath(req.body.next, `/pieces/${slug}`), req.body.closed ? 'conversation.closedDone' : 'conversation.openedDone');
    });

    // Corrections of a comment or a response.
    async function editForm(type: 'comment' | 'response', id: number) {
      if (type === 'comment') {
        const c = await getCommentForEditing(db, id);
        return c ? { values: { name: c.author_name, website: c.author_website ?? '', body: c.body_md }, errors: {} } : undefined;
      }
      const r = await getResponseForEditing(db, id);
      return r ? { values: { name: r.author_name, website: r.author_website ?? '', title: r.title, body: r.body_md }, errors: {} } : undefined;
    }

    app.get(`${QUEUE}/:type/:id/edit`, { schema: { params: editableParams }, config: { authorize: moderators } }, async (req, reply) => {
      moderators(req);
      const form = await editForm(req.params.type, req.params.id);
      if (!form) throw new NotFoundError();
      return sendPage(reply, <EditItemPage ctx={viewContext(req, reply)} type={req.params.type} id={req.params.id} form={form} />);
    });

    const editPage =
      (type: 'comment' | 'response'): FormRenderer =>
      (req, reply, { form, status }) =>
        sendPage(reply, <EditItemPage ctx={viewContext(req, reply)} type={type} id={idParams.parse(req.params).id} form={form} />, status);
    app.post(`${QUEUE}/comment/:id/edit`, { schema: { params: idParams, body: commentEditSchema }, config: { authorize: moderators, form: editPage('comment') } }, async (req, reply) => {
      await editComment(ctxOf(req), { id: req.params.id, ...req.body });
      return redirectWithFlash(req, reply, QUEUE, 'conversation.saved');
    });
    app.post(`${QUEUE}/response/:id/edit`, { schema: { params: idParams, body: responseEditSchema }, config: { authorize: moderators, form: editPage('response') } }, async (req, reply) => {
      await editResponse(ctxOf(req), { id: req.params.id, ...req.body });
      return redirectWithFlash(req, reply, QUEUE, 'conversation.saved');
    });

    app.get(`${QUEUE}/settings`, async (req, reply) => {
      configurators(req);
      const s = await getConversationSettings(db);
      const form = { values: { blocklist: s.blocklist.join('\n'), notify_authors: s.notifyAuthors ? '1' : '', moderate_mentions: s.moderateMentions ? '1' : '' }, errors: {} };
      return sendPage(reply, <SettingsPage ctx={viewContext(req, reply)} form={form} />);
    });
    const settingsForm: FormRenderer = (req, reply, { form, status }) => sendPage(reply, <SettingsPage ctx={viewContext(req, reply)} form={form} />, status);
    app.post(`${QUEUE}/settings`, { schema: { body: settingsSchema }, config: { authorize: configurators, form: settingsForm } }, async (req, reply) => {
      await saveConversationSettings(ctxOf(req), { blocklist: req.body.blocklist, notifyAuthors: req.body.notify_authors, moderateMentions: req.body.moderate_mentions });
      return redirectWithFlash(req, reply, `${QUEUE}/settings`, 'conversation.saved');
    });

    app.get(`${QUEUE}/sent`, async (req, reply) => {
      moderators(req);
      const rows = await listSentMentions(db);
      return sendPage(reply, <SentMentionsPage ctx={viewContext(req, reply)} rows={rows} pieces={await piecesOf(rows.map((r) => r.piece_id))} />);
    });
  });
}
