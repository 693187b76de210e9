import type { ViewContext } from '../../../shared/views/context.ts';
import { PostForm } from '../../../shared/views/form-fields.tsx';
import { Layout } from '../../../shared/views/layout.tsx';

export function ThanksView({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout ctx={ctx} meta={{ title: ctx.t('propose.thanksTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{ctx.t('propose.thanksTitle')}</h1>
        <p>{ctx.t('propose.thanksBody')}</p>
        <p>
          <a href="/">{ctx.t('errors.backHome')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** The page the receipt's link opens: confirming is an explicit POST (a link scanner confirms nothing). */
export function ConfirmProposalPage({ ctx, proposal, token, done }: { ctx: ViewContext; proposal: { id: number; title: string }; token: string; done: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('proposal.confirmTitle'), noindex: true }}>
      <section class="narrow">
        <h1>{t('proposal.confirmTitle')}</h1>
        {done ? (
          <p role="status">{t('proposal.confirmed')}</p>
        ) : (
          <>
            <p>{t('proposal.confirmIntro', { title: proposal.title })}</p>
            <PostForm ctx={ctx} action={`/proposals/${proposal.id}/confirm`} label={t('proposal.confirmTitle')}>
              <input type="hidden" name="token" value={token} />
              <button type="submit">{t('proposal.confirmButton')}</button>
            </PostForm>
          </>
        )}
      </section>
    </Layout>
  );
}
