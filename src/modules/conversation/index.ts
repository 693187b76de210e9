/**
 * The conversation around published pieces: moderated comments and open-challenge responses,
 * webmentions and pingbacks received and sent — what other modules and app.ts may use. Routes and
 * effect handlers are in plugin.tsx.
 */
export { discussionSection } from './discussion-section.tsx';
export { webmentionHook } from './piece-hooks.ts';
export { responseSubjects } from './subjects.ts';
export { listPublishedComments, type PublicComment } from './queries.ts';
export { postComment, type CommentInput } from './commands/post-comment.ts';
export { postResponse, type ResponseInput } from './commands/post-response.ts';
export { approveItem } from './commands/approve-item.ts';
export { receiveMention, type MentionRequest } from './commands/receive-mention.ts';
export { announceMentionEndpoints } from './mention-endpoints.ts';
/** What an account's deletion erases here (a PersonErasure, wired in app.ts). */
export { eraseCommenter } from './commands/erase-commenter.ts';
