import { inTransaction, type CommandContext, type TxContext } from '../../../shared/command.ts';
import type { SearchDocument, SearchSource } from '../search-sources.ts';

/** Writes one document (and its tags) into the index, replacing what was there; the full-text index follows by trigger or generated column. */
export async function storeDocument(ctx: TxContext, input: { source: string; document: SearchDocument }): Promise<void> {
  const { document: d } = input;
  const values = {
    url: d.url,
    title: d.title,
    summary: d.summary,
    body: d.body,
    authors: d.authors.map((a) => a.name).join(', '),
    authors_json: JSON.stringify(d.authors),
    content_html: d.contentHtml,
    kind: d.kind,
    language: d.language,
    licence: d.licence,
    published_at: d.publishedAt,
    updated_at: d.updatedAt,
    indexed_at: ctx.now.toISOString(),
  };
  const { id } = await ctx.db
    .insertInto('search_documents')
    .values({ source: input.source, source_id: d.sourceId, ...values })
    .onConflict((oc) => oc.columns(['source', 'source_id']).doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.deleteFrom('search_tags').where('document_id', '=', id).execute();
  const tags = [...new Set(d.tags)];
  if (tags.length) await ctx.db.insertInto('search_tags').values(tags.map((tag) => ({ document_id: id, tag }))).execute();
}

/**
 * Brings documents of a source up to date in the index: those still public are written again,
 * the others (withdrawn, deleted) are taken out. Called when a piece is published, updated or
 * withdrawn (a hook publishing calls through the outbox).
 */
export async function indexDocuments(ctx: CommandContext, input: { source: SearchSource; ids: number[] }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const documents = await input.source.get(tx.db, tx.now, input.ids);
    for (const document of documents) await storeDocument(tx, { source: input.source.name, document });
    const gone = input.ids.filter((id) => !documents.some((d) => d.sourceId === id));
    if (gone.length) await tx.db.deleteFrom('search_documents').where('source', '=', input.source.name).where('source_id', 'in', gone).execute();
  });
}

/**
 * Indexes every public document of a source again, page by page (one transaction a page), then
 * removes documents the pass did not see. Run at start when the source was never indexed.
 */
export async function rebuildSearchIndex(ctx: CommandContext, input: { source: SearchSource; pageSize?: number }): Promise<number> {
  const started = ctx.now.toISOString();
  const pageSize = input.pageSize ?? 500;
  let afterId = 0;
  let count = 0;
  for (;;) {
    const page = await inTransaction(ctx, async (tx) => {
      const documents = await input.source.list(tx.db, tx.now, afterId, pageSize);
      for (const document of documents) await storeDocument(tx, { source: input.source.name, document });
      return documents;
    });
    count += page.length;
    if (page.length < pageSize) break;
    afterId = page[page.length - 1]!.sourceId;
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom('search_documents').where('source', '=', input.source.name).where('indexed_at', '<', started).execute();
    await tx.db
      .insertInto('search_sources')
      .values({ source: input.source.name, built_at: started })
      .onConflict((oc) => oc.column('source').doUpdateSet({ built_at: started }))
      .execute();
  });
  return count;
}
