/** Editable pages (about) and the "write to us" inbox: what other modules may use. */
export { savePage, type PageInput } from './commands/save-page.ts';
export { sendContactMessage, type ContactInput } from './commands/send-contact-message.ts';
export { countUnreadMessages, getPage } from './queries.ts';
/** What an account's deletion erases here (a PersonErasure, wired in app.ts). */
export { eraseCorrespondent } from './commands/erase-correspondent.ts';
