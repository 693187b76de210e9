import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { Page } from '../../../shared/pagination.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { Pager } from '../../../shared/views/pager.tsx';
import { isHeldReason, type SentMentionStatus } from '../domain/statuses.ts';
import type { QueueItem } from '../queries.ts';

type QueueStatus = 'held' | 'spam' | 'published';

function Tabs({ ctx, current }: { ctx: ViewContext; current: QueueStatus | 'settings' | 'sent' }) {
  const { t } = ctx;
  const tabs: [string, string, string][] = [
    ['held', '/editor/conversation', t('conversation.queue.held')],
    ['spam', '/editor/conversation?status=spam', t('conversation.queue.spam')],
    ['published', '/editor/conversation?status=published', t('conversation.queue.published')],
    ['sent', '/editor/conversation/sent', t('conversation.sent.title')],
    ['settings', '/editor/conversation/settings', t('conversation.settings.title')],
  ];
  return (
    <nav class="tabs" aria-label={t('conversation.queue')}>
      <ul>
        {tabs.map(([key, href, label]) => (
          <li>
            <a href={href} aria-current={key === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Button({ ctx, action, label, secondary }: { ctx: ViewContext; action: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <button type="submit" class={secondary ? 'button-secondary' : undefined}>
        {label}
      </button>
    </form>
  );
}

/** The editors' queue: comments, responses and mentions waiting (or set aside as spam, or published). */
export function QueuePage(props: { ctx: ViewContext; status: QueueStatus; items: Page<QueueItem>; pieces: Map<number, { title: string; slug: string }> }) {
  const { ctx, status, pieces } = props;
  const items = props.items.rows;
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('conversation.queue')}>
      <Tabs ctx={ctx} current={status} />
      {items.length === 0 ? <p class="empty">{t('editor.nothing')}</p> : null}
      <ol class="queue-list">
        {items.map((item) => {
          const piece = pieces.get(item.piece_id);
          const base = `/editor/conversation/${item.type}/${item.id}`;
          return (
            <li>
              <article class="queue-item" id={`${item.type}-${item.id}`}>
                <p class="card-meta">
                  <span class="badge">{t(`conversation.type.${item.type}`)}</span>
                  {isHeldReason(item.held_reason) ? <span>{t(`conversation.heldReason.${item.held_reason}`)}</span> : null}
                  <time dateTime={item.created_at}>{formatDateTime(item.created_at, ctx.lang)}</time>
                </p>
                <h2>
                  {piece ? <a href={`/pieces/${piece.slug}`}>{piece.title}</a> : t('conversation.unpublishedPiece', { id: item.piece_id })}
                  {item.title ? ` — ${item.title}` : ''}
                </h2>
                <p>
                  <strong>{item.author_name}</strong>
                  {item.author_email ? <> &lt;{item.author_email}&gt;</> : null}
                  {item.author_website ? (
                    <>
                      {' · '}
                      <a href={item.author_website} rel="nofollow ugc noopener">
                        {item.author_website}
                      </a>
                    </>
                  ) : null}
                  {item.source_url ? (
                    <>
                      {' · '}
                      <a href={item.source_url} rel="nofollow ugc noopener">
                        {item.source_url}
                      </a>
                    </>
                  ) : null}
                </p>
                {item.body_html ? <div class="comment-body" dangerouslySetInnerHTML={{ __html: item.body_html }} /> : null}
                {item.excerpt ? <blockquote>{item.excerpt}</blockquote> : null}
                <p class="actions">
                  {item.status !== 'published' ? <Button ctx={ctx} action={`${base}/approve`} label={t('conversation.approve')} /> : null}{' '}
                  {item.status !== 'spam' ? <Button ctx={ctx} action={`${base}/spam`} label={t('conversation.markSpam')} secondary /> : null}{' '}
                  {item.type !== 'mention' ? <a href={`${base}/edit`}>{t('conversation.edit')}</a> : null}{' '}
                  <Button ctx={ctx} action={`${base}/delete`} label={t('conversation.delete')} secondary />
                </p>
              </article>
            </li>
          );
        })}
      </ol>
      <Pager ctx={ctx} page={props.items} path="/editor/conversation" params={{ status: status === 'held' ? undefined : status }} />
    </EditorLayout>
  );
}

/** An editor corrects a comment or a response. */
export function EditItemPage({ ctx, type, id, form }: { ctx: ViewContext; type: 'comment' | 'response'; id: number; form: FormState }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t(`conversation.editTitle.${type}`)}>
      <FormErrorSummary ctx={ctx} form={form} />
      <PostForm ctx={ctx} action={`/editor/conversation/${type}/${id}/edit`} label={t(`conversation.editTitle.${type}`)}>
        <TextField ctx={ctx} form={form} name="name" label={t('conversation.name')} required maxLength={80} />
        <TextField ctx={ctx} form={form} name="website" type="url" label={t('conversation.website')} maxLength={300} />
        {type === 'response' ? <TextField ctx={ctx} form={form} name="title" label={t('conversation.responseTitle')} required maxLength={200} /> : null}
        <TextArea ctx={ctx} form={form} name="body" label={t('conversation.text')} hint={t('conversation.markdownHint')} rows={12} required />
        <button type="submit">{t('piece.save')}</button>
      </PostForm>
    </EditorLayout>
  );
}

export function SettingsPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  const checked = (name: string) => form.values[name] === '1' || form.values[name] === 'on';
  return (
    <EditorLayout ctx={ctx} title={t('conversation.settings.title')}>
      <Tabs ctx={ctx} current="settings" />
      <FormErrorSummary ctx={ctx} form={form} />
      <PostForm ctx={ctx} action="/editor/conversation/settings" label={t('conversation.settings.title')}>
        <TextArea ctx={ctx} form={form} name="blocklist" label={t('conversation.settings.blocklist')} hint={t('conversation.settings.blocklistHint')} rows={10} />
        <div class="field">
          <label class="checkbox">
            <input type="checkbox" name="notify_authors" value="1" checked={checked('notify_authors')} /> {t('conversation.settings.notifyAuthors')}
          </label>
        </div>
        <div class="field">
          <label class="checkbox">
            <input type="checkbox" name="moderate_mentions" value="1" checked={checked('moderate_mentions')} /> {t('conversation.settings.moderateMentions')}
          </label>
        </div>
        <button type="submit">{t('piece.save')}</button>
      </PostForm>
    </EditorLayout>
  );
}

export function SentMentionsPage(props: {
  ctx: ViewContext;
  rows: { id: number; piece_id: number; target_url: string; status: SentMentionStatus; endpoint: string | null; http_status: number | null; error: string | null; attempts: number; updated_at: string }[];
  pieces: Map<number, { title: string; slug: string }>;
}) {
  const { ctx, rows, pieces } = props;
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('conversation.sent.title')}>
      <Tabs ctx={ctx} current="sent" />
      {rows.length === 0 ? (
        <p class="empty">{t('editor.nothing')}</p>
      ) : (
        <table class="data-table">
          <caption>{t('conversation.sent.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conversation.sent.piece')}</th>
              <th scope="col">{t('conversation.sent.target')}</th>
              <th scope="col">{t('conversation.sent.status')}</th>
              <th scope="col">{t('editor.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const piece = pieces.get(r.piece_id);
              return (
                <tr>
                  <td>{piece ? <a href={`/pieces/${piece.slug}`}>{piece.title}</a> : `#${r.piece_id}`}</td>
                  <td>
                    <a href={r.target_url} rel="nofollow noopener">
                      {r.target_url}
                    </a>
                  </td>
                  <td>
                    {t(`conversation.sent.${r.status}`)}
                    {r.http_status ? ` (HTTP ${r.http_status})` : ''}
                    {r.error ? <span class="muted"> — {r.error}</span> : null} · {t('conversation.sent.attempts', { count: r.attempts })}
                  </td>
                  <td>{formatDateTime(r.updated_at, ctx.lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </EditorLayout>
  );
}
