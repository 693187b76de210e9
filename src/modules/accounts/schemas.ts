import { z } from 'zod';
import { emailField, text } from '../../shared/http/form.ts';
import { safeNextPath } from '../../shared/http/page.ts';

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
});
