/** The royalty statement on a contributor's own account page: what the book's sales credited them, what was paid, what is owed. */
import { formatDate } from '../../../shared/i18n/index.ts';
import { formatCents } from '../../../shared/money.ts';
import type { ViewContext } from '../../../shared/views/context.ts';

export interface RoyaltyStatementView {
  credited: number;
  paid: number;
  owed: number;
  books: { title: string; slug: string; copies: number; weight: number; totalWeight: number }[];
  /** What was paid to them, newest first. */
  payouts: { transactionId: number; date: string; amount: number }[];
}

export function RoyaltySection({ ctx, statement }: { ctx: ViewContext; statement: RoyaltyStatementView }) {
  const { t, lang } = ctx;
  const money = (c: number) => formatCents(c, lang);
  return (
    <section class="narrow" aria-labelledby="royalties-heading">
      <h2 id="royalties-heading">{t('book.royalties.title')}</h2>
      <dl class="facts">
        <dt>{t('book.royalties.credited')}</dt>
        <dd>{money(statement.credited)}</dd>
        <dt>{t('book.royalties.paid')}</dt>
        <dd>{money(statement.paid)}</dd>
        <dt>{t('book.royalties.owed')}</dt>
        <dd>
          <strong>{money(statement.owed)}</strong>
        </dd>
      </dl>
      {statement.books.length ? (
        <ul class="plain-list">
          {statement.books.map((b) => (
            <li>
              <a href={`/book/${b.slug}`}>{b.title}</a> — {t('book.royalties.share', { weight: b.weight, total: b.totalWeight, copies: b.copies })}
            </li>
          ))}
        </ul>
      ) : null}
      {statement.payouts.length ? (
        <>
          <h3 id="payouts-heading">{t('book.royalties.payouts')}</h3>
          <ul aria-labelledby="payouts-heading">
            {statement.payouts.map((p) => (
              <li>
                <a href={`/transparency/transactions/${p.transactionId}`}>
                  {formatDate(p.date, lang)} — {money(p.amount)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="hint">{t('book.royalties.hint')}</p>
    </section>
  );
}
