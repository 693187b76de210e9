// TRANSITIONAL: wraps the old route registrar until the module is converted (issue 7).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { registerMedia } from './routes.ts';

export const mediaPlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  registerMedia(app, deps);
};
