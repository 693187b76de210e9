/**
 * Publishing's routes and effect handlers: the public pages and the proposal form, the writing
 * space (/studio), the editors' desk for pieces and proposals, and the themes editor.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { handlePublishingEffects } from './effects.ts';
import type { HomeSection } from './home-extensions.ts';
import type { PieceHook, PieceSection } from './piece-extensions.ts';
import { deskRoutes } from './routes/desk.tsx';
import { publicRoutes } from './routes/public.tsx';
import { studioRoutes } from './routes/studio.tsx';
import { themeRoutes } from './routes/themes.tsx';

export interface PublishingPluginOptions {
  deps: AppDeps;
  effects: EffectHandlers;
  /** What other modules draw under a piece's page (app.ts lists them). */
  pieceSections?: readonly PieceSection[];
  /** Who is told when a piece is published, updated or withdrawn (app.ts lists them). */
  pieceHooks?: readonly PieceHook[];
  /** What other modules highlight on the home page: the next evening, the book (app.ts lists them). */
  homeSections?: readonly HomeSection[];
}

export const publishingPlugin: FastifyPluginAsync<PublishingPluginOptions> = async (app, { deps, effects, pieceSections = [], pieceHooks = [], homeSections = [] }) => {
  handlePublishingEffects(effects, deps, pieceHooks);
  await app.register(publicRoutes, { deps, pieceSections, homeSections });
  await app.register(studioRoutes, { deps });
  await app.register(deskRoutes, { deps });
  await app.register(themeRoutes, { deps });
};
