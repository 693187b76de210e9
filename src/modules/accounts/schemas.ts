import { z } from 'zod';
import { emailField, text } from '../../shared/http/form.ts';

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

export const resetRequestSchema = z.object({ email: emailField });

export const newPasswordSchema = z.object({ password });

export const roleSchema = z.object({
  role: z.enum(['admin', 'editor', 'contributor', 'member'], 'errors.invalid'),
  contributorId: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().positive().nullable()),
});
