/**
 * What other modules show on the home page, through an extension point app.ts fills: the next
 * evening (events), the book once it is published (book). Each loads its own data and draws it;
 * publishing only places the highlights, in the order app.ts lists them.
 */
import type { VNode } from 'preact';
import type { Executor } from '../../db/database.ts';
import type { ViewContext } from '../../shared/views/context.ts';

/** Loads a highlight for the home page; null when there is nothing to show (no evening ahead, no book yet). */
export type HomeSection = (input: { db: Executor; now: Date }) => Promise<{ render: (ctx: ViewContext) => VNode } | null>;
