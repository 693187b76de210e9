/** The full audit of the books, line by line, for admins: what the transparency page's running totals rest on. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { sendPage, viewContext } from '../../../shared/http/page.ts';
import { ledgerPolicy } from '../policy.ts';
import { balanceCheck, ledgerTotal } from '../queries/balances.ts';
import { AuditDeskPage } from '../views/desk-audit.tsx';

export const auditDeskRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get('/editor/ledger/audit', { config: { authorize: (req) => ledgerPolicy.authorize(req.actor, 'audit') } }, async (req, reply) => {
    // Elapsed time of the check itself, as the admin waited for it (not the app's clock, which tests fix).
    const started = performance.now();
    const [audit, check] = await Promise.all([ledgerTotal(db), balanceCheck(db)]);
    const ms = performance.now() - started;
    return sendPage(reply, <AuditDeskPage ctx={viewContext(req, reply)} result={{ total: audit.total, unbalanced: audit.unbalanced, lines: check.lines, ms }} />);
  });
};
