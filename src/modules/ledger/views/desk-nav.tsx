import type { ViewContext } from '../../../shared/views/context.ts';

/** The ledger desk's sub-sections (the book's desk, /editor/ledger/books, is the book module's). */
export function DeskNav({ ctx }: { ctx: ViewContext }) {
  const links: [string, string][] = [
    ['/editor/ledger', ctx.t('desk.expenses')],
    ['/editor/ledger/events', ctx.t('desk.events')],
    ['/editor/ledger/books', ctx.t('desk.books')],
    ['/editor/ledger/payouts', ctx.t('desk.royalties')],
    ['/editor/ledger/corrections', ctx.t('desk.corrections')],
  ];
  return (
    <nav class="tabs" aria-label={ctx.t('desk.menu')}>
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
  );
}
