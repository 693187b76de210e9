/** Organisations for the map's tests, written through the real command. */
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { saveOrganisation, type SaveOrganisationInput } from '../commands/save-organisation.ts';
import type { Geocoder } from '../gazetteer.ts';
import { listThemes } from '../../publishing/index.ts';
import { listBusinessModels } from '../queries/vocabulary.ts';

/** Tests never geocode unless they mean to: a pin is always given here. */
const noGeocoder: Geocoder = async () => null;

export async function ids(db: Db) {
  const themes = new Map((await listThemes(db)).map((t) => [t.slug, t.id]));
  const models = new Map((await listBusinessModels(db)).map((m) => [m.slug, m.id]));
  return { theme: (slug: string) => themes.get(slug)!, model: (slug: string) => models.get(slug)! };
}

export type OrgSeed = Partial<Omit<SaveOrganisationInput, 'locate'>> & { name: string; country: string; lat: number; lng: number };

export async function makeOrganisation(db: Db, actor: Actor, seed: OrgSeed, now = new Date('2026-05-01T00:00:00Z')) {
  return saveOrganisation(
    { db, actor, now },
    {
      organisationId: null,
      slug: '',
      description_md: '',
      website: '',
      logo_url: '',
      themes: [],
      models: [],
      legal_form: null,
      licences: [],
      founded_year: null,
      size_band: null,
      address: '',
      city: '',
      contact_email: null,
      case_studies: [],
      status: 'published',
      note: 'seed',
      locate: noGeocoder,
      ...seed,
    },
  );
}

/** Seven organisations spread over filters and places (one hidden, two on either side of the antimeridian). */
export async function seedMap(db: Db, actor: Actor) {
  const { theme, model } = await ids(db);
  const make = (seed: OrgSeed) => makeOrganisation(db, actor, seed);
  return {
    framasoft: await make({ name: 'Framasoft', city: 'Lyon', country: 'FR', lat: 45.764, lng: 4.8357, themes: [theme('free-software')], models: [model('donations-crowdfunding'), model('services-consulting')], legal_form: 'association', founded_year: 2004, contact_email: 'secret-framasoft@private.example', website: 'https://framasoft.org', description_md: 'Dégooglisons **Internet**.', licences: ['AGPL-3.0', 'CC-BY-SA-4.0'], size_band: '10-49' }),
    ofn: await make({ name: 'Open Food Network', city: 'Melbourne', country: 'AU', lat: -37.8136, lng: 144.9631, themes: [theme('open-data')], models: [model('membership-subscription')], legal_form: 'cooperative', founded_year: 2012, contact_email: 'secret-ofn@private.example' }),
    prusa: await make({ name: 'Prusa Research', city: 'Prague', country: 'CZ', lat: 50.0755, lng: 14.4378, themes: [theme('open-hardware')], models: [model('sales-products-hardware')], legal_form: 'company', founded_year: 2012 }),
    wikimedia: await make({ name: 'Wikimédia France', city: 'Paris', country: 'FR', lat: 48.8566, lng: 2.3522, themes: [theme('open-data'), theme('art-culture')], models: [model('donations-crowdfunding')], legal_form: 'association', founded_year: 2004 }),
    suva: await make({ name: 'Suva Open Lab', city: 'Suva', country: 'FJ', lat: -18.1416, lng: 178.4419, themes: [theme('open-science')], models: [model('grants-public-funding')], legal_form: 'foundation', founded_year: 1990 }),
    chatham: await make({ name: 'Chatham Commons', city: 'Waitangi', country: 'NZ', lat: -43.9535, lng: -176.5597, themes: [theme('open-science')], models: [model('training')], legal_form: 'informal_group', founded_year: 2020 }),
    hidden: await make({ name: 'Hidden Hardware', city: 'Lyon', country: 'FR', lat: 45.76, lng: 4.83, themes: [theme('free-software')], legal_form: 'association', founded_year: 2004, status: 'hidden', contact_email: 'secret-hidden@private.example' }),
  };
}
