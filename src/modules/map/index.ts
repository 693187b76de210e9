/**
 * The collaborative map of organisations with an open business model — what other modules and
 * app.ts may use: how map entries appear on contributor pages, the search over organisations,
 * and the commands a seed or another module may call. Routes are in plugin.ts.
 */
export { organisationSubjects } from './subjects.ts';
export { MAP_ENTRY_KIND } from './commands/decide-suggestion.ts';
export { saveOrganisation, type SaveOrganisationInput } from './commands/save-organisation.ts';
export { importOrganisations, type ImportReport } from './commands/import-organisations.ts';
export { organisationSearchSource, type OrganisationHook } from './search-source.ts';
export type { OrganisationFields, LegalForm, SizeBand } from './domain/organisation.ts';
/** What an account's deletion erases here (a PersonErasure, wired in app.ts). */
export { eraseSuggester } from './commands/erase-suggester.ts';
