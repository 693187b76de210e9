/** The ledger desk's evenings: their figures, closing their accounts, and the rule that splits surpluses. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import type { FormState } from '../../../shared/views/form-fields.tsx';
import { closeEventAccounts, type OutstandingCheck } from '../commands/close-event-accounts.ts';
import { setVisualsSplit } from '../commands/set-visuals-split.ts';
import { ledgerPolicy } from '../policy.ts';
import { listEventFinancials } from '../queries/events.ts';
import { visualsBasisPoints } from '../queries/settings.ts';
import { splitSchema } from '../schemas.ts';
import { EventsDeskPage } from '../views/desk-events.tsx';

const EVENTS_DESK = '/editor/ledger/events';

export const eventsDeskRoutes: FastifyPluginAsync<{ deps: AppDeps; outstanding: readonly OutstandingCheck[] }> = async (fastify, { deps, outstanding }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const closeEvent = (req: FastifyRequest) => ledgerPolicy.authorize(req.actor, 'closeEvent');

  async function eventsPage(req: FastifyRequest, reply: FastifyReply, splitForm?: FormState, status = 200) {
    const actor = ledgerPolicy.authorize(req.actor, 'viewDesk');
    const [events, basisPoints] = await Promise.all([listEventFinancials(db), visualsBasisPoints(db)]);
    return sendPage(
      reply,
      <EventsDeskPage
        ctx={viewContext(req, reply)}
        events={events}
        visualsPercent={basisPoints / 100}
        splitForm={splitForm ?? { values: { visuals_percent: String(basisPoints / 100) }, errors: {} }}
        canClose={ledgerPolicy.can(actor, 'closeEvent')}
        now={deps.now()}
      />,
      status,
    );
  }

  app.get(EVENTS_DESK, async (req, reply) => eventsPage(req, reply));

  // Refused while expenses, reservations or refunds of the evening are pending: back, saying so.
  app.post('/editor/ledger/events/:id/close', { schema: { params: idParams }, config: { authorize: closeEvent, back: () => EVENTS_DESK } }, async (req, reply) => {
    await closeEventAccounts({ db, actor: req.actor, now: deps.now() }, { eventId: req.params.id, outstanding });
    return redirectWithFlash(req, reply, EVENTS_DESK, 'desk.eventClosed');
  });

  const splitForm: FormRenderer = (req, reply, { form, status }) => eventsPage(req, reply, form, status);
  app.post('/editor/ledger/split', { schema: { body: splitSchema }, config: { authorize: closeEvent, form: splitForm } }, async (req, reply) => {
    await setVisualsSplit({ db, actor: req.actor, now: deps.now() }, { basisPoints: req.body.basisPoints });
    return redirectWithFlash(req, reply, EVENTS_DESK, 'desk.splitSaved');
  });
};
