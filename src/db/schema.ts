/** Table types for Kysely. Timestamps are ISO-8601 UTC strings on both dialects (see docs/decisions/002). */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

import type { Role } from '../shared/actor.ts';

export type { Role };
import type { PieceKind } from '../modules/publishing/domain/kinds.ts';
import type { PieceStatus } from '../modules/publishing/domain/workflow.ts';
export type { PieceKind, PieceStatus };
export type Lang = 'fr' | 'en';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  display_name: string;
  role: Role;
  email_confirmed_at: string | null;
  contributor_id: number | null;
  locale: Lang;
  created_at: string;
  /** A new address waiting for its owner to follow the link sent to it (010). */
  pending_email: Generated<string | null>;
  /** When the account was deleted: its row stays, emptied of everything personal (010). */
  erased_at: Generated<string | null>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface TokensTable {
  token_hash: string;
  user_id: number;
  purpose: 'confirm_email' | 'reset_password' | 'change_email';
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface ThemesTable {
  id: Generated<number>;
  slug: string;
  name_fr: string;
  name_en: string;
  description_fr: string;
  description_en: string;
  position: number;
}

export interface ContributorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  photo_media_id: number | null;
  /** JSON array of {label, url}. */
  links: string;
  /** Private: never rendered on a public page, feed or API. */
  email: string | null;
  public_name: number;
  created_at: string;
}

export interface ContributionsTable {
  id: Generated<number>;
  contributor_id: number;
  kind: string;
  subject_type: string;
  subject_id: number;
  position: number;
  accepted_at: string | null;
  created_at: string;
}

export interface PiecesTable {
  id: Generated<number>;
  kind: PieceKind;
  slug: string;
  title: string;
  summary: string;
  body_md: string;
  body_html: string;
  cover_media_id: number | null;
  cover_alt: string;
  language: Lang;
  /** The piece this one translates (011): its page and the original's link to each other. */
  translation_of: number | null;
  status: PieceStatus;
  published_at: string | null;
  licence: string;
  review_feedback: string | null;
  proposal_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PieceThemesTable {
  piece_id: number;
  theme_id: number;
}

export interface PieceRevisionsTable {
  id: Generated<number>;
  piece_id: number;
  number: number;
  /** JSON snapshot of every editable field (see publishing/domain/revision.ts). */
  snapshot: string;
  note: string;
  author_user_id: number | null;
  created_at: string;
}

export interface ProposalsTable {
  id: Generated<number>;
  name: string;
  email: string;
  title: string;
  pitch: string;
  draft_md: string;
  language: Lang;
  status: 'new' | 'accepted' | 'declined';
  piece_id: number | null;
  created_at: string;
  /** When the proposer followed the link in their receipt: only then is the address theirs (008). */
  email_confirmed_at: string | null;
  /** The profile an accepted proposal credited (008). */
  contributor_id: number | null;
}

export interface PagesTable {
  slug: string;
  title_fr: string;
  body_md_fr: string;
  body_html_fr: string;
  title_en: string;
  body_md_en: string;
  body_html_en: string;
  updated_at: string;
  updated_by: number | null;
}

export interface MessagesTable {
  id: Generated<number>;
  name: string;
  email: string;
  subject: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

export interface MediaTable {
  id: Generated<number>;
  sha256: string;
  mime: string;
  size: number;
  bytes: Buffer;
  /** 1 for receipts: served only to the team. */
  private: Generated<number>;
  created_by: number | null;
  created_at: string;
  /** The unguessable name it is served under, /media/<key> (008). */
  key: string;
}

/** The files a piece shows: its cover and the images of its text (008). */
export interface PieceMediaTable {
  piece_id: number;
  media_id: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  data: string;
  created_at: string;
}

import type { EventStatus } from '../modules/events/domain/event-state.ts';
import type { OrderStatus, TicketKind } from '../modules/events/ticketing/domain/order.ts';

export type { EventStatus, OrderStatus, TicketKind };

export interface EventSeriesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  created_at: string;
}

export interface EventsTable {
  id: Generated<number>;
  series_id: number | null;
  slug: string;
  title: string;
  theme_id: number | null;
  description_md: string;
  description_html: string;
  venue: string;
  address: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  cancellation_deadline_hours: Generated<number>;
  refund_policy: Generated<string>;
  /** 1: buyers may choose to pay at the door (the organisers' choice, per evening). */
  pay_at_door: Generated<number>;
  /** The language the evening is held in (011). */
  language: Generated<Lang>;
  status: EventStatus;
  created_at: string;
  updated_at: string;
}

export interface LedgerTransactionsTable {
  id: Generated<number>;
  occurred_at: string;
  /** The French accounting label (the FEC's); what older rows and hand-written entries show. */
  description: string;
  /** The catalogue key and JSON parameters of a label the system wrote (011): shown in the reader's language. */
  label_key: string | null;
  label_params: string | null;
  cause_type: string;
  cause_id: string | null;
  idempotency_key: string;
  reverses_id: number | null;
  created_by: number | null;
  created_at: string;
}

export interface LedgerLinesTable {
  id: Generated<number>;
  transaction_id: number;
  account: string;
  /** Integer cents: debit > 0, credit < 0. */
  amount: number;
  event_id: number | null;
}

export interface LedgerBalancesTable {
  account: string;
  /** 0 when the lines carry no event. */
  event_id: number;
  /** 1 for the lines of event closures (they move results into funds). */
  closing: number;
  /** Sum of debit amounts (positive). */
  debits: number;
  /** Sum of credit amounts, as a positive number. */
  credits: number;
  lines: number;
}

import type { ExpenseStatus } from '../modules/ledger/domain/expense-categories.ts';

export type { ExpenseStatus };

export interface ExpensesTable {
  id: Generated<number>;
  amount: number;
  category: string;
  event_id: number | null;
  payee: string;
  description: string;
  receipt_media_id: number | null;
  status: ExpenseStatus;
  override_reason: string | null;
  submitted_by: number;
  decided_by: number | null;
  decision_note: string | null;
  transaction_id: number | null;
  idempotency_key: string;
  created_at: string;
  updated_at: string;
}

export interface ExpenseHistoryTable {
  id: Generated<number>;
  expense_id: number;
  from_status: ExpenseStatus | null;
  to_status: ExpenseStatus;
  actor_user_id: number | null;
  note: string;
  created_at: string;
}

export interface EventClosuresTable {
  event_id: number;
  income: number;
  logistics: number;
  to_visuals: number;
  to_book_editing: number;
  deficit: number;
  visuals_basis_points: number;
  transaction_id: number | null;
  closed_by: number | null;
  closed_at: string;
}

export interface BooksTable {
  id: Generated<number>;
  slug: string;
  title: string;
  unit_price: number;
  manufacturing_cost: number;
  split_method: 'equal' | 'weights';
  created_at: string;
}

export interface BookContributorsTable {
  book_id: number;
  contributor_id: number;
  weight: number;
}

export interface BookSalesTable {
  id: Generated<number>;
  book_id: number;
  quantity: number;
  unit_price: number;
  manufacturing_cost: number;
  fees: number;
  net: number;
  sold_at: string;
  transaction_id: number;
  idempotency_key: string;
  created_by: number | null;
  created_at: string;
}

export interface RoyaltyPayoutsTable {
  id: Generated<number>;
  contributor_id: number;
  amount: number;
  paid_at: string;
  transaction_id: number;
  idempotency_key: string;
  created_by: number | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_by: number | null;
  updated_at: string;
}


export interface TicketTypesTable {
  id: Generated<number>;
  event_id: number;
  kind: TicketKind;
  name: string;
  /** Cents; for pay-what-you-want, the minimum. */
  price: number;
  /** Seats of this type at most, within the event's shared capacity (null: no own quota). */
  quota: number | null;
  max_per_order: number;
  active: number;
  position: number;
  /** Seats of this type held, kept for types with a quota (same rule as seat_buckets.held). */
  held: Generated<number>;
  /** The language its name is written in (011). */
  language: Generated<Lang>;
}

export interface InvitationCodesTable {
  id: Generated<number>;
  event_id: number;
  code: string;
  price: number;
  max_uses: number;
  uses: number;
  expires_at: string | null;
  note: string;
  created_by: number | null;
  created_at: string;
}

export interface OrdersTable {
  id: Generated<number>;
  public_id: string;
  event_id: number;
  ticket_type_id: number;
  user_id: number | null;
  contributor_id: number | null;
  name: string;
  /** Private: never on a public page. */
  email: string;
  quantity: number;
  unit_price: number;
  total: number;
  invitation_code_id: number | null;
  status: OrderStatus;
  provider: string;
  provider_ref: string | null;
  /** The provider's payment id (Stripe PaymentIntent), needed to refund. */
  provider_payment_ref: string | null;
  reserved_until: string | null;
  refund_due: number;
  /** Where the buyer pays (the provider's checkout page), kept so a retry returns to it. */
  checkout_url: Generated<string | null>;
  /** The buyer's language, for emails sent later. */
  lang: Generated<Lang>;
  /** What the buyer writes on their bank transfer (`OE-7K3M-9Q2T`); the organisers search by it. */
  payment_reference: string | null;
  idempotency_key: string;
  created_at: string;
  updated_at: string;
}

export interface TicketsTable {
  id: Generated<number>;
  order_id: number;
  event_id: number;
  short_code: string;
  checked_in_at: string | null;
  checked_in_by: number | null;
  created_at: string;
}

export interface WaitlistTable {
  id: Generated<number>;
  event_id: number;
  ticket_type_id: number;
  name: string;
  email: string;
  user_id: number | null;
  status: 'waiting' | 'offered' | 'claimed' | 'expired' | 'removed';
  order_id: number | null;
  lang: Generated<Lang>;
  created_at: string;
  updated_at: string;
}

export interface PaymentsTable {
  id: Generated<number>;
  order_id: number;
  provider: string;
  provider_event_id: string;
  kind: 'payment' | 'refund';
  amount: number;
  fee: number;
  transaction_id: number | null;
  created_at: string;
}

/** A payment notification whose amount or currency is not the order's: kept for the organisers, never booked (008). */
export interface PaymentAnomaliesTable {
  id: Generated<number>;
  /** A ticket order ('order') or a paper book order ('book_order'). */
  subject_type: 'order' | 'book_order';
  subject_id: number;
  provider: string;
  provider_event_id: string;
  /** In the currency's smallest unit, as the provider said. */
  amount: number;
  /** Lower-case ISO 4217, as the provider said. */
  currency: string;
  expected_amount: number;
  expected_currency: string;
  provider_payment_ref: string | null;
  created_at: string;
}

export type OutboxStatus = 'pending' | 'done' | 'dead' | 'dismissed';

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  key: string;
  /** JSON. */
  payload: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  available_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

/** An evening's capacity in a few rows, so buyers do not all wait on one (see migration 004). */
export interface SeatBucketsTable {
  event_id: number;
  bucket: number;
  capacity: number;
  /** Seats held: confirmed and paid orders, and reservations until they are released. */
  held: Generated<number>;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  tokens: TokensTable;
  themes: ThemesTable;
  contributors: ContributorsTable;
  contributions: ContributionsTable;
  pieces: PiecesTable;
  piece_themes: PieceThemesTable;
  piece_revisions: PieceRevisionsTable;
  proposals: ProposalsTable;
  pages: PagesTable;
  messages: MessagesTable;
  media: MediaTable;
  piece_media: PieceMediaTable;
  payment_anomalies: PaymentAnomaliesTable;
  audit_events: AuditEventsTable;
  event_series: EventSeriesTable;
  events: EventsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_lines: LedgerLinesTable;
  ledger_balances: LedgerBalancesTable;
  expenses: ExpensesTable;
  expense_history: ExpenseHistoryTable;
  event_closures: EventClosuresTable;
  books: BooksTable;
  book_contributors: BookContributorsTable;
  book_sales: BookSalesTable;
  royalty_payouts: RoyaltyPayoutsTable;
  settings: SettingsTable;
  ticket_types: TicketTypesTable;
  invitation_codes: InvitationCodesTable;
  orders: OrdersTable;
  tickets: TicketsTable;
  waitlist: WaitlistTable;
  payments: PaymentsTable;
  outbox: OutboxTable;
  seat_buckets: SeatBucketsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Piece = Selectable<PiecesTable>;
export type PieceUpdate = Updateable<PiecesTable>;
export type Contributor = Selectable<ContributorsTable>;
export type Theme = Selectable<ThemesTable>;

// The collaborative map (src/modules/map, migration 006). Declared as a second `DB` block:
// TypeScript merges it with the one above.
import type { LegalForm, OrganisationStatus, SizeBand, SuggestionKind, SuggestionStatus } from '../modules/map/domain/organisation.ts';

export interface MapBusinessModelsTable {
  id: Generated<number>;
  slug: string;
  name_fr: string;
  name_en: string;
  position: number;
}

export interface MapOrganisationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_key: string;
  search_text: string;
  description_md: string;
  description_html: string;
  website: string;
  logo_url: string;
  legal_form: LegalForm | null;
  /** JSON array of strings. */
  licences: string;
  founded_year: number | null;
  size_band: SizeBand | null;
  address: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  /** Private: never rendered on a public page, feed, API or export. */
  contact_email: string | null;
  status: OrganisationStatus;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MapOrganisationThemesTable {
  organisation_id: number;
  theme_id: number;
}

export interface MapOrganisationModelsTable {
  organisation_id: number;
  model_id: number;
}

export interface MapOrganisationPiecesTable {
  organisation_id: number;
  piece_id: number;
}

export interface MapSuggestionsTable {
  id: Generated<number>;
  kind: SuggestionKind;
  organisation_id: number | null;
  /** JSON: proposed OrganisationFields (partial for a correction). */
  proposal: string;
  message: string;
  /** Private. */
  suggester_name: string;
  /** Private. */
  suggester_email: string;
  lang: Lang;
  status: SuggestionStatus;
  confirmed_at: string | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string;
  created_at: string;
}

export interface MapVersionsTable {
  id: Generated<number>;
  organisation_id: number;
  number: number;
  /** JSON: the whole OrganisationFields after the change. */
  snapshot: string;
  note: string;
  author_user_id: number | null;
  suggestion_id: number | null;
  created_at: string;
}

export interface MapRelayMessagesTable {
  id: Generated<number>;
  organisation_id: number;
  sender_name: string;
  /** Private: the organisation sees it (reply-to) only. */
  sender_email: string;
  body: string;
  lang: Lang;
  created_at: string;
}

export interface DB {
  map_business_models: MapBusinessModelsTable;
  map_organisations: MapOrganisationsTable;
  map_organisation_themes: MapOrganisationThemesTable;
  map_organisation_models: MapOrganisationModelsTable;
  map_organisation_pieces: MapOrganisationPiecesTable;
  map_suggestions: MapSuggestionsTable;
  map_versions: MapVersionsTable;
  map_relay_messages: MapRelayMessagesTable;
}

// Conversation and reach (src/modules/conversation and src/modules/reach, migration 005): comments,
// open-challenge responses, mentions received and sent, the search index. A `DB` block of its own,
// merged by TypeScript with the others.
import type { ContributionStatus, MentionKind, MentionProtocol, MentionStatus, SentMentionStatus } from '../modules/conversation/domain/statuses.ts';

export interface CommentersTable {
  id: Generated<number>;
  /** Private: never rendered on a public page, feed or API. */
  email: string;
  trusted_at: string | null;
  created_at: string;
}

export interface CommentsTable {
  id: Generated<number>;
  piece_id: number;
  parent_id: number | null;
  commenter_id: number;
  author_name: string;
  author_website: string | null;
  body_md: string;
  body_html: string;
  status: ContributionStatus;
  held_reason: string | null;
  published_at: string | null;
  moderated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ResponsesTable {
  id: Generated<number>;
  piece_id: number;
  commenter_id: number;
  author_name: string;
  author_website: string | null;
  title: string;
  body_md: string;
  body_html: string;
  status: ContributionStatus;
  held_reason: string | null;
  featured: Generated<number>;
  contributor_id: number | null;
  published_at: string | null;
  moderated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ClosedDiscussionsTable {
  piece_id: number;
  closed_by: number | null;
  closed_at: string;
}

export interface ConversationSettingsTable {
  key: string;
  value: string;
  updated_by: number | null;
  updated_at: string;
}

export interface MentionsTable {
  id: Generated<number>;
  piece_id: number;
  source_url: string;
  target_url: string;
  protocol: MentionProtocol;
  status: MentionStatus;
  kind: Generated<MentionKind>;
  author_name: string | null;
  author_url: string | null;
  title: string | null;
  excerpt: string | null;
  source_published_at: string | null;
  requested_at: string;
  verified_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SentMentionsTable {
  id: Generated<number>;
  piece_id: number;
  source_url: string;
  target_url: string;
  status: SentMentionStatus;
  endpoint: string | null;
  http_status: number | null;
  error: string | null;
  attempts: Generated<number>;
  updated_at: string;
}

export interface SearchDocumentsTable {
  id: Generated<number>;
  source: string;
  source_id: number;
  url: string;
  title: string;
  summary: string;
  body: string;
  authors: string;
  /** JSON [{name, url}]. */
  authors_json: string;
  content_html: string;
  kind: string;
  language: string;
  licence: string;
  published_at: string;
  updated_at: string;
  indexed_at: string;
}

export interface SearchTagsTable {
  document_id: number;
  tag: string;
}

export interface SearchSourcesTable {
  source: string;
  built_at: string;
}

export interface DB {
  commenters: CommentersTable;
  comments: CommentsTable;
  responses: ResponsesTable;
  closed_discussions: ClosedDiscussionsTable;
  conversation_settings: ConversationSettingsTable;
  mentions: MentionsTable;
  sent_mentions: SentMentionsTable;
  search_documents: SearchDocumentsTable;
  search_tags: SearchTagsTable;
  search_sources: SearchSourcesTable;
}

// The book (src/modules/book, migration 007): the columns it adds to `books`, what a book is made
// of, its builds and their files, and the paper copies ordered. Interfaces merged by TypeScript
// with the declarations above.
import type { BookOrderStatus } from '../modules/book/domain/book-order.ts';
import type { BuildStatus, EntryKind } from '../modules/book/domain/build-status.ts';

export interface BooksTable {
  subtitle: Generated<string>;
  edition: Generated<string>;
  language: Generated<Lang>;
  cover_media_id: number | null;
  about_md: Generated<string>;
  shop_open: Generated<number>;
  current_build_id: number | null;
  updated_at: string | null;
}

export interface BookEntriesTable {
  id: Generated<number>;
  book_id: number;
  position: number;
  kind: EntryKind;
  title: string;
  piece_id: number | null;
  source_title: string;
  revision_number: number | null;
  body_md: string;
  created_at: string;
  updated_at: string;
}

export interface BookBuildsTable {
  id: Generated<number>;
  book_id: number;
  status: BuildStatus;
  progress: Generated<number>;
  step: Generated<string>;
  attempts: Generated<number>;
  locked_until: string | null;
  /** JSON: the build report (errors and warnings, each naming its chapter and image). */
  report: Generated<string>;
  content_hash: string | null;
  edition: Generated<string>;
  requested_by: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface BookFilesTable {
  build_id: number;
  path: string;
  mime: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

export interface BookOrdersTable {
  id: Generated<number>;
  public_id: string;
  book_id: number;
  /** Private, like the address: organisers only. */
  name: string;
  email: string;
  address: string;
  postal_code: string;
  city: string;
  country: string;
  shipping_option: string;
  shipping_per_copy: number;
  quantity: number;
  unit_price: number;
  total: number;
  status: BookOrderStatus;
  provider: string;
  provider_ref: string | null;
  provider_payment_ref: string | null;
  checkout_url: string | null;
  sale_id: number | null;
  lang: Lang;
  idempotency_key: string;
  created_at: string;
  updated_at: string;
}

export interface DB {
  book_entries: BookEntriesTable;
  book_builds: BookBuildsTable;
  book_files: BookFilesTable;
  book_orders: BookOrdersTable;
}

/** Rate-limit counts shared by the instances on PostgreSQL (src/db/rate-limit-store.ts). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  /** End of the current window, in milliseconds since the epoch (the database's clock). */
  window_ends: number;
}

export interface DB {
  rate_limits: RateLimitsTable;
}
