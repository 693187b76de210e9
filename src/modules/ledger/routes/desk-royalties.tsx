/** The ledger desk's royalties: what each contributor is owed, paying them, and their statements. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import type { FormState } from '../../../shared/views/form-fields.tsx';
import { payRoyalties } from '../commands/pay-royalties.ts';
import { ledgerPolicy } from '../policy.ts';
import { listRoyalties, listRoyaltyRecipients, royaltyStatement } from '../queries/royalties.ts';
import { payoutSchema, statementQuery } from '../schemas.ts';
import { RoyaltiesDeskPage, StatementPage } from '../views/desk-royalties.tsx';
import { newFormKey } from './form-key.ts';

const PAYOUTS = '/editor/ledger/payouts';
const DAY_MS = 24 * 3600 * 1000;

export const royaltiesDeskRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const manage = (req: FastifyRequest) => ledgerPolicy.authorize(req.actor, 'manage');

  async function royaltiesPage(req: FastifyRequest, reply: FastifyReply, payoutForm?: FormState, status = 200) {
    ledgerPolicy.authorize(req.actor, 'manage');
    return sendPage(reply, <RoyaltiesDeskPage ctx={viewContext(req, reply)} royalties={await listRoyalties(db)} payoutForm={payoutForm ?? { values: { key: newFormKey() }, errors: {} }} />, status);
  }

  app.get(PAYOUTS, async (req, reply) => royaltiesPage(req, reply));

  // Never more than owed: the refusal is shown next to the amount.
  const payoutForm: FormRenderer = (req, reply, { form, status }) => royaltiesPage(req, reply, form, status);
  app.post(PAYOUTS, { schema: { body: payoutSchema }, config: { authorize: manage, form: payoutForm } }, async (req, reply) => {
    await payRoyalties({ db, actor: req.actor, now: deps.now() }, { contributorId: req.body.contributor_id, amount: req.body.amount, key: req.body.key });
    return redirectWithFlash(req, reply, PAYOUTS, 'desk.payoutRecorded');
  });

  app.get('/editor/ledger/royalties/:id', { schema: { params: idParams, querystring: statementQuery }, config: { authorize: manage } }, async (req, reply) => {
    const person = (await listRoyaltyRecipients(db)).get(req.params.id);
    if (!person) throw new NotFoundError();
    const year = deps.now().getUTCFullYear();
    const from = req.query.from ?? `${year}-01-01`;
    const to = req.query.to ?? `${year}-12-31`;
    // `to` is inclusive for people: up to the end of that day.
    const statement = await royaltyStatement(db, person.id, new Date(from).toISOString(), new Date(Date.parse(to) + DAY_MS).toISOString());
    return sendPage(reply, <StatementPage ctx={viewContext(req, reply)} name={person.name} from={from} to={to} statement={statement} contributorId={person.id} />);
  });
};
