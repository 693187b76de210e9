/**
 * Contributions point at things other modules own (pieces, talks; map entries and book chapters
 * later). The contributors module never reads their tables: app.ts fills one registry with each
 * owner's resolver and hands it to the contributors plugin (docs/decisions/009-module-shape.md).
 */
import type { Executor } from '../../db/database.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';

/** What a contributor page shows of a subject. */
export interface SubjectSummary {
  id: number;
  title: string;
  url: string;
  /** A short label of the subject's kind ("kind.article", "events.talk"). */
  kindKey: MessageKey;
  date: string | null;
}

/** Public summaries of the subjects of one type among `ids`; subjects not publicly visible are left out. */
export type SubjectResolver = (db: Executor, ids: number[], now: Date) => Promise<SubjectSummary[]>;

/** The subjects' resolvers by subject type ('piece', 'event'), filled by app.ts. */
export class SubjectRegistry {
  private readonly resolvers = new Map<string, SubjectResolver>();

  register(subjectType: string, resolver: SubjectResolver): void {
    this.resolvers.set(subjectType, resolver);
  }

  /** Public summaries by `type:id`; subjects of an unknown type, or not public, are left out. */
  async resolve(db: Executor, refs: { subjectType: string; subjectId: number }[], now: Date): Promise<Map<string, SubjectSummary>> {
    const byType = new Map<string, number[]>();
    for (const r of refs) byType.set(r.subjectType, [...(byType.get(r.subjectType) ?? []), r.subjectId]);
    const out = new Map<string, SubjectSummary>();
    for (const [type, ids] of byType) {
      const resolver = this.resolvers.get(type);
      if (!resolver) continue;
      for (const s of await resolver(db, [...new Set(ids)], now)) out.set(`${type}:${s.id}`, s);
    }
    return out;
  }
}

/** One line of a contributor's page: what they did, when it was accepted, and on what. */
export interface ContributionItem {
  kind: string;
  acceptedAt: string | null;
  subject: SubjectSummary;
}
