/** The four kinds of piece, their words in URLs, and the credit roles a piece may give. */

export const PIECE_KINDS = ['article', 'interview', 'case_study', 'challenge'] as const;
export type PieceKind = (typeof PIECE_KINDS)[number];

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

/** Whether a stored credit kind is one a piece gives (its label is `credit.<role>`). */
export function isCreditRole(kind: string): kind is CreditRole {
  return (CREDIT_ROLES as readonly string[]).includes(kind);
}

/** The only licence pieces are published under, for now. */
export const PIECE_LICENCES = ['CC-BY-SA-4.0'] as const;
