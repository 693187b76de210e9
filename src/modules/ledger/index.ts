/** The transparent money: a double-entry ledger, the allocation rules, royalties, exports. */

export { postTransaction, IdempotencyConflictError } from './commands/post-transaction.ts';
export { assertEventOpen } from './commands/event-lock.ts';
export { credit, debit, reversalOf, type PostingLine, type TransactionDraft } from './domain/posting.ts';
export { formatCents, parseEuros, type Cents } from './domain/money.ts';
export { counterpartProviders, type CounterpartProvider } from './transparency.ts';
export { ledgerTotal, accountBalances } from './queries.ts';
export { rebuildLedgerBalances } from './commands/rebuild-balances.ts';

