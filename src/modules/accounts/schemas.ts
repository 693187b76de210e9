import { z } from 'zod';
import { emailField, text } from '../../shared/http/form.ts';
import { safeNextPath } from '../../shared/http/page.ts';
import { deskListQuery, searchParam } from '../../shared/pagination.ts';

const password = z.preprocess(
  (v) => (typeof v === 'string' ? v : ''),
  z.string().min(1, 'errors.required').min(10, 'accounts.passwordTooShort').max(200, 'errors.tooLong'),
);

export const signUpSchema = z.object({
  displayName: text(80),
  email: emailField,
  password,
});

export const logInSchema = z.object({
  email: emailField,
  password: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().min(1, 'errors.required').max(200, 'errors.tooLong')),
});

/** Where to go after logging in: a same-site path only, the account page otherwise (never a refusal). */
export const logInQuery = z.object({ next: z.unknown().optional().transform((v) => safeNextPath(v, '/account')) });

export const resetRequestSchema = z.object({ email: emailField });

/**
 * The token of a confirmation or reset link. Any text: a wrong one is told apart by the command
 * ("this link is no longer valid"), not by a 404.
 */
export const tokenParams = z.object({ token: z.string() });

export const newPasswordSchema = z.object({ password });

export const roleSchema = z.object({
  role: z.enum(['admin', 'editor', 'contributor', 'member'], 'errors.invalid'),
  contributorId: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().positive().nullable()),
  next: z.unknown().optional().transform(backToUserList),
});

/** Where the role form returns: the page of the list it was sent from (its filters kept), nothing else. */
export function backToUserList(next: unknown): string {
  const path = safeNextPath(next, '/editor/users');
  return path === '/editor/users' || path.startsWith('/editor/users?') ? path : '/editor/users';
}

/** The role form's return address alone, for when the rest of its body is refused. */
export const userListReturn = z.object({ next: z.unknown().optional().transform(backToUserList) });

/** The admins' list of accounts: a page, a filter on name or email, and the profiles its pickers offer (`who`). */
export const usersQuery = deskListQuery.extend({ who: searchParam });

const currentPassword = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().min(1, 'errors.required').max(200, 'errors.tooLong'));

/** A new password, proving the current one. */
export const changePasswordSchema = z.object({ currentPassword, newPassword: password });

/** A new address (confirmed by a link sent to it), proving the password. */
export const changeEmailSchema = z.object({ email: emailField, currentPassword });

/** Deleting one's account: the password, and a box ticked to say one understands. */
export const deleteAccountSchema = z.object({
  currentPassword,
  confirm: z.preprocess((v) => v === 'on', z.literal(true, 'accounts.deleteConfirmRequired')),
});
