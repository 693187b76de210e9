import type { Translate } from '../../../shared/i18n/index.ts';
import { accountLabelKey, parseAccount } from '../domain/accounts.ts';

/** An account as people read it ("Fonds visuels", "Droits dus au contributeur n° 7"). */
export function accountLabel(t: Translate, code: string): string {
  const parsed = parseAccount(code);
  if (!parsed) return code;
  return t(accountLabelKey(code), parsed.param !== undefined ? { id: parsed.param } : undefined);
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
