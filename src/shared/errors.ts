/**
 * Typed errors with a stable code and HTTP status. One handler (shared/http/error-handler.tsx)
 * renders them: a person sees `messageKey` translated — next to the form field it belongs to when
 * the error names one, on the form's page — and the log gets the detail.
 */
import type { MessageKey } from './i18n/index.ts';

export type MessageParams = Record<string, string | number>;

export interface AppErrorOptions {
  /** For the log only. */
  detail?: string | undefined;
  /** The form field the message belongs to (`quantity`); none: a message for the whole form. */
  field?: string | undefined;
  /** Values for the message's `{placeholders}`. */
  params?: MessageParams | undefined;
}

export class AppError extends Error {
  readonly field: string | undefined;
  readonly params: MessageParams | undefined;

  constructor(
    public readonly code: string,
    public readonly status: number,
    public readonly messageKey: MessageKey,
    options: AppErrorOptions | string = {},
  ) {
    const o = typeof options === 'string' ? { detail: options } : options;
    super(o.detail ?? code);
    this.name = new.target.name;
    this.field = o.field;
    this.params = o.params;
  }
}

export class NotFoundError extends AppError {
  constructor(detail?: string, field?: string) {
    super('not_found', 404, 'errors.notFound', { detail, field });
  }
}

export class ForbiddenError extends AppError {
  constructor(detail?: string) {
    super('forbidden', 403, 'errors.forbidden', detail);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('unauthenticated', 401, 'errors.loginRequired');
  }
}

export class CsrfError extends AppError {
  constructor() {
    super('csrf', 403, 'errors.csrf');
  }
}

export class InvalidTransitionError extends AppError {
  constructor(from: string, to: string) {
    super('invalid_transition', 409, 'errors.invalidTransition', `${from} -> ${to}`);
  }
}

/** Field-level validation failure: the form is shown again with these messages and the input. */
export class ValidationError extends AppError {
  constructor(public readonly fields: Record<string, MessageKey>) {
    super('validation', 422, 'errors.validation', Object.keys(fields).join(','));
  }
}

/** The messages an error puts on a form: one per field, or one for the form as a whole. */
export function formErrorsOf(error: AppError): Record<string, MessageKey> {
  if (error instanceof ValidationError) return error.fields;
  return { [error.field ?? '_form']: error.messageKey };
}
