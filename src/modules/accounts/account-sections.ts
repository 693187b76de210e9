/**
 * What other modules add to a person's own account page, through an extension point app.ts fills
 * (docs/decisions/009): tickets, the contributor profile, the book's royalty statement. The types
 * live in shared/account-extensions.ts (contributors provides a section and is used by accounts).
 */
export type { AccountSection, ErasedPerson, PersonErasure } from '../../shared/account-extensions.ts';
