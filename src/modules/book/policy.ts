/** Who keeps the book's accounts: its titles, their contributors and its sales are money, so the ledger's managers (admins). */
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const bookPolicy = definePolicy({
  /** See the books and their sales at the desk, add a book. */
  manage: (actor) => hasPermission(actor, 'manage:ledger'),
  /** Record a sale of paper copies (it books royalties in the ledger). */
  recordSale: (actor) => hasPermission(actor, 'manage:ledger'),
});
