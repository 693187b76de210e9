/**
 * The ledger's routes: the public transparency page, every transaction and the open exports; the
 * team's desk (expenses, evenings, royalties, corrections and the FEC). What other modules show
 * on the transparency page comes in as options, wired by app.ts: counterparts in kind per
 * evening, the book's sales; and what closing an evening must wait for (outstanding checks).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { OutstandingCheck } from './commands/close-event-accounts.ts';
import type { BookReport, CounterpartProvider } from './queries/transparency.ts';
import { auditDeskRoutes } from './routes/desk-audit.tsx';
import { correctionsDeskRoutes } from './routes/desk-corrections.tsx';
import { eventsDeskRoutes } from './routes/desk-events.tsx';
import { expensesDeskRoutes } from './routes/desk-expenses.tsx';
import { royaltiesDeskRoutes } from './routes/desk-royalties.tsx';
import { publicLedgerRoutes } from './routes/public.tsx';

export interface LedgerPluginOptions {
  deps: AppDeps;
  /** What contributors received in kind per evening (ticketing's free seats). */
  counterparts: readonly CounterpartProvider[];
  /** What may still bring money to an evening or take it away (closing waits for it). */
  outstanding: readonly OutstandingCheck[];
  /** The book's paper sales, per title. */
  bookReports: readonly BookReport[];
}

export const ledgerPlugin: FastifyPluginAsync<LedgerPluginOptions> = async (app, { deps, counterparts, outstanding, bookReports }) => {
  await app.register(publicLedgerRoutes, { deps, extensions: { counterparts, bookReports } });
  await app.register(expensesDeskRoutes, { deps });
  await app.register(eventsDeskRoutes, { deps, outstanding });
  await app.register(royaltiesDeskRoutes, { deps });
  await app.register(correctionsDeskRoutes, { deps });
  await app.register(auditDeskRoutes, { deps });
};
