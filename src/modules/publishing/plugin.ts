/**
 * Publishing's routes and effect handlers: the public pages and the proposal form, the writing
 * space (/studio), the editors' desk for pieces and proposals, and the themes editor.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { handlePublishingEffects } from './effects.ts';
import { deskRoutes } from './routes/desk.tsx';
import { publicRoutes } from './routes/public.tsx';
import { studioRoutes } from './routes/studio.tsx';
import { themeRoutes } from './routes/themes.tsx';

export const publishingPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers }> = async (app, { deps, effects }) => {
  handlePublishingEffects(effects, deps);
  await app.register(publicRoutes, { deps });
  await app.register(studioRoutes, { deps });
  await app.register(deskRoutes, { deps });
  await app.register(themeRoutes, { deps });
};
