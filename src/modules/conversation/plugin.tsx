/**
 * The conversation: comment and response forms, the webmention and pingback endpoints, the editors'
 * moderation desk, and the outbox handlers of its effects (authors' emails, verifying mentions,
 * sending webmentions). What it adds to piece pages is wired by app.ts (index.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { handleConversationEffects } from './effect-handlers.ts';
import { conversationDeskRoutes } from './routes/desk.tsx';
import { mentionRoutes } from './routes/mentions.ts';
import { publicConversationRoutes } from './routes/public.tsx';

export const conversationPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers }> = async (app, { deps, effects }) => {
  handleConversationEffects(effects, deps);
  publicConversationRoutes(app, deps);
  mentionRoutes(app, deps);
  conversationDeskRoutes(app, deps);
};
