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
export { contributorExists, contributorPhotoShown, creditsSubquery, getContributorOptions, getStanding, getStandingOfUser, listCreditableContributors, listCredits, listPublicContributorSlugs, searchContributorOptions } from './queries.ts';
export { SubjectRegistry, type SubjectResolver, type SubjectSummary } from './subjects.ts';
/** On one's own account page: contributions and the public profile's form; what an account's deletion erases of the profile. */
export { ownProfileSection } from './account-section.tsx';
export { eraseContributor } from './commands/erase-contributor.ts';
