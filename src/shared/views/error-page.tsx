import type { ViewContext } from './context.ts';
import { Layout } from './layout.tsx';

export function ErrorPage({ ctx, status, message }: { ctx: ViewContext; status: number; message: string }) {
  const title = status === 404 ? ctx.t('errors.notFoundTitle') : ctx.t('errors.title');
  return (
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <section class="error-page">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">{ctx.t('errors.backHome')}</a>
        </p>
      </section>
    </Layout>
  );
}
