// TRANSITIONAL: wraps the old route registrars until the module is converted (issue 7).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { contributorEditorRoutes } from './editor-routes.tsx';
import { contributorRoutes } from './routes.tsx';
import type { SubjectRegistry } from './subjects.ts';

export const contributorsPlugin: FastifyPluginAsync<{ deps: AppDeps; subjects: SubjectRegistry }> = async (app, { deps }) => {
  contributorRoutes(app, deps);
  contributorEditorRoutes(app, deps);
};
