/**
 * What other modules add to published pieces, through extension points app.ts fills
 * (docs/decisions/013-conversation.md): sections under a piece's page (comments, responses,
 * mentions) with the links they announce in its head, and hooks told when a piece was published,
 * updated while published, or withdrawn (outgoing webmentions, the search index).
 */
import type { VNode } from 'preact';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import type { ViewContext } from '../../shared/views/context.ts';
import type { HeadLink } from '../../shared/views/layout.tsx';
import type { PieceKind } from './domain/kinds.ts';

/** The piece a section is drawn for. */
export interface SectionPiece {
  id: number;
  slug: string;
  title: string;
  kind: PieceKind;
  language: Lang;
}

/** What a section adds to a piece's page. */
export interface PieceSectionOutput {
  /** Drawn under the article, in the order app.ts lists the sections; none: head links only. */
  render?: (ctx: ViewContext) => VNode;
  /** <link> elements for the page's head (a comments feed, the webmention endpoint). */
  links?: HeadLink[];
}

/** Loads what a section shows of a piece (the actor: to offer editors their buttons). */
export type PieceSection = (input: { db: Executor; piece: SectionPiece; now: Date; actor: Actor | null }) => Promise<PieceSectionOutput | null>;

export type PieceChange = 'published' | 'updated' | 'withdrawn';

/**
 * Told, through the outbox, after a piece was published (once its publication time has come),
 * updated while published, or withdrawn. At least once: hooks are idempotent.
 */
export type PieceHook = (input: { db: Executor; now: Date; pieceId: number; change: PieceChange; key: string }) => Promise<void>;
