/** A revision is a snapshot of every editable field; comparing two tells who changed what. */
import type { Lang } from '../../../shared/i18n/index.ts';
import type { PieceKind } from './kinds.ts';

export interface PieceSnapshot {
  kind: PieceKind;
  title: string;
  slug: string;
  summary: string;
  body_md: string;
  language: Lang;
  licence: string;
  cover_media_id: number | null;
  cover_alt: string;
  themes: number[];
  credits: { contributorId: number; kind: string }[];
}

export const SNAPSHOT_FIELDS: readonly (keyof PieceSnapshot)[] = [
  'kind', 'title', 'slug', 'summary', 'body_md', 'language', 'licence', 'cover_media_id', 'cover_alt', 'themes', 'credits',
];

/** The empty value of a field's type: a first revision lists only fields that hold something. */
function emptyLike(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (typeof value === 'string') return '';
  return null;
}

/** The fields that differ between two snapshots (the first revision changes every non-empty field). */
export function changedFields(before: PieceSnapshot | null, after: PieceSnapshot): (keyof PieceSnapshot)[] {
  return SNAPSHOT_FIELDS.filter((f) => {
    if (!before) return JSON.stringify(after[f]) !== JSON.stringify(emptyLike(after[f]));
    const a = f === 'themes' ? [...before.themes].sort() : before[f];
    const b = f === 'themes' ? [...after.themes].sort() : after[f];
    return JSON.stringify(a) !== JSON.stringify(b);
  });
}

export function parseSnapshot(json: string): PieceSnapshot {
  return JSON.parse(json) as PieceSnapshot;
}
