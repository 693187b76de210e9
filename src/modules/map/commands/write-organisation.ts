import type { TxContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { markdownToText, renderMarkdown } from '../../../shared/markdown.ts';
import { slugAlternatives, slugify } from '../../../shared/slug.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { foldText, normaliseName } from '../domain/normalise.ts';
import { foundedYearPossible, type OrganisationFields } from '../domain/organisation.ts';
import { canonicalSnapshot, diffFields } from '../domain/versioning.ts';
import { organisationChanged } from '../effects.ts';
import { FoundedInFutureError, SlugTakenError, StaleVersionError } from '../errors.ts';
import { getOrganisationFields, takenSlugs } from '../queries/organisations.ts';
import { checkReferences } from './check-references.ts';

export interface WriteOrganisationInput {
  /** null: a new organisation. */
  organisationId: number | null;
  fields: OrganisationFields;
  /** Why (shown in the history). */
  note: string;
  suggestionId?: number | null;
  /** The version the editor's form showed: refused if someone saved since (no silent overwrite). */
  expectedVersion?: number | undefined;
}

export interface Written {
  id: number;
  slug: string;
  /** The version written, or the current one when nothing changed. */
  number: number;
  changed: boolean;
}

/** A slug nobody else has: the one asked for (refused if taken), or one made from the name. */
async function settleSlug(tx: TxContext, fields: OrganisationFields, exceptId: number | null): Promise<string> {
  if (fields.slug) {
    if ((await takenSlugs(tx.db, [fields.slug], exceptId)).size) throw new SlugTakenError(fields.slug);
    return fields.slug;
  }
  const base = slugify(fields.name) || 'organisation';
  let candidates = [base, ...slugAlternatives(base, new Set(), 20)];
  for (let round = 0; round < 50; round++) {
    const taken = await takenSlugs(tx.db, candidates, exceptId);
    const free = candidates.find((c) => !taken.has(c));
    if (free) return free;
    candidates = slugAlternatives(base, new Set([...taken, ...candidates]), 20);
  }
  throw new SlugTakenError(base);
}

function rowOf(fields: OrganisationFields, now: string) {
  return {
    slug: fields.slug,
    name: fields.name,
    name_key: normaliseName(fields.name),
    search_text: foldText([fields.name, fields.city, fields.country, markdownToText(fields.description_md, 2000)].join(' ')),
    description_md: fields.description_md,
    description_html: renderMarkdown(fields.description_md),
    website: fields.website,
    logo_url: fields.logo_url,
    legal_form: fields.legal_form,
    licences: JSON.stringify(fields.licences),
    founded_year: fields.founded_year,
    size_band: fields.size_band,
    address: fields.address,
    city: fields.city,
    country: fields.country,
    lat: fields.lat,
    lng: fields.lng,
    contact_email: fields.contact_email,
    status: fields.status,
    updated_at: now,
  };
}

async function writeLinks(tx: TxContext, id: number, fields: OrganisationFields, replace: boolean): Promise<void> {
  if (replace) {
    await tx.db.deleteFrom('map_organisation_themes').where('organisation_id', '=', id).execute();
    await tx.db.deleteFrom('map_organisation_models').where('organisation_id', '=', id).execute();
    await tx.db.deleteFrom('map_organisation_pieces').where('organisation_id', '=', id).execute();
  }
  if (fields.theme_ids.length) await tx.db.insertInto('map_organisation_themes').values(fields.theme_ids.map((theme_id) => ({ organisation_id: id, theme_id }))).execute();
  if (fields.model_ids.length) await tx.db.insertInto('map_organisation_models').values(fields.model_ids.map((model_id) => ({ organisation_id: id, model_id }))).execute();
  if (fields.piece_ids.length) await tx.db.insertInto('map_organisation_pieces').values(fields.piece_ids.map((piece_id) => ({ organisation_id: id, piece_id }))).execute();
}

/**
 * Writes an organisation and its new version (the whole snapshot) in the caller's transaction:
 * every accepted change — an editor's, an accepted or merged suggestion, an import, a restore —
 * goes through here, so the history is complete. Writing what is already there writes nothing.
 */
export async function writeOrganisation(ctx: TxContext, input: WriteOrganisationInput): Promise<Written> {
  const tx = ctx;
  const now = tx.now.toISOString();
  const incoming = canonicalSnapshot(input.fields);
  if (!foundedYearPossible(incoming.founded_year, tx.now)) throw new FoundedInFutureError();
  await checkReferences(tx, incoming);

  let id: number;
  let number: number;
  if (input.organisationId === null) {
    const fields = { ...incoming, slug: await settleSlug(tx, incoming, null) };
    const row = await tx.db
      .insertInto('map_organisations')
      .values({ ...rowOf(fields, now), version: 1, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
    number = 1;
    await writeLinks(tx, id, fields, false);
    await tx.db.insertInto('map_versions').values({ organisation_id: id, number, snapshot: JSON.stringify(fields), note: input.note, author_user_id: tx.actor?.id ?? null, suggestion_id: input.suggestionId ?? null, created_at: now }).execute();
    await audit(tx, { action: 'map.organisation.created', subjectType: 'map_organisation', subjectId: id, data: { suggestionId: input.suggestionId ?? null } });
    await emit(tx, organisationChanged, { organisationId: id }, { key: `${id}:${number}` });
    return { id, slug: fields.slug, number, changed: true };
  }

  id = input.organisationId;
  const current = await getOrganisationFields(tx.db, id);
  if (!current) throw new NotFoundError(`organisation ${id}`);
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw new StaleVersionError();
  // An empty slug on an existing organisation keeps its address (renaming it does not move its page).
  const fields = { ...incoming, slug: incoming.slug === '' || incoming.slug === current.slug ? current.slug : await settleSlug(tx, incoming, id) };
  const { id: _id, version: _version, ...before } = current;
  const changes = diffFields(before, fields);
  if (changes.length === 0) return { id, slug: current.slug, number: current.version, changed: false };
  // The next number, guarded by the one read above in the same statement: of two writers that read
  // version n at once, one writes n+1 and the other finds the row changed (the database's row lock
  // orders them) and is refused rather than overwriting what it never saw.
  const bumped = await tx.db
    .updateTable('map_organisations')
    .set({ ...rowOf(fields, now), version: current.version + 1 })
    .where('id', '=', id)
    .where('version', '=', current.version)
    .returning('version')
    .executeTakeFirst();
  if (!bumped) throw new StaleVersionError();
  number = bumped.version;
  await writeLinks(tx, id, fields, true);
  await tx.db.insertInto('map_versions').values({ organisation_id: id, number, snapshot: JSON.stringify(fields), note: input.note, author_user_id: tx.actor?.id ?? null, suggestion_id: input.suggestionId ?? null, created_at: now }).execute();
  await audit(tx, { action: 'map.organisation.changed', subjectType: 'map_organisation', subjectId: id, data: { version: number, fields: changes.map((c) => c.field) } });
  await emit(tx, organisationChanged, { organisationId: id }, { key: `${id}:${number}` });
  return { id, slug: fields.slug, number, changed: true };
}
