/** The admins' page of deliveries in trouble: dead letters and effects that keep failing. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { redirectWithFlash, sendPage, viewContext } from '../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../shared/http/route-schema.ts';
import { dismissEffect, retryEffect } from './commands/manage-effects.ts';
import { outboxPolicy } from './policy.ts';
import { listTroubledEffects, outboxCounts } from './queries.ts';
import { OutboxPage } from './views/outbox-page.tsx';
import { DEFAULT_WORKER_OPTIONS } from './worker.ts';

export const outboxPlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const back = () => '/editor/outbox';

  app.get('/editor/outbox', async (req, reply) => {
    outboxPolicy.authorize(req.actor, 'manage');
    const [effects, counts] = await Promise.all([listTroubledEffects(db), outboxCounts(db)]);
    return sendPage(reply, <OutboxPage ctx={viewContext(req, reply)} effects={effects} counts={counts} maxAttempts={DEFAULT_WORKER_OPTIONS.maxAttempts} />);
  });

  app.post('/editor/outbox/:id/retry', { schema: { params: idParams }, config: { back } }, async (req, reply) => {
    const actor = outboxPolicy.authorize(req.actor, 'manage');
    await retryEffect({ db, actor, now: deps.now() }, { effectId: req.params.id });
    return redirectWithFlash(req, reply, back(), 'outbox.retried');
  });

  app.post('/editor/outbox/:id/dismiss', { schema: { params: idParams }, config: { back } }, async (req, reply) => {
    const actor = outboxPolicy.authorize(req.actor, 'manage');
    await dismissEffect({ db, actor, now: deps.now() }, { effectId: req.params.id });
    return redirectWithFlash(req, reply, back(), 'outbox.dismissed');
  });
};
