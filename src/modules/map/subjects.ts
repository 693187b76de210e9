/** How map entries appear on contributor pages: app.ts registers this resolver for the subject type 'organisation'. */
import type { SubjectResolver } from '../contributors/index.ts';
import { listOrganisationRefs } from './queries/organisations.ts';

export const organisationSubjects: SubjectResolver = async (db, ids) =>
  (await listOrganisationRefs(db, ids)).map((o) => ({ id: o.id, title: o.name, url: `/map/organisations/${o.slug}`, kindKey: 'map.subjectKind', date: o.created_at }));
