/**
 * What other modules bring to a person's own account (docs/decisions/009: extension points, filled
 * in app.ts). Here, in shared/, so that a module the accounts module itself uses (contributors) can
 * provide them without an import cycle.
 */
import type { VNode } from 'preact';
import type { Executor } from '../db/database.ts';
import type { Actor } from './actor.ts';
import type { TxContext } from './command.ts';
import type { Lang } from './i18n/index.ts';
import type { ViewContext } from './views/context.ts';

/**
 * A part of one's own account page (tickets, contributor profile, royalties). It sees the person
 * acting and returns what to draw, or null when it has nothing for them.
 */
export type AccountSection = (input: { db: Executor; actor: Actor; now: Date; lang: Lang }) => Promise<((ctx: ViewContext) => VNode) | null>;

/** The person whose account is being deleted, as each module needs to find what it holds of them. */
export interface ErasedPerson {
  userId: number;
  /** The account's (confirmed) address, lower-case: what other modules' rows were written with. */
  email: string;
  contributorId: number | null;
  /** What stands where their name was shown publicly (credits, comments), in their language. */
  anonymousName: string;
}

/**
 * Erases what one module holds about a person whose account is deleted: addresses, names, postal
 * addresses. History that others rely on (orders, credits, the ledger) stays, anonymised. Runs in
 * the deletion's transaction: the account goes only if every module erased its part.
 */
export type PersonErasure = (ctx: TxContext, person: ErasedPerson) => Promise<void>;

/** The address written in place of an erased one: in the reserved `.invalid` domain, so no mail ever leaves for it, and unique per row. */
export function erasedAddress(kind: string, id: number): string {
  return `erased.${kind}.${id}@erased.invalid`;
}
