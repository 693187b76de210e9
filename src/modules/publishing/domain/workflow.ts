/**
 * The editorial workflow as data: draft → submitted → in review → published or rejected.
 * Authors move their own pieces into the queue; editors move them through it. Scheduled
 * publication is a published piece whose date lies ahead: it appears when the date comes.
 */
import { InvalidTransitionError } from '../../../shared/errors.ts';

export const PIECE_STATUSES = ['draft', 'submitted', 'in_review', 'published', 'rejected'] as const;
export type PieceStatus = (typeof PIECE_STATUSES)[number];

export const WORKFLOW_ACTIONS = ['submit', 'start_review', 'publish', 'reject', 'withdraw'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface WorkflowRole {
  /** The actor may edit any piece (editor or admin). */
  isEditor: boolean;
  /** The actor created the piece or is credited on it. */
  isOwner: boolean;
}

interface Transition {
  from: readonly PieceStatus[];
  to: PieceStatus;
  who: 'owner_or_editor' | 'editor';
}

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { from: ['draft', 'rejected'], to: 'submitted', who: 'owner_or_editor' },
  start_review: { from: ['submitted'], to: 'in_review', who: 'editor' },
  publish: { from: ['submitted', 'in_review'], to: 'published', who: 'editor' },
  reject: { from: ['submitted', 'in_review'], to: 'rejected', who: 'editor' },
  withdraw: { from: ['published'], to: 'draft', who: 'editor' },
};

function allowed(role: WorkflowRole, who: Transition['who']): boolean {
  return role.isEditor || (who === 'owner_or_editor' && role.isOwner);
}

/** The status a piece moves to, or an InvalidTransitionError when the move is not allowed. */
export function nextStatus(current: PieceStatus, action: WorkflowAction, role: WorkflowRole): PieceStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current) || !allowed(role, transition.who)) {
    throw new InvalidTransitionError(current, action);
  }
  return transition.to;
}

/** The actions to offer on a piece, in workflow order. */
export function availableActions(current: PieceStatus, role: WorkflowRole): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(current) && allowed(role, TRANSITIONS[a].who));
}

/** Content may change while a piece is with its author; once in the queue, only editors change it. */
export function canEditContent(current: PieceStatus, role: WorkflowRole): boolean {
  return role.isEditor || (role.isOwner && (current === 'draft' || current === 'rejected'));
}

/** Whether the public can read a piece now. */
export function isPubliclyVisible(piece: { status: PieceStatus; published_at: string | null }, now: Date): boolean {
  return piece.status === 'published' && piece.published_at !== null && piece.published_at <= now.toISOString();
}

export type PublicationState = PieceStatus | 'scheduled';

/** The state shown to editors: a published piece with a future date reads "scheduled". */
export function publicationState(piece: { status: PieceStatus; published_at: string | null }, now: Date): PublicationState {
  if (piece.status === 'published' && !isPubliclyVisible(piece, now)) return 'scheduled';
  return piece.status;
}
