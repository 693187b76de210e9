import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { emailField, readForm, text, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import { emptyForm } from '../../shared/views/form-fields.tsx';
import { authorize } from '../accounts/index.ts';
import { markMessageRead, savePage, sendContactMessage } from './commands.ts';
import { getPage, listMessages } from './queries.ts';
import { ContactPage, InboxPage, PageEditor, StaticPage } from './views/pages.tsx';

const EDITABLE_PAGES = new Set(['about']);

const pageSchema = z.object({
  title_fr: text(200),
  body_md_fr: text(100_000),
  title_en: text(200),
  body_md_en: text(100_000),
});

const contactSchema = z.object({
  name: text(120),
  email: emailField,
  subject: text(200),
  body: text(10_000, { min: 10 }),
  website: z.preprocess((v) => v ?? '', z.string().max(0, 'errors.invalid')),
});

export function pageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/about', async (req, reply) => {
    const page = await getPage(db, 'about');
    if (!page) throw new NotFoundError();
    const en = req.lang === 'en';
    return sendPage(reply, <StaticPage ctx={viewContext(req, reply)} title={en ? page.title_en : page.title_fr} html={en ? page.body_html_en : page.body_html_fr} path="/about" />);
  });

  app.get('/editor/pages/:slug', async (req, reply) => {
    authorize(req, 'edit:pages');
    const slug = (req.params as { slug: string }).slug;
    if (!EDITABLE_PAGES.has(slug)) throw new NotFoundError();
    const page = await getPage(db, slug);
    const form = { values: { title_fr: page?.title_fr, body_md_fr: page?.body_md_fr, title_en: page?.title_en, body_md_en: page?.body_md_en }, errors: {} };
    return sendPage(reply, <PageEditor ctx={viewContext(req, reply)} form={form} slug={slug} />);
  });

  app.post('/editor/pages/:slug', async (req, reply) => {
    const actor = authorize(req, 'edit:pages');
    const slug = (req.params as { slug: string }).slug;
    if (!EDITABLE_PAGES.has(slug)) throw new NotFoundError();
    const result = validateForm(pageSchema, readForm(req).fields);
    if (!result.ok) return sendPage(reply, <PageEditor ctx={viewContext(req, reply)} form={result.form} slug={slug} />, 422);
    await db.transaction().execute((trx) => savePage(trx, slug, result.data, { actorUserId: actor.id, now: deps.now() }));
    return redirectWithFlash(req, reply, `/${slug}`, 'pages.saved');
  });

  app.get('/contact', async (req, reply) => sendPage(reply, <ContactPage ctx={viewContext(req, reply)} form={emptyForm} />));

  app.post('/contact', { config: { rateLimit: { max: 5 * deps.config.rateLimitMultiplier, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const result = validateForm(contactSchema, readForm(req).fields);
    if (!result.ok) return sendPage(reply, <ContactPage ctx={viewContext(req, reply)} form={result.form} />, 422);
    const { website: _, ...input } = result.data;
    await sendContactMessage({ db, mailer: deps.mailer, now: deps.now(), baseUrl: deps.config.baseUrl, editorsEmail: deps.config.editorsEmail }, input);
    return redirectWithFlash(req, reply, '/contact', 'contact.sent');
  });

  app.get('/editor/inbox', async (req, reply) => {
    authorize(req, 'read:inbox');
    return sendPage(reply, <InboxPage ctx={viewContext(req, reply)} messages={await listMessages(db)} />);
  });

  app.post('/editor/inbox/:id/read', async (req, reply) => {
    const actor = authorize(req, 'read:inbox');
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
    await db.transaction().execute((trx) => markMessageRead(trx, id, { actorUserId: actor.id, now: deps.now() }));
    return redirectWithFlash(req, reply, '/editor/inbox', 'inbox.marked');
  });
}
