import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import type { PieceDiscussion, PublicComment, PublicResponse } from '../queries.ts';
import { Avatar, AuthorName } from './avatar.tsx';

interface DiscussionProps {
  ctx: ViewContext;
  piece: { id: number; slug: string; kind: string };
  discussion: PieceDiscussion;
  /** An editor is reading: moderation buttons beside each item. */
  canModerate: boolean;
}

/** A button of the moderation desk, shown on the piece's page to editors; comes back here afterwards. */
function ModerationButton({ ctx, action, label, next, fields = {} }: { ctx: ViewContext; action: string; label: string; next: string; fields?: Record<string, string> }) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="next" value={next} />
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="link-button">
        {label}
      </button>
    </form>
  );
}

function ItemTools({ ctx, type, id, next, children }: { ctx: ViewContext; type: 'comment' | 'response' | 'mention'; id: number; next: string; children?: ComponentChildren }) {
  const { t } = ctx;
  return (
    <p class="moderation-tools">
      {children}
      {type !== 'mention' ? <a href={`/editor/conversation/${type}/${id}/edit`}>{t('conversation.edit')}</a> : null}{' '}
      <ModerationButton ctx={ctx} action={`/editor/conversation/${type}/${id}/spam`} label={t('conversation.markSpam')} next={next} />{' '}
      <ModerationButton ctx={ctx} action={`/editor/conversation/${type}/${id}/delete`} label={t('conversation.delete')} next={next} />
    </p>
  );
}

function Byline({ ctx, name, website, at }: { ctx: ViewContext; name: string; website: string | null; at: string | null }) {
  return (
    <header class="byline">
      <Avatar name={name} />
      <span>
        <AuthorName name={name} website={website} />
        {at ? (
          <>
            {' · '}
            <time dateTime={at}>{formatDateTime(at, ctx.lang)}</time>
          </>
        ) : null}
      </span>
    </header>
  );
}

function Comment({ ctx, comment, replies, props }: { ctx: ViewContext; comment: PublicComment; replies: PublicComment[]; props: DiscussionProps }) {
  const { t } = ctx;
  const { slug } = props.piece;
  const next = `/pieces/${slug}#comment-${comment.id}`;
  return (
    <li>
      <article class="comment" id={`comment-${comment.id}`}>
        <Byline ctx={ctx} name={comment.author_name} website={comment.author_website} at={comment.published_at} />
        <div class="comment-body" dangerouslySetInnerHTML={{ __html: comment.body_html }} />
        {comment.parent_id === null && !props.discussion.closed ? (
          <p class="comment-reply">
            <a href={`/pieces/${slug}/comment?reply=${comment.id}`}>{t('conversation.reply')}</a>
          </p>
        ) : null}
        {props.canModerate ? <ItemTools ctx={ctx} type="comment" id={comment.id} next={next} /> : null}
      </article>
      {replies.length ? (
        <ol class="comment-replies">
          {replies.map((r) => (
            <Comment ctx={ctx} comment={r} replies={[]} props={props} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function Response({ ctx, response, props }: { ctx: ViewContext; response: PublicResponse; props: DiscussionProps }) {
  const { t } = ctx;
  const next = `/pieces/${props.piece.slug}#response-${response.id}`;
  return (
    <li>
      <article class={`response${response.featured ? ' response-featured' : ''}`} id={`response-${response.id}`}>
        <h3>
          {response.title}
          {response.featured ? <span class="badge">{t('conversation.featured')}</span> : null}
        </h3>
        <Byline ctx={ctx} name={response.author_name} website={response.author_website} at={response.published_at} />
        <div class="comment-body" dangerouslySetInnerHTML={{ __html: response.body_html }} />
        {props.canModerate ? (
          <ItemTools ctx={ctx} type="response" id={response.id} next={next}>
            <ModerationButton
              ctx={ctx}
              action={`/editor/conversation/responses/${response.id}/feature`}
              label={response.featured ? t('conversation.unfeature') : t('conversation.feature')}
              next={next}
              fields={{ featured: response.featured ? '0' : '1' }}
            />{' '}
          </ItemTools>
        ) : null}
      </article>
    </li>
  );
}

/** Under a piece: responses to a challenge (featured first), mentions from other sites, and comments with their replies. */
export function DiscussionSection(props: DiscussionProps) {
  const { ctx, piece, discussion } = props;
  const { t } = ctx;
  const threads = discussion.comments.filter((c) => c.parent_id === null);
  const repliesOf = (id: number) => discussion.comments.filter((c) => c.parent_id === id);
  const isChallenge = piece.kind === 'challenge';
  return (
    <section class="discussion" id="discussion" aria-label={t('conversation.discussion')}>
      {isChallenge ? (
        <section id="responses" aria-labelledby="responses-heading">
          <h2 id="responses-heading">{t('conversation.responses', { count: discussion.responses.length })}</h2>
          {discussion.responses.length ? (
            <ol class="response-list">
              {discussion.responses.map((r) => (
                <Response ctx={ctx} response={r} props={props} />
              ))}
            </ol>
          ) : (
            <p class="empty">{t('conversation.noResponse')}</p>
          )}
          {discussion.closed ? null : (
            <p>
              <a class="button" href={`/pieces/${piece.slug}/respond`}>
                {t('conversation.respond')}
              </a>
            </p>
          )}
        </section>
      ) : null}

      {discussion.mentions.length ? (
        <section id="mentions" aria-labelledby="mentions-heading">
          <h2 id="mentions-heading">{t('conversation.mentions', { count: discussion.mentions.length })}</h2>
          <ol class="mention-list">
            {discussion.mentions.map((m) => {
              const who = m.author_name ?? new URL(m.source_url).host;
              return (
                <li id={`mention-${m.id}`}>
                  <article class="mention">
                    <Byline ctx={ctx} name={who} website={m.author_url} at={m.verified_at} />
                    <p>
                      {t(`conversation.mentionKind.${m.kind}`)}{' '}
                      <a href={m.source_url} rel="nofollow ugc noopener">
                        {m.title ?? new URL(m.source_url).host}
                      </a>
                      {m.protocol === 'pingback' ? <span class="badge">pingback</span> : null}
                    </p>
                    {m.excerpt ? <blockquote class="mention-excerpt">{m.excerpt}</blockquote> : null}
                    {props.canModerate ? <ItemTools ctx={ctx} type="mention" id={m.id} next={`/pieces/${piece.slug}#mentions`} /> : null}
                  </article>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      <section id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t('conversation.comments', { count: discussion.comments.length })}</h2>
        {threads.length ? (
          <ol class="comment-list">
            {threads.map((c) => (
              <Comment ctx={ctx} comment={c} replies={repliesOf(c.id)} props={props} />
            ))}
          </ol>
        ) : (
          <p class="empty">{t('conversation.noComment')}</p>
        )}
        {discussion.closed ? (
          <p class="discussion-closed">{t('conversation.closed')}</p>
        ) : (
          <div class="leave-comment">
            <h3>{t('conversation.leaveComment')}</h3>
            <p class="muted">{t('conversation.privacyNote')}</p>
            <p>
              <a class="button" href={`/pieces/${piece.slug}/comment`}>
                {t('conversation.writeComment')}
              </a>
            </p>
          </div>
        )}
        {props.canModerate ? (
          <p class="moderation-tools">
            <ModerationButton
              ctx={ctx}
              action={`/editor/conversation/pieces/${piece.id}/closed`}
              label={discussion.closed ? t('conversation.openComments') : t('conversation.closeComments')}
              next={`/pieces/${piece.slug}#comments`}
              fields={{ closed: discussion.closed ? '0' : '1' }}
            />{' '}
            <a href="/editor/conversation">{t('conversation.queue')}</a>
          </p>
        ) : null}
      </section>
    </section>
  );
}
