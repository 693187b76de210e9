import type { ViewContext } from '../../../shared/views/context.ts';
import { FormErrorSummary, PostForm, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { Layout } from '../../../shared/views/layout.tsx';

interface FormPiece {
  slug: string;
  title: string;
}

/** Hidden from people by the stylesheet; a robot that fills it in is refused. */
function Honeypot() {
  return (
    <div class="hp-field" aria-hidden="true">
      <label for="f-company">Company</label>
      <input id="f-company" name="company" type="text" tabIndex={-1} autocomplete="off" />
    </div>
  );
}

function PersonFields({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <>
      <TextField ctx={ctx} form={form} name="name" label={t('conversation.name')} autocomplete="name" required maxLength={80} />
      <TextField ctx={ctx} form={form} name="email" type="email" label={t('conversation.email')} hint={t('conversation.emailHint')} autocomplete="email" required />
      <TextField ctx={ctx} form={form} name="website" type="url" label={t('conversation.website')} hint={t('conversation.websiteHint')} autocomplete="url" maxLength={300} />
    </>
  );
}

/** Leave a comment (or a reply): the form says the email is never published and which fields are required. */
export function CommentFormPage(props: {
  ctx: ViewContext;
  piece: FormPiece;
  replyTo: { id: number; author_name: string; body_html: string } | null;
  form: FormState;
  /** The signed time the form is shown. */
  stamp: string;
}) {
  const { ctx, piece, replyTo, form } = props;
  const { t } = ctx;
  const title = replyTo ? t('conversation.replyTo', { name: replyTo.author_name }) : t('conversation.leaveComment');
  return (
    <Layout ctx={ctx} meta={{ title: `${title} — ${piece.title}`, noindex: true }}>
      <section class="narrow comment-form-page">
        <h1>{title}</h1>
        <p class="lede">
          {t('conversation.onPiece')} <a href={`/pieces/${piece.slug}`}>{piece.title}</a>
        </p>
        {replyTo ? (
          <blockquote class="reply-context">
            <p class="muted">{replyTo.author_name}</p>
            <div dangerouslySetInnerHTML={{ __html: replyTo.body_html }} />
          </blockquote>
        ) : null}
        <p class="form-note">{t('conversation.privacyNote')}</p>
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action={`/pieces/${piece.slug}/comments`} label={title}>
          <input type="hidden" name="started" value={props.stamp} />
          {replyTo ? <input type="hidden" name="parent_id" value={String(replyTo.id)} /> : null}
          <PersonFields ctx={ctx} form={form} />
          <TextArea ctx={ctx} form={form} name="body" label={t('conversation.text')} hint={t('conversation.markdownHint')} rows={8} required maxLength={5000} />
          <Honeypot />
          <button type="submit">{t('conversation.publishComment')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

/** Answer an open challenge: a title and a longer text, read by an editor before it is published. */
export function ResponseFormPage(props: { ctx: ViewContext; piece: FormPiece; form: FormState; stamp: string }) {
  const { ctx, piece, form } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: `${t('conversation.respond')} — ${piece.title}`, noindex: true }}>
      <section class="narrow comment-form-page">
        <h1>{t('conversation.respond')}</h1>
        <p class="lede">
          {t('conversation.onPiece')} <a href={`/pieces/${piece.slug}`}>{piece.title}</a>
        </p>
        <p>{t('conversation.responseIntro')}</p>
        <p class="form-note">{t('conversation.privacyNote')}</p>
        <FormErrorSummary ctx={ctx} form={form} />
        <PostForm ctx={ctx} action={`/pieces/${piece.slug}/responses`} label={t('conversation.respond')}>
          <input type="hidden" name="started" value={props.stamp} />
          <PersonFields ctx={ctx} form={form} />
          <TextField ctx={ctx} form={form} name="title" label={t('conversation.responseTitle')} required maxLength={200} />
          <TextArea ctx={ctx} form={form} name="body" label={t('conversation.responseBody')} hint={t('conversation.markdownHint')} rows={16} required maxLength={20000} />
          <Honeypot />
          <button type="submit">{t('conversation.sendResponse')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
