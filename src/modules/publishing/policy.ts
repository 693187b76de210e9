/**
 * Who may do what with pieces, proposals and themes. Roles grant the coarse permissions
 * (shared/permissions.ts); these rules add what depends on the piece: its owner — the account that
 * created it or a contributor credited on it — writes it while it is a draft or sent back, and
 * sends it to the editors; editors change and move any piece.
 */
import type { Actor } from '../../shared/actor.ts';
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';
import { canEditContent, type PieceStatus, type WorkflowRole } from './domain/workflow.ts';

/** What the rules need to know of a piece. */
export interface PieceOwnership {
  status: PieceStatus;
  created_by: number | null;
  credits: readonly { contributorId: number }[];
}

function owns(actor: Actor, piece: PieceOwnership): boolean {
  return piece.created_by === actor.id || (actor.contributorId !== null && piece.credits.some((c) => c.contributorId === actor.contributorId));
}

/** The actor's part in a piece's workflow: editors move any piece, owners send theirs to the editors. */
export function workflowRole(actor: Actor, piece: PieceOwnership): WorkflowRole {
  return { isEditor: hasPermission(actor, 'publish:piece'), isOwner: hasPermission(actor, 'write:piece:own') && owns(actor, piece) };
}

export const publishingPolicy = definePolicy({
  /** Write pieces of one's own in the studio. */
  write: (actor) => hasPermission(actor, 'write:piece:own'),
  /** See a piece in the studio (its form, preview, revisions) and move it through the workflow. */
  open: (actor, piece: PieceOwnership) => hasPermission(actor, 'edit:piece:any') || (hasPermission(actor, 'write:piece:own') && owns(actor, piece)),
  /** Change a piece's content: editors always, its owner while it is a draft or was sent back. */
  edit: (actor, piece: PieceOwnership) =>
    canEditContent(piece.status, { isEditor: hasPermission(actor, 'edit:piece:any'), isOwner: hasPermission(actor, 'write:piece:own') && owns(actor, piece) }),
  /** The editors' desk: the queue, the schedule, every piece. */
  editAny: (actor) => hasPermission(actor, 'edit:piece:any'),
  /** Bring an older revision of a piece back. */
  restore: (actor) => hasPermission(actor, 'edit:piece:any'),
  /** Read, accept and decline the public's proposals. */
  reviewProposals: (actor) => hasPermission(actor, 'review:proposal'),
  manageThemes: (actor) => hasPermission(actor, 'manage:themes'),
});
