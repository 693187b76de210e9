/** The refusals of the accounts module: each has a stable code, a status and a message a person understands. */
import { AppError } from '../../shared/errors.ts';

/** A confirmation or reset link that is unknown, already used or expired. */
export class InvalidLinkError extends AppError {
  constructor() {
    super('invalid_link', 400, 'accounts.invalidLink');
  }
}

/** Wrong password, or no account for the address: the two are never told apart. */
export class InvalidCredentialsError extends AppError {
  constructor() {
    super('invalid_credentials', 401, 'accounts.invalidCredentials');
  }
}

/** The right password for an address that was never confirmed. */
export class EmailNotConfirmedError extends AppError {
  constructor() {
    super('email_not_confirmed', 403, 'accounts.emailNotConfirmed');
  }
}

/** An account created directly (CLI, demo) for an address that already has one. */
export class EmailTakenError extends AppError {
  constructor() {
    super('email_taken', 409, 'accounts.emailTaken', { field: 'email' });
  }
}

/** An admin tried to take away their own admin role: someone must always be able to undo a mistake. */
export class CannotDemoteSelfError extends AppError {
  constructor() {
    super('cannot_demote_self', 409, 'users.cannotDemoteSelf', { field: 'role' });
  }
}

/** The current password, asked before changing the password or the address or deleting the account, is wrong. */
export class WrongPasswordError extends AppError {
  constructor() {
    super('wrong_password', 400, 'accounts.wrongPassword', { field: 'currentPassword' });
  }
}

/** The last admin tried to delete their account: someone must always be able to run the site. */
export class AdminCannotLeaveError extends AppError {
  constructor() {
    super('last_admin', 409, 'accounts.lastAdmin');
  }
}
