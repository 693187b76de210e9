/**
 * The contributors registry: profiles, credits, and the standing every capability asks about.
 * Other modules credit people on their subjects and ask "is this person a contributor?"; app.ts
 * fills a SubjectRegistry with how their subjects appear on a contributor's page.
 */
export { claimProfileByEmail } from './commands/claim-profile-by-email.ts';
export { createContributor } from './commands/create-contributor.ts';
export { findOrCreateContributorByEmail } from './commands/find-or-create-contributor-by-email.ts';
export { setContributionsAccepted } from './commands/set-contributions-accepted.ts';
export { setCredits, type Credit } from './commands/set-credits.ts';
export { updateContributor } from './commands/update-contributor.ts';
export { isContributionKind, type ContributionKind } from './domain/contribution-kinds.ts';
export { standingFrom, type ContributionFact, type Standing } from './domain/eligibility.ts';
export type { ContributorLink } from './domain/links.ts';
export type { ContributorInput } from './profile.ts';
export { contributorExists, contributorPhotoShown, getStanding, getStandingOfUser, listContributorOptions, listCreditableContributors, listCredits, listPublicContributorSlugs } from './queries.ts';
export { SubjectRegistry, type SubjectResolver, type SubjectSummary } from './subjects.ts';
