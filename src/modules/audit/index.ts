/** Who did what: written in the command's own transaction, so the trail and the change commit together. */
export { recordAuditEvent as audit, type AuditEntry } from './commands/record-audit-event.ts';
