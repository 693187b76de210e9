/**
 * Publishing: pieces of four kinds, their editorial workflow, revisions, public proposals and
 * themes — what other modules may use. Routes and effect handlers are in plugin.ts.
 */
export { listPublicPieces, listPublishedPieces, nextScheduledPublication, pieceMediaShown, listPublishedRefs, type CreditView, type PieceCard, type PublicPiece, type PublishedFilter, type ThemeView } from './queries.ts';
export { listThemes } from './queries/themes.ts';
export type { PieceChange, PieceHook, PieceSection, PieceSectionOutput, SectionPiece } from './piece-extensions.ts';
export { savePiece, type PieceInput, type SavePieceInput } from './commands/save-piece.ts';
export { transitionPiece, type TransitionInput } from './commands/transition-piece.ts';
export { proposePiece, type ProposalInput } from './commands/propose-piece.ts';
export { acceptProposal } from './commands/accept-proposal.ts';
export { saveTheme, type ThemeInput } from './commands/save-theme.ts';
export { kindPath, PIECE_KINDS, type PieceKind } from './domain/kinds.ts';
export type { PieceStatus, WorkflowAction } from './domain/workflow.ts';
export { pieceSubjects } from './subjects.ts';
/** What an account's deletion erases here (a PersonErasure, wired in app.ts). */
export { eraseProposer } from './commands/erase-proposer.ts';
