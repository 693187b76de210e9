/** Editable pages (about) and the "write to us" inbox: what other modules may use. */
export { savePage, type PageInput } from './commands/save-page.ts';
export { countUnreadMessages, getPage } from './queries.ts';
