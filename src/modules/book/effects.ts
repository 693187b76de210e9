/**
 * The book's effects, emitted by its commands in their transactions and delivered by the outbox
 * (handlers in effect-handlers.ts): the buyer's emails (order placed, paid, shipped) and refunds
 * through the payment provider. Payloads name the order; the handlers read it at delivery time.
 */
import { defineEffect } from '../../outbox/index.ts';

export const sendOrderPlaced = defineEffect<{ orderId: number }>('book.send_order_placed');
export const sendOrderPaid = defineEffect<{ orderId: number }>('book.send_order_paid');
export const sendOrderShipped = defineEffect<{ orderId: number }>('book.send_order_shipped');
/** Gives a refunded order's money back through Stripe; retried until the provider says yes. */
export const refundBookOrder = defineEffect<{ orderId: number }>('book.refund_order');
