import type { ViewContext } from '../../../shared/views/context.ts';
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
