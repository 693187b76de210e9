/**
 * Typed errors with a stable code and HTTP status. One handler (shared/http/error-handler.ts)
 * renders them; a person sees `messageKey` translated, logs get the detail.
 */
import type { MessageKey } from './i18n/index.ts';

export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly status: number,
    public readonly messageKey: MessageKey,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(detail?: string) {
    super('not_found', 404, 'errors.notFound', detail);
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
