/**
 * Contributions point at things other modules own (pieces today; map entries, talks and book
 * chapters later). Each module registers how to show its subjects, so the registry never reaches
 * into another module's tables.
 */
import type { Executor } from '../../db/database.ts';

export interface SubjectSummary {
  id: number;
  title: string;
  url: string;
  /** A short label of the subject's kind, as an i18n key ("kind.article"). */
  kindKey: string;
  date: string | null;
}

export type SubjectResolver = (db: Executor, ids: number[], now: Date) => Promise<SubjectSummary[]>;

export class SubjectRegistry {
  private readonly resolvers = new Map<string, SubjectResolver>();

  register(subjectType: string, resolver: SubjectResolver): void {
    this.resolvers.set(subjectType, resolver);
  }

  /** Public summaries of the subjects; subjects not publicly visible are left out. */
  async resolve(db: Executor, refs: { subjectType: string; subjectId: number }[], now: Date) {
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

/** Other modules register how their subjects appear on contributor pages. */
export const contributionSubjects = new SubjectRegistry();
