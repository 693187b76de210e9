/**
 * Who keeps the map: editors and admins moderate suggestions (like proposals), edit, restore and
 * import organisations (like any piece), and keep the business-model taxonomy (like themes).
 * The public suggests and writes, without an account; nobody but editors reads a private field.
 */
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const mapPolicy = definePolicy({
  moderate: (actor) => hasPermission(actor, 'review:proposal'),
  edit: (actor) => hasPermission(actor, 'edit:piece:any'),
  manageTaxonomy: (actor) => hasPermission(actor, 'manage:themes'),
});
