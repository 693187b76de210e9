/** Editable pages (about) and the "write to us" inbox. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { pageRoutes } from './routes.tsx';

export { savePage } from './commands.ts';
export { countUnreadMessages } from './queries.ts';

export function registerPages(app: FastifyInstance, deps: AppDeps): void {
  pageRoutes(app, deps);
}
