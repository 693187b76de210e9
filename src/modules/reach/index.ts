/**
 * Reach: feeds, search and sharing — what app.ts wires: the search sources, the hook that keeps
 * the index in step with publishing, and the comments feeds announced on piece pages.
 */
export { commentFeedsSection, searchIndexHook } from './piece-extensions.ts';
export { pieceSearchSource } from './piece-source.ts';
export type { SearchDocument, SearchSource } from './search-sources.ts';
export { indexDocuments, rebuildSearchIndex } from './commands/index-documents.ts';
export { searchTerms } from './domain/search-terms.ts';
