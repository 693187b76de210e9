import type { PieceKind } from '../../../db/schema.ts';

export const PIECE_KINDS: readonly PieceKind[] = ['article', 'interview', 'case_study', 'challenge'];

/** Kinds in URLs read as plural words: /kinds/case-studies. */
const kindPaths: Record<PieceKind, string> = {
  article: 'articles',
  interview: 'interviews',
  case_study: 'case-studies',
  challenge: 'challenges',
};

export function kindPath(kind: PieceKind): string {
  return kindPaths[kind];
}

export function kindFromPath(path: string): PieceKind | undefined {
  return PIECE_KINDS.find((k) => kindPaths[k] === path);
}

/** Credit roles each kind expects; the first is the default for a new credit. */
export const CREDIT_ROLES = ['author', 'interviewee', 'interviewer', 'translator', 'illustrator'] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];
