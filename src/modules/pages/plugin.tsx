/** The about page, the contact form, the editors' inbox and page editor. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { FormRenderer } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../shared/http/route-schema.ts';
import { deskListQuery, pageWindow } from '../../shared/pagination.ts';
import { emptyForm } from '../../shared/views/form-fields.tsx';
import { markMessageRead } from './commands/mark-message-read.ts';
import { savePage } from './commands/save-page.ts';
import { sendContactMessage } from './commands/send-contact-message.ts';
import { handlePagesEffects } from './effects.ts';
import { pagesPolicy } from './policy.ts';
import { getPage, listMessages } from './queries.ts';
import { contactSchema, pageParams, pageSchema } from './schemas.ts';
import { ContactPage, InboxPage, PageEditor, StaticPage } from './views/pages.tsx';

export const pagesPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers }> = async (fastify, { deps, effects }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  handlePagesEffects(effects, deps);

  app.get('/about', async (req, reply) => {
    const page = await getPage(db, 'about');
    if (!page) throw new NotFoundError();
    const en = req.lang === 'en';
    return sendPage(reply, <StaticPage ctx={viewContext(req, reply)} title={en ? page.title_en : page.title_fr} html={en ? page.body_html_en : page.body_html_fr} path="/about" />);
  });

  app.get('/editor/pages/:slug', { schema: { params: pageParams } }, async (req, reply) => {
    pagesPolicy.authorize(req.actor, 'edit');
    const page = await getPage(db, req.params.slug);
    const form = { values: { title_fr: page?.title_fr, body_md_fr: page?.body_md_fr, title_en: page?.title_en, body_md_en: page?.body_md_en }, errors: {} };
    return sendPage(reply, <PageEditor ctx={viewContext(req, reply)} form={form} slug={req.params.slug} />);
  });

  const pageForm: FormRenderer = (req, reply, { form, status }) => sendPage(reply, <PageEditor ctx={viewContext(req, reply)} form={form} slug={pageParams.parse(req.params).slug} />, status);

  const editors = (req: { actor: Actor | null }) => pagesPolicy.authorize(req.actor, 'edit');
  app.post('/editor/pages/:slug', { schema: { params: pageParams, body: pageSchema }, config: { form: pageForm, authorize: editors } }, async (req, reply) => {
    const actor = pagesPolicy.authorize(req.actor, 'edit');
    await savePage({ db, actor, now: deps.now() }, { slug: req.params.slug, ...req.body });
    return redirectWithFlash(req, reply, `/${req.params.slug}`, 'pages.saved');
  });

  const contactForm: FormRenderer = (req, reply, { form, status }) => sendPage(reply, <ContactPage ctx={viewContext(req, reply)} form={form} />, status);

  app.get('/contact', async (req, reply) => sendPage(reply, <ContactPage ctx={viewContext(req, reply)} form={emptyForm} />));

  app.post(
    '/contact',
    { schema: { body: contactSchema }, config: { form: contactForm, rateLimit: { max: 5 * deps.config.rateLimitMultiplier, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const { website: _honeypot, ...input } = req.body;
      await sendContactMessage({ db, actor: req.actor, now: deps.now() }, input);
      return redirectWithFlash(req, reply, '/contact', 'contact.sent');
    },
  );

  app.get('/editor/inbox', { schema: { querystring: deskListQuery }, config: { authorize: (req) => pagesPolicy.authorize(req.actor, 'readInbox') } }, async (req, reply) => {
    const messages = await listMessages(db, { q: req.query.q, window: pageWindow(req.query.page) });
    return sendPage(reply, <InboxPage ctx={viewContext(req, reply)} messages={messages} q={req.query.q} />);
  });

  app.post('/editor/inbox/:id/read', { schema: { params: idParams }, config: { authorize: (req) => pagesPolicy.authorize(req.actor, 'readInbox') } }, async (req, reply) => {
    const actor = pagesPolicy.authorize(req.actor, 'readInbox');
    await markMessageRead({ db, actor, now: deps.now() }, { messageId: req.params.id });
    return redirectWithFlash(req, reply, '/editor/inbox', 'inbox.marked');
  });
};
