/** The transparent money: a double-entry ledger, the allocation rules, royalties, exports. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { ledgerDeskRoutes } from './desk-routes.tsx';
import { publicLedgerRoutes } from './public-routes.tsx';

export { postTransaction, IdempotencyConflictError } from './commands/post-transaction.ts';
export { assertEventOpen } from './commands/event-lock.ts';
export { credit, debit, reversalOf, type PostingLine, type TransactionDraft } from './domain/posting.ts';
export { formatCents, parseEuros, type Cents } from './domain/money.ts';
export { counterpartProviders, type CounterpartProvider } from './transparency.ts';
export { ledgerTotal, accountBalances } from './queries.ts';
export { rebuildLedgerBalances } from './commands/rebuild-balances.ts';

export function registerLedger(app: FastifyInstance, deps: AppDeps): void {
  publicLedgerRoutes(app, deps);
  ledgerDeskRoutes(app, deps);
}
