/**
 * Authors of the book's chapters are credited in the contributors' registry: one contribution of
 * kind `book_chapter` per author and chapter, on the subject `book_chapter` (the entry's id),
 * accepted when a build including it succeeds.
 */
export const BOOK_CHAPTER_SUBJECT = 'book_chapter';
export const BOOK_CHAPTER_KIND = 'book_chapter';
