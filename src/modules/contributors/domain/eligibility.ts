/**
 * The one rule every later capability asks: is this person a contributor of the programme, and
 * with what? A contribution counts once it has been accepted (its piece published, its map entry
 * approved, its talk given…) and the acceptance date has come.
 */
export interface ContributionFact {
  kind: string;
  subjectType: string;
  subjectId: number;
  acceptedAt: string | null;
}

export interface Standing {
  isContributor: boolean;
  /** Accepted contributions, newest first. */
  contributions: ContributionFact[];
  /** How many accepted contributions of each kind ("author": 3, "talk": 1…). */
  countsByKind: Record<string, number>;
}

export function isAccepted(c: ContributionFact, now: Date): boolean {
  return c.acceptedAt !== null && c.acceptedAt <= now.toISOString();
}

/** Folds contribution records into a standing; pure, so eligibility rules are tested without a database. */
export function standingFrom(contributions: readonly ContributionFact[], now: Date): Standing {
  const accepted = contributions
    .filter((c) => isAccepted(c, now))
    .sort((a, b) => (b.acceptedAt ?? '').localeCompare(a.acceptedAt ?? ''));
  const countsByKind: Record<string, number> = {};
  for (const c of accepted) countsByKind[c.kind] = (countsByKind[c.kind] ?? 0) + 1;
  return { isContributor: accepted.length > 0, contributions: accepted, countsByKind };
}
