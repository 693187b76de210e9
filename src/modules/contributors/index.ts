/** The contributors registry: profiles, credits, and the standing every capability asks about. */

export { setCredits, setContributionsAccepted, type Credit } from './commands/credits.ts';
export { createContributor, findOrCreateContributorByEmail, updateContributor } from './commands/save-contributor.ts';
export { standingFrom, type Standing } from './domain/eligibility.ts';
export { getStanding, getStandingOfUser, listCredits, listContributorOptions, listPublicContributorSlugs } from './queries.ts';
export type { SubjectSummary } from './subjects.ts';

export { contributionSubjects, SubjectRegistry, type SubjectResolver } from './subjects.ts';

