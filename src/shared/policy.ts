/**
 * A module's policy: pure rules `(actor, resource) => boolean`, one per action, read as
 * `can(actor, 'approve', expense)`. Routes call `authorize`, which throws 401 for the public and
 * 403 for anyone else refused; views receive the answers as booleans and never re-derive a rule.
 */
import type { Actor } from './actor.ts';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';

export type Rule<Resource> = (actor: Actor, resource: Resource) => boolean;

type ResourceOf<R> = R extends (actor: Actor, resource: infer Resource) => boolean ? Resource : never;
/** A rule written `(actor) => …` takes no resource; one written `(actor, expense) => …` needs it. */
type ResourceArgs<R> = unknown extends ResourceOf<R> ? [] : [resource: ResourceOf<R>];

export interface Policy<Rules extends Record<string, (actor: Actor, resource: never) => boolean>> {
  can<A extends keyof Rules & string>(actor: Actor | null, action: A, ...resource: ResourceArgs<Rules[A]>): boolean;
  /** Returns the actor when allowed; throws UnauthenticatedError (nobody logged in) or ForbiddenError. */
  authorize<A extends keyof Rules & string>(actor: Actor | null, action: A, ...resource: ResourceArgs<Rules[A]>): Actor;
}

export function definePolicy<Rules extends Record<string, (actor: Actor, resource: never) => boolean>>(rules: Rules): Policy<Rules> {
  const check = (actor: Actor, action: string, resource: unknown) => (rules[action] as unknown as Rule<unknown>)(actor, resource);
  return {
    can(actor, action, ...resource) {
      return actor !== null && check(actor, action, resource[0]);
    },
    authorize(actor, action, ...resource) {
      if (!actor) throw new UnauthenticatedError();
      if (!check(actor, action, resource[0])) throw new ForbiddenError(action);
      return actor;
    },
  };
}
