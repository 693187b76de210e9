/**
 * The kinds of contribution the registry knows how to name: credits on pieces (author, interviewee…),
 * talks at the evenings, approved responses to open challenges, accepted map entries and chapters
 * of the book. Other modules credit people with these kinds.
 */
export const CONTRIBUTION_KINDS = ['author', 'interviewee', 'interviewer', 'translator', 'illustrator', 'talk', 'response', 'map_entry', 'book_chapter'] as const;

export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Whether a stored kind is one the registry names (its label is `contributionKind.<kind>`). */
export function isContributionKind(kind: string): kind is ContributionKind {
  return (CONTRIBUTION_KINDS as readonly string[]).includes(kind);
}
