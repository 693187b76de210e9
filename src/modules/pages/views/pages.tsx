import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { Page } from '../../../shared/pagination.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { Layout } from '../../../shared/views/layout.tsx';
import { ListFilter, Pager } from '../../../shared/views/pager.tsx';
import type { InboxMessage } from '../queries.ts';

export function StaticPage({ ctx, title, html, path }: { ctx: ViewContext; title: string; html: string; path: string }) {
  return (
    <Layout ctx={ctx} meta={{ title, canonicalPath: path }}>
      <article class="piece">
        <h1>{title}</h1>
        <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
      </article>
    </Layout>
  );
}

export function PageEditor({ ctx, form, slug }: { ctx: ViewContext; form: FormState; slug: string }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('editor.aboutPage')}>
      <FormErrorSummary ctx={ctx} form={form} />
      <PostForm ctx={ctx} action={`/editor/pages/${slug}`} label={t('editor.aboutPage')}>
        <div class="two-columns">
          <div lang="fr">
            <h2>Français</h2>
            <TextField ctx={ctx} form={form} name="title_fr" label={t('piece.title')} required />
            <TextArea ctx={ctx} form={form} name="body_md_fr" label={t('piece.body')} hint={t('piece.bodyHint')} rows={20} required />
          </div>
          <div lang="en">
            <h2>English</h2>
            <TextField ctx={ctx} form={form} name="title_en" label={t('piece.title')} required />
            <TextArea ctx={ctx} form={form} name="body_md_en" label={t('piece.body')} hint={t('piece.bodyHint')} rows={20} required />
          </div>
        </div>
        <button type="submit">{t('piece.save')}</button>
      </PostForm>
    </EditorLayout>
  );
}

export function ContactPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('contact.title'), canonicalPath: '/contact' }}>
      <section class="narrow">
        <h1>{t('contact.title')}</h1>
        <p class="lede">{t('contact.intro')}</p>
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action="/contact" label={t('contact.title')}>
          <TextField ctx={ctx} form={form} name="name" label={t('proposal.name')} autocomplete="name" required maxLength={120} />
          <TextField ctx={ctx} form={form} name="email" type="email" label={t('accounts.email')} hint={t('contact.emailHint')} autocomplete="email" required />
          <TextField ctx={ctx} form={form} name="subject" label={t('contact.subject')} required maxLength={200} />
          <TextArea ctx={ctx} form={form} name="body" label={t('contact.message')} rows={8} required maxLength={10000} />
          <div class="hp-field" aria-hidden="true">
            <label for="f-website">Website</label>
            <input id="f-website" name="website" type="text" tabIndex={-1} autocomplete="off" />
          </div>
          <button type="submit">{t('contact.send')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

export function InboxPage({
  ctx,
  messages,
  q,
}: {
  ctx: ViewContext;
  messages: Page<InboxMessage>;
  q: string;
}) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('editor.inbox')}>
      <ListFilter ctx={ctx} path="/editor/inbox" q={q} label={t('inbox.filter')} />
      {messages.rows.length === 0 ? <p class="empty">{q ? t('list.empty') : t('editor.nothing')}</p> : null}
      {messages.rows.map((m) => (
        <article class={`message${m.read_at ? ' message-read' : ''}`}>
          <h2>{m.subject}</h2>
          <p class="muted">
            {m.name} · <a href={`mailto:${m.email}?subject=${encodeURIComponent(`Re: ${m.subject}`)}`}>{m.email}</a> · {formatDateTime(m.created_at, ctx.lang)}
          </p>
          <p class="pre-wrap">{m.body}</p>
          {m.read_at ? null : (
            <PostForm ctx={ctx} action={`/editor/inbox/${m.id}/read`} class="inline-form" label={t('inbox.markRead')}>
              <button type="submit" class="link-button">
                {t('inbox.markRead')}
              </button>
            </PostForm>
          )}
        </article>
      ))}
      <Pager ctx={ctx} page={messages} path="/editor/inbox" params={{ q }} />
    </EditorLayout>
  );
}
