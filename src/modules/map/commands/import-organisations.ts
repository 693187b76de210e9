import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { DuplicateIndex } from '../domain/duplicate-index.ts';
import { isConfidentDuplicate } from '../domain/duplicates.ts';
import { fieldsFromInput, foundedYearPossible, type OrganisationFields } from '../domain/organisation.ts';
import { diffFields, mergeFields } from '../domain/versioning.ts';
import type { Geocoder } from '../gazetteer.ts';
import { readImportFile, type ImportFileProblem, type ImportRecord } from '../open-data.ts';
import { getOrganisationFields, listAllForDuplicates } from '../queries/organisations.ts';
import { loadVocabulary } from '../queries/vocabulary.ts';
import { organisationSchema } from '../schemas.ts';
import { writeOrganisation } from './write-organisation.ts';
import { isMessageKey, type MessageKey } from '../../../shared/i18n/index.ts';

export type ImportOutcome = 'create' | 'merge' | 'unchanged' | 'reject';

export interface ImportRowReport {
  where: ImportRecord['where'];
  name: string;
  outcome: ImportOutcome;
  /** The existing organisation a merge goes into (or the row created earlier in the same file). */
  target?: { slug: string; name: string };
  errors: { field: string; key: MessageKey }[];
}

export interface ImportReport {
  applied: boolean;
  problem: ImportFileProblem | null;
  rows: ImportRowReport[];
  counts: Record<ImportOutcome, number>;
}

export interface ImportInput {
  filename: string;
  data: Uint8Array;
  /** false: a dry run that writes nothing and reports what would happen. */
  apply: boolean;
  /** Rows without coordinates are placed from their city (the offline gazetteer: an import never waits on a network). */
  locate: Geocoder;
}

/** Import columns holding slugs, and the form field that takes their ids. */
const LIST_COLUMNS = { themes: 'themes', business_models: 'models' } as const;

interface PlannedRow {
  report: ImportRowReport;
  fields?: OrganisationFields;
  /** Existing organisation id, or the index of an earlier row of the file. */
  into?: { id: number } | { row: number };
}

const splitList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : (v ?? '').split(/[;,]/)).map((s) => s.trim().toLowerCase()).filter(Boolean);

/**
 * An editor imports organisations from a CSV or GeoJSON file. Each row is validated like the
 * editors' form, placed (its coordinates, or its city through the gazetteer), and compared with
 * the map: the same slug, or a confident duplicate (a similar name within 0.4 km, or the same name
 * and website), is merged into the existing organisation; anything else is created; a row with
 * errors is rejected with one message per field. The dry run reports that and writes nothing;
 * applying writes every accepted row in one transaction — all of it or, on any failure, none.
 */
export async function importOrganisations(ctx: CommandContext, input: ImportInput): Promise<ImportReport> {
  const file = readImportFile(input.filename, input.data);
  const counts: Record<ImportOutcome, number> = { create: 0, merge: 0, unchanged: 0, reject: 0 };
  if (!file.ok) return { applied: false, problem: file.problem, rows: [], counts };

  return inTransaction(ctx, async (tx) => {
    const vocabulary = await loadVocabulary(tx.db, tx.now);
    const ids = {
      themes: new Map(vocabulary.themes.map((t) => [t.slug, t.id])),
      business_models: new Map(vocabulary.models.map((m) => [m.slug, m.id])),
    };
    const pieceIds = new Map(vocabulary.pieces.map((p) => [p.slug, p.id]));
    const existing = await listAllForDuplicates(tx.db);
    const bySlug = new Map(existing.map((o) => [o.slug, o]));
    const index = new DuplicateIndex(existing);
    const planned: PlannedRow[] = [];
    const fileSlugs = new Map<string, number>();

    for (const record of file.records) {
      const v = record.values;
      const name = (Array.isArray(v.name) ? v.name[0] : v.name) ?? '';
      const errors: ImportRowReport['errors'] = [];
      const form: Record<string, string | string[]> = {
        name,
        slug: v.slug ?? '',
        description_md: v.description ?? '',
        website: v.website ?? '',
        logo_url: v.logo ?? '',
        legal_form: v.legal_form ?? '',
        licences: v.licences ?? '',
        founded_year: v.founded_year ?? '',
        size_band: v.size_band ?? '',
        address: v.address ?? '',
        city: v.city ?? '',
        country: v.country ?? '',
        lat: v.lat ?? '',
        lng: v.lng ?? '',
        contact_email: v.contact_email ?? '',
        case_studies: v.case_studies ?? '',
        status: 'published',
      };
      for (const [column, field] of Object.entries(LIST_COLUMNS) as [keyof typeof LIST_COLUMNS, string][]) {
        const slugs = splitList(v[column]);
        const found = slugs.map((s) => ids[column].get(s));
        if (found.some((x) => x === undefined)) errors.push({ field: column, key: 'map.import.unknownSlugs' });
        form[field] = found.filter((x): x is number => x !== undefined).map(String);
      }
      const parsed = organisationSchema.safeParse(form);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '_form');
          if (!errors.some((e) => e.field === field)) errors.push({ field, key: isMessageKey(issue.message) ? issue.message : 'errors.invalid' });
        }
      }
      const report: ImportRowReport = { where: record.where, name, outcome: 'reject', errors };
      if (!parsed.success || errors.length) {
        planned.push({ report });
        continue;
      }
      const row = parsed.data;
      const pieces = row.case_studies.map((slug) => pieceIds.get(slug));
      if (pieces.some((id) => id === undefined)) errors.push({ field: 'case_studies', key: 'map.import.unknownSlugs' });
      if (!foundedYearPossible(row.founded_year, tx.now)) errors.push({ field: 'founded_year', key: 'map.errors.yearFuture' });
      const place = row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : await input.locate(row.city, row.country);
      if (!place) errors.push({ field: 'city', key: 'map.errors.unknownCity' });
      if (errors.length || !place) {
        planned.push({ report });
        continue;
      }
      const fields = fieldsFromInput(row, place, { slug: row.slug, piece_ids: pieces.filter((id): id is number => id !== undefined), status: 'published' });
      // The same slug (in the map or earlier in the file), else a confident duplicate: a merge.
      const sameSlugRow = row.slug ? fileSlugs.get(row.slug) : undefined;
      const sameSlug = row.slug ? bySlug.get(row.slug) : undefined;
      const duplicate = sameSlugRow === undefined && !sameSlug ? index.find({ name: row.name, website: row.website, lat: place.lat, lng: place.lng }).find(isConfidentDuplicate) : undefined;
      const position = planned.length;
      if (sameSlugRow !== undefined) {
        report.outcome = 'merge';
        report.target = { slug: row.slug, name: planned[sameSlugRow]!.report.name };
        planned.push({ report, fields, into: { row: sameSlugRow } });
      } else if (sameSlug || duplicate) {
        const targetId = sameSlug?.id ?? duplicate!.id;
        if (targetId < 0) {
          // A row created earlier in this file.
          const earlier = -targetId - 1;
          report.outcome = 'merge';
          report.target = { slug: planned[earlier]!.fields!.slug, name: planned[earlier]!.report.name };
          planned.push({ report, fields, into: { row: earlier } });
        } else {
          const target = sameSlug ?? existing.find((o) => o.id === targetId)!;
          const current = await getOrganisationFields(tx.db, targetId);
          const { id: _id, version: _v, ...before } = current!;
          report.outcome = diffFields(before, mergeFields(before, fields)).length ? 'merge' : 'unchanged';
          report.target = { slug: target.slug, name: target.name };
          planned.push({ report, fields, into: { id: targetId } });
        }
      } else {
        report.outcome = 'create';
        planned.push({ report, fields });
        // Later rows of the file may duplicate this one: indexed under a negative id (its row).
        index.add({ id: -(position + 1), name: row.name, website: row.website, lat: place.lat, lng: place.lng });
        if (row.slug) fileSlugs.set(row.slug, position);
      }
    }

    for (const p of planned) counts[p.report.outcome] += 1;
    const report = (applied: boolean): ImportReport => ({ applied, problem: null, rows: planned.map((p) => p.report), counts });
    if (!input.apply) return report(false);

    const createdIds = new Map<number, number>();
    for (const [i, p] of planned.entries()) {
      if (!p.fields || p.report.outcome === 'unchanged' || p.report.outcome === 'reject') continue;
      if (!p.into) {
        const written = await writeOrganisation(tx, { organisationId: null, fields: p.fields, note: `import ${input.filename}` });
        createdIds.set(i, written.id);
      } else {
        const id = 'id' in p.into ? p.into.id : createdIds.get(p.into.row)!;
        const current = await getOrganisationFields(tx.db, id);
        const { id: _id, version: _v, ...before } = current!;
        await writeOrganisation(tx, { organisationId: id, fields: mergeFields(before, p.fields), note: `import ${input.filename}` });
      }
    }
    await audit(tx, { action: 'map.import.applied', subjectType: 'map_import', subjectId: null, data: { file: input.filename, ...counts } });
    return report(true);
  });
}
