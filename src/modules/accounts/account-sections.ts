/**
 * What other modules add to a person's own account page, through an extension point app.ts fills
 * (docs/decisions/009): the book's royalty statement for contributors, later more. A section sees
 * the person acting and returns what to draw, or null when it has nothing for them.
 */
import type { VNode } from 'preact';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { ViewContext } from '../../shared/views/context.ts';

export type AccountSection = (input: { db: Executor; actor: Actor; now: Date }) => Promise<((ctx: ViewContext) => VNode) | null>;
