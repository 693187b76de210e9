/**
 * Who does what with the book. Composing and building it is editorial work (editors and admins);
 * its prices, its sales and the money of paper orders are the ledger's managers' (admins);
 * fulfilling orders — seeing the list, shipping, cancelling an unpaid one — is the organisers'
 * (editors and admins).
 */
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const bookPolicy = definePolicy({
  /** See the books and their sales at the ledger desk, add a book there. */
  manage: (actor) => hasPermission(actor, 'manage:ledger'),
  /** Record a sale of paper copies (it books royalties in the ledger). */
  recordSale: (actor) => hasPermission(actor, 'manage:ledger'),
  /** Create a book, compose its parts and chapters, build its editions. */
  compose: (actor) => hasPermission(actor, 'edit:piece:any'),
  /** Set a book's prices and open or close its shop. */
  price: (actor) => hasPermission(actor, 'manage:ledger'),
  /** See the paper orders, ship them, cancel an unpaid one. */
  fulfil: (actor) => hasPermission(actor, 'manage:events'),
  /** Mark an order paid (the sale is booked) or refund it (the booking is reversed). */
  takeMoney: (actor) => hasPermission(actor, 'manage:ledger'),
});
