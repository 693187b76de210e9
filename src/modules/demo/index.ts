/** The demo programme a brand-new embedded database starts with (README: the two commands). */
export { DEMO_ACCOUNTS, seedDemo } from './seed-demo.ts';
export { existingAccounts, isEmptyProgramme } from './queries.ts';
