import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.ts';
import { Layout } from './layout.tsx';

/** The back office: the same site chrome plus a section menu for editors. */
export function EditorLayout({ ctx, title, children }: { ctx: ViewContext; title: string; children: ComponentChildren }) {
  const { t } = ctx;
  const links: [string, string][] = ctx.user?.canEdit
    ? [
        ['/editor', t('editor.dashboard')],
        ['/editor/pieces', t('editor.pieces')],
        ['/editor/proposals', t('editor.proposals')],
        ['/editor/contributors', t('editor.contributors')],
        ['/editor/conversation', t('editor.conversation')],
        ['/editor/events', t('editor.events')],
        ['/editor/map', t('editor.map')],
        ['/editor/books', t('editor.books')],
        ['/editor/ledger', t('editor.ledger')],
        ['/editor/themes', t('editor.themes')],
        ['/editor/pages/about', t('editor.aboutPage')],
        ['/editor/inbox', t('editor.inbox')],
        ['/editor/users', t('editor.users')],
        ...(ctx.user.canSeeDeliveries ? ([['/editor/outbox', t('editor.outbox')]] as [string, string][]) : []),
        ['/studio', t('nav.studio')],
      ]
    : [['/studio', t('nav.studio')]];
  return (
    <Layout ctx={ctx} meta={{ title, noindex: true }}>
      <div class="editor-shell">
        <nav class="editor-nav" aria-label={t('editor.menu')}>
          <ul>
            {links.map(([href, label]) => (
              <li>
                <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="editor-main">
          <h1>{title}</h1>
          {children}
        </div>
      </div>
    </Layout>
  );
}
