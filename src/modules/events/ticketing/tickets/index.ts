/** Tickets: signed codes for the door, short codes to type, QR images, calendar files. */
export {
  PKCS8_ED25519_PREFIX,
  SHORT_CODE_ALPHABET,
  SHORT_CODE_LENGTH,
  TICKET_CODE_MAX_LENGTH,
  TICKET_CODE_VERSION,
  isShortCode,
  normaliseShortCode,
  shortCode,
  ticketSigner,
  type TicketPayload,
  type TicketSigner,
} from './ticket-code.ts';
export { QR_PNG_DEFAULT_WIDTH, qrPng, qrSvg } from './qr.ts';
export { CALENDAR_PRODUCT_ID, eventIcs, eventUid, seriesIcs, type CalendarEvent } from './calendar.ts';
