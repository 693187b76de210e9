/**
 * Versions of an organisation. Every accepted change stores the whole snapshot (not a patch), so
 * restoring any version is reading it back, and a vandalised field can never be lost: restoring
 * writes a new version equal to the old one, and the vandalism stays in the history.
 */
import { FIELD_ORDER, LIST_FIELDS, type FieldName, type OrganisationFields } from './organisation.ts';

export interface FieldChange {
  field: FieldName;
  before: OrganisationFields[FieldName] | undefined;
  after: OrganisationFields[FieldName] | undefined;
}

export interface Version {
  number: number;
  snapshot: OrganisationFields;
}

function sameValue(field: FieldName, a: unknown, b: unknown): boolean {
  if (LIST_FIELDS.has(field)) {
    const x = Array.isArray(a) ? [...a].map(String).sort() : [];
    const y = Array.isArray(b) ? [...b].map(String).sort() : [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** The fields that differ from `before` to `after`, in reading order (lists compared as sets). */
export function diffFields(before: Partial<OrganisationFields> | null, after: Partial<OrganisationFields>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELD_ORDER) {
    if (!(field in after)) continue;
    const b = before?.[field];
    const a = after[field];
    if (!sameValue(field, b, a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** A snapshot with its lists sorted and deduplicated: two equal organisations have equal snapshots. */
export function canonicalSnapshot(fields: OrganisationFields): OrganisationFields {
  const ids = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return {
    ...fields,
    theme_ids: ids(fields.theme_ids),
    model_ids: ids(fields.model_ids),
    piece_ids: ids(fields.piece_ids),
    licences: [...new Set(fields.licences.map((l) => l.trim()).filter(Boolean))].sort(),
  };
}

/** The number the next version takes. */
export function nextVersionNumber(versions: readonly { number: number }[]): number {
  return versions.reduce((max, v) => Math.max(max, v.number), 0) + 1;
}

/**
 * What restoring version `number` writes: its snapshot, as a new version. Undefined when there is
 * no such version, or when it is what the organisation already is (nothing to restore).
 */
export function restoreVersion(versions: readonly Version[], number: number): { snapshot: OrganisationFields; number: number } | undefined {
  const target = versions.find((v) => v.number === number);
  if (!target) return undefined;
  const latest = versions.reduce<Version | undefined>((l, v) => (!l || v.number > l.number ? v : l), undefined);
  if (latest && diffFields(latest.snapshot, target.snapshot).length === 0) return undefined;
  return { snapshot: target.snapshot, number: nextVersionNumber(versions) };
}

/**
 * A correction applied to an organisation: the proposal's fields replace the current ones, the
 * rest stays. The result is a full snapshot.
 */
export function applyCorrection(current: OrganisationFields, proposal: Partial<OrganisationFields>): OrganisationFields {
  const next: OrganisationFields = { ...current };
  for (const field of FIELD_ORDER) {
    if (field in proposal && proposal[field] !== undefined) (next as unknown as Record<string, unknown>)[field] = proposal[field];
  }
  return canonicalSnapshot(next);
}

function emptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * An incoming description of an existing organisation (a duplicate suggestion, an import row)
 * merged into it: a text or number the incoming side gives replaces the existing one, lists are
 * united, and what the incoming side leaves empty is kept. The slug and status never change.
 */
export function mergeFields(existing: OrganisationFields, incoming: Partial<OrganisationFields>): OrganisationFields {
  const next: Record<string, unknown> = { ...existing };
  for (const field of FIELD_ORDER) {
    if (field === 'slug' || field === 'status') continue;
    const value = incoming[field];
    if (emptyValue(value)) continue;
    if (LIST_FIELDS.has(field)) next[field] = [...(existing[field] as unknown[]), ...(value as unknown[])];
    else next[field] = value;
  }
  return canonicalSnapshot(next as unknown as OrganisationFields);
}
