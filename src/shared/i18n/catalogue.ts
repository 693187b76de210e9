/**
 * The catalogues, assembled from one fragment per module (each module owns the strings it
 * writes: its pages, emails and ledger labels). French is the reference: each English fragment
 * has exactly the keys of its French one (the type checker enforces it), and no key may appear in
 * two fragments (a test enforces it). Fragments are plain data: this is the only file that reads
 * them from outside their module.
 */
import { en as accountsEn } from '../../modules/accounts/i18n/en.ts';
import { fr as accountsFr } from '../../modules/accounts/i18n/fr.ts';
import { en as bookEn } from '../../modules/book/i18n/en.ts';
import { fr as bookFr } from '../../modules/book/i18n/fr.ts';
import { en as conversationEn } from '../../modules/conversation/i18n/en.ts';
import { fr as conversationFr } from '../../modules/conversation/i18n/fr.ts';
import { en as contributorsEn } from '../../modules/contributors/i18n/en.ts';
import { fr as contributorsFr } from '../../modules/contributors/i18n/fr.ts';
import { en as eventsEn } from '../../modules/events/i18n/en.ts';
import { fr as eventsFr } from '../../modules/events/i18n/fr.ts';
import { en as ledgerEn } from '../../modules/ledger/i18n/en.ts';
import { fr as ledgerFr } from '../../modules/ledger/i18n/fr.ts';
import { en as mapEn } from '../../modules/map/i18n/en.ts';
import { fr as mapFr } from '../../modules/map/i18n/fr.ts';
import { en as pagesEn } from '../../modules/pages/i18n/en.ts';
import { fr as pagesFr } from '../../modules/pages/i18n/fr.ts';
import { en as publishingEn } from '../../modules/publishing/i18n/en.ts';
import { fr as publishingFr } from '../../modules/publishing/i18n/fr.ts';
import { en as reachEn } from '../../modules/reach/i18n/en.ts';
import { fr as reachFr } from '../../modules/reach/i18n/fr.ts';
import { en as outboxEn } from '../../outbox/i18n/en.ts';
import { fr as outboxFr } from '../../outbox/i18n/fr.ts';
import { en as sharedEn } from './messages/en.ts';
import { fr as sharedFr } from './messages/fr.ts';

/** Every fragment, by owner, French first (a test checks that no key is owned twice). */
export const FRAGMENTS = {
  shared: [sharedFr, sharedEn],
  accounts: [accountsFr, accountsEn],
  publishing: [publishingFr, publishingEn],
  contributors: [contributorsFr, contributorsEn],
  pages: [pagesFr, pagesEn],
  events: [eventsFr, eventsEn],
  ledger: [ledgerFr, ledgerEn],
  book: [bookFr, bookEn],
  map: [mapFr, mapEn],
  conversation: [conversationFr, conversationEn],
  reach: [reachFr, reachEn],
  outbox: [outboxFr, outboxEn],
} as const;

export const fr = {
  ...sharedFr,
  ...accountsFr,
  ...publishingFr,
  ...contributorsFr,
  ...pagesFr,
  ...eventsFr,
  ...ledgerFr,
  ...bookFr,
  ...mapFr,
  ...conversationFr,
  ...reachFr,
  ...outboxFr,
};

export const en: Record<keyof typeof fr, string> = {
  ...sharedEn,
  ...accountsEn,
  ...publishingEn,
  ...contributorsEn,
  ...pagesEn,
  ...eventsEn,
  ...ledgerEn,
  ...bookEn,
  ...mapEn,
  ...conversationEn,
  ...reachEn,
  ...outboxEn,
};
