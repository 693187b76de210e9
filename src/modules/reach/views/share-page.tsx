import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';

/**
 * Sharing on the reader's own Mastodon instance without the page's script: the link to their
 * instance's share page, shown rather than followed (no open redirect through this site).
 */
export function MastodonSharePage({ ctx, text, host, shareUrl }: { ctx: ViewContext; text: string; host: string | null; shareUrl: string | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('reach.share.title'), noindex: true }}>
      <section class="narrow">
        <h1>{t('reach.share.title')}</h1>
        {host && shareUrl ? (
          <p>
            <a class="button" href={shareUrl} rel="noopener">
              {t('reach.share.continue', { host })}
            </a>
          </p>
        ) : (
          <>
            <p class="field-error" role="alert">
              {t('reach.share.instanceInvalid')}
            </p>
            <form class="mastodon-share" method="get" action="/share/mastodon">
              <input type="hidden" name="text" value={text} />
              <label for="mastodon-instance">{t('reach.share.mastodonInstance')}</label>{' '}
              <input id="mastodon-instance" name="instance" type="text" inputMode="url" placeholder="mastodon.social" maxLength={253} required />{' '}
              <button type="submit">{t('reach.share.onMastodon')}</button>
            </form>
          </>
        )}
        <blockquote>{text}</blockquote>
      </section>
    </Layout>
  );
}
