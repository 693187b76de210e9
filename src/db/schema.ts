/** Table types for Kysely. Timestamps are ISO-8601 UTC strings on both dialects (see docs/decisions/002). */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Role = 'admin' | 'editor' | 'contributor' | 'member';
export type PieceKind = 'article' | 'interview' | 'case_study' | 'challenge';
export type PieceStatus = 'draft' | 'submitted' | 'in_review' | 'published' | 'rejected';
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
  purpose: 'confirm_email' | 'reset_password';
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
  created_by: number | null;
  created_at: string;
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
  audit_events: AuditEventsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Piece = Selectable<PiecesTable>;
export type PieceUpdate = Updateable<PiecesTable>;
export type Contributor = Selectable<ContributorsTable>;
export type Theme = Selectable<ThemesTable>;
