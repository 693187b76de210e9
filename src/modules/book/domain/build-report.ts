/**
 * What a build tells the editor: every problem it found, each naming the chapter (and the image)
 * it is about. An error stops the build (the files of the previous build stay in place); a warning
 * leaves a complete book and says what was left out or changed.
 */
export const BUILD_ISSUES = {
  empty: 'error',
  tooManyChapters: 'error',
  pieceDeleted: 'error',
  pieceUnpublished: 'error',
  revisionMissing: 'error',
  imageMissing: 'error',
  coverMissing: 'error',
  pdfFailed: 'error',
  interrupted: 'error',
  imageExternal: 'warning',
  imageUnsupported: 'warning',
  noContributors: 'warning',
  charactersRemoved: 'warning',
  linksDropped: 'warning',
  nestingFlattened: 'warning',
  emptyChapter: 'warning',
  longBook: 'warning',
  pdfWarning: 'warning',
} as const;

export type BuildIssueCode = keyof typeof BUILD_ISSUES;

export interface BuildIssue {
  code: BuildIssueCode;
  /** The chapter's title, when the issue is about one. */
  chapter?: string;
  /** Its position in the book (1-based), when about a chapter. */
  position?: number;
  /** The image's source as written in the chapter. */
  image?: string;
  /** A count, a revision number or the engine's own message. */
  detail?: string;
}

/** Most chapters a book may have: a longer one is refused by the build, with this number. */
export const MAX_CHAPTERS = 10_000;
/** From this many chapters on, the build warns (the PDF runs to thousands of pages). */
export const LONG_BOOK_CHAPTERS = 1_000;

export function isError(issue: BuildIssue): boolean {
  return BUILD_ISSUES[issue.code] === 'error';
}

export function hasErrors(issues: readonly BuildIssue[]): boolean {
  return issues.some(isError);
}
