import { isMessageKey, type Translate } from '../../../shared/i18n/index.ts';
import type { Cents } from '../../../shared/money.ts';
import { accountLabelKey, parseAccount } from '../domain/accounts.ts';
import { isLedgerCause } from '../domain/causes.ts';

/** An account as people read it ("Fonds visuels", "Droits dus au contributeur n° 7"). */
export function accountLabel(t: Translate, code: string): string {
  const parsed = parseAccount(code);
  if (!parsed) return code;
  return t(accountLabelKey(code), parsed.param !== undefined ? { id: parsed.param } : undefined);
}

/**
 * A transaction's label in the reader's language: the catalogue label the system wrote, or the
 * stored description (entries typed by hand, rows older than the stored labels).
 */
export function transactionLabel(t: Translate, tx: { description: string; label?: { key: string; params: Record<string, string | number> } | null }): string {
  return tx.label && isMessageKey(tx.label.key) ? t(tx.label.key, tx.label.params) : tx.description;
}

/** Why transactions were posted, as people read it ("Clôtures de soirées"); unknown causes read "other". */
export function causeLabel(t: Translate, cause: string): string {
  return isLedgerCause(cause) ? t(`ledger.cause.${cause}`) : t('ledger.cause.other');
}

export function transactionsHref(filter: { account?: string; accountPrefix?: string; event?: number; cause?: string }): string {
  const params = new URLSearchParams();
  if (filter.account) params.set('account', filter.account);
  if (filter.accountPrefix) params.set('prefix', filter.accountPrefix);
  if (filter.event !== undefined) params.set('event', String(filter.event));
  if (filter.cause) params.set('cause', filter.cause);
  const q = params.toString();
  return `/transparency/transactions${q ? `?${q}` : ''}`;
}

/** Where a closed evening's result went ("225,01 € aux visuels, 225,00 € à l’édition", or the deficit covered). */
export function closureSummary(t: Translate, money: (cents: Cents) => string, closure: { toVisuals: Cents; toBookEditing: Cents; deficit: Cents }): string {
  return closure.deficit > 0
    ? t('transparency.deficitCovered', { amount: money(closure.deficit) })
    : t('transparency.surplusSplit', { visuals: money(closure.toVisuals), book: money(closure.toBookEditing) });
}
