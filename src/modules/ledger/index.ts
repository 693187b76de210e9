/** The transparent money: a double-entry ledger, the allocation rules, royalties, exports. */

export { postTransaction, IdempotencyConflictError } from './commands/post-transaction.ts';
export { assertEventOpen } from './commands/event-lock.ts';
export { credit, debit, reversalOf, type PostingLine, type TransactionDraft } from './domain/posting.ts';
export { formatCents, parseEuros, type Cents } from '../../shared/money.ts';
export type { CounterpartProvider } from './transparency.ts';
export { ledgerTotal, accountBalances } from './queries.ts';
export { rebuildLedgerBalances } from './commands/rebuild-balances.ts';

export { bookTicketPayment, bookTicketRefund, type BookedMoney, type MoneyChannel, type TicketPayment, type TicketRefund } from './commands/ticket-money.ts';
export { closeEventAccounts, type OutstandingCheck, type OutstandingMoney } from './commands/close-event-accounts.ts';
export { isEventClosed } from './queries.ts';
export { EventAccountsClosedError } from './errors.ts';
