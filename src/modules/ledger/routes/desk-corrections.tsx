/** The ledger desk's corrections (a reversal, never an edit) and the accountant's FEC. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import type { ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { emptyForm, type FormState } from '../../../shared/views/form-fields.tsx';
import { reverseTransaction } from '../commands/reverse-transaction.ts';
import { MissingSirenError } from '../errors.ts';
import { transactionsToFec } from '../exports/fec.ts';
import { financialYear } from '../exports/period.ts';
import { ledgerPolicy } from '../policy.ts';
import { listTransactions } from '../queries/transactions.ts';
import { fecQuery, reverseSchema } from '../schemas.ts';
import { CorrectionsDeskPage } from '../views/desk-corrections.tsx';
import { exportContext } from './export-context.ts';

const CORRECTIONS = '/editor/ledger/corrections';

/** The association's SIREN, which names the FEC; without it there is no FEC to give. */
function sirenOf(deps: AppDeps): string {
  if (!deps.config.organisationSiren) throw new MissingSirenError();
  return deps.config.organisationSiren;
}

export const correctionsDeskRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  async function correctionsPage(req: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm, status = 200) {
    ledgerPolicy.authorize(req.actor, 'manage');
    return sendPage(reply, <CorrectionsDeskPage ctx={viewContext(req, reply)} reverseForm={form} fecYear={deps.now().getUTCFullYear()} sirenMissing={!deps.config.organisationSiren} />, status);
  }

  app.get(CORRECTIONS, async (req, reply) => correctionsPage(req, reply));

  const reverseForm: FormRenderer = (req, reply, { form, status }) => correctionsPage(req, reply, form, status);
  app.post(
    '/editor/ledger/reversals',
    { schema: { body: reverseSchema }, config: { authorize: (req) => ledgerPolicy.authorize(req.actor, 'manage'), form: reverseForm } },
    async (req, reply) => {
      await reverseTransaction({ db, actor: req.actor, now: deps.now() }, { transactionId: req.body.transaction_id, reason: req.body.reason });
      return redirectWithFlash(req, reply, CORRECTIONS, 'desk.reversed');
    },
  );

  // Without the association's SIREN there is no FEC: back to the desk, which says so.
  app.get(
    '/editor/ledger/fec',
    { schema: { querystring: fecQuery }, config: { authorize: (req) => ledgerPolicy.authorize(req.actor, 'exportAccounting'), back: () => CORRECTIONS } },
    async (req, reply) => {
      const siren = sirenOf(deps);
      const year = financialYear(req.query.year ?? deps.now().getUTCFullYear());
      const transactions = (await listTransactions(db, { from: year.from, to: year.to, limit: 10_000_000 })).filter(year.contains);
      const fec = transactionsToFec(transactions, await exportContext(db, 'fr', deps.config.currency), { siren, closingDate: `${year.year}-12-31` });
      return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${fec.filename}"`).send(fec.content);
    },
  );
};
