/** The contributors registry: profiles, credits, and the standing every capability asks about. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { contributorEditorRoutes } from './editor-routes.tsx';
import { contributorRoutes } from './routes.tsx';

export { setCredits, setContributionsAccepted, type Credit } from './commands/credits.ts';
export { createContributor, findOrCreateContributorByEmail, updateContributor } from './commands/save-contributor.ts';
export { standingFrom, type Standing } from './domain/eligibility.ts';
export { getStanding, getStandingOfUser, listCredits, listContributorOptions, listPublicContributorSlugs } from './queries.ts';
export type { SubjectSummary } from './subjects.ts';

export { contributionSubjects } from './subjects.ts';

export function registerContributors(app: FastifyInstance, deps: AppDeps): void {
  contributorRoutes(app, deps);
  contributorEditorRoutes(app, deps);
}
