/**
 * One schema per input drives validation, types and the re-rendered form. Messages in schemas are
 * i18n keys, so a person reads them in their language next to the field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppError } from '../errors.ts';
import { isMessageKey, type MessageKey } from '../i18n/index.ts';
import { parseEuros } from '../money.ts';
import { isSaneDate, parseLocalDateTime } from '../time.ts';
import type { FormState } from '../views/form-fields.tsx';

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export type FormFields = Record<string, string | string[]>;

export interface FormBody {
  fields: FormFields;
  files: Record<string, UploadedFile>;
}

/** A form whose input or command failed, to be shown again with its messages. */
export interface FormFailure {
  form: FormState;
  /** The command's refusal, when it was the command that failed (not the schema). */
  error: AppError | null;
  status: number;
}

/** Shows a route's form again after a failure (declared in the route's `config.form`). */
export type FormRenderer = (req: FastifyRequest, reply: FastifyReply, failure: FormFailure) => unknown;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on the rare route that authenticates differently (webhooks). */
    csrf?: boolean;
    /** How this route's form is shown again when its body or its command fails. */
    form?: FormRenderer;
    /** Where a button-only route sends the person back, with the refusal as a message. */
    back?: (req: FastifyRequest) => string | Promise<string>;
    /**
     * Who may use the route, checked before its params and body are validated (someone not
     * allowed learns nothing about the form; 401 for the public, 403 for others). The handler
     * still asks its policy for the actor it acts as.
     */
    authorize?: (req: FastifyRequest) => unknown;
  }
  interface FastifyRequest {
    /** The form as submitted (strings), kept to show it again with its messages. */
    formFields: FormFields;
    /** Files of a multipart form, by field name. */
    uploads: Record<string, UploadedFile>;
  }
}

/**
 * Before validation: url-encoded and multipart bodies become plain fields (the route's body
 * schema sees strings, as a person typed them) and files set aside in `req.uploads`.
 */
export function normaliseFormBody(req: FastifyRequest): void {
  const body = req.body;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return;
  const { fields, files } = readForm(req);
  req.formFields = fields;
  req.uploads = files;
  req.body = fields;
}

/** Normalises url-encoded and multipart bodies into fields and files. */
export function readForm(req: FastifyRequest): FormBody {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const fields: FormBody['fields'] = {};
  const files: FormBody['files'] = {};
  for (const [name, raw] of Object.entries(body)) {
    if (name === '_csrf') continue;
    const parts = Array.isArray(raw) ? raw : [raw];
    const texts: string[] = [];
    for (const part of parts) {
      if (typeof part === 'string') texts.push(part);
      else if (part && typeof part === 'object' && 'type' in part) {
        const p = part as { type: string; value?: unknown; filename?: string; mimetype?: string };
        if (p.type === 'field' && typeof p.value === 'string') texts.push(p.value);
        else if (p.type === 'file' && p.value instanceof Buffer && p.value.length > 0) {
          files[name] = { filename: p.filename ?? '', mimetype: p.mimetype ?? '', data: p.value };
        }
      }
    }
    if (texts.length === 1) fields[name] = texts[0]!;
    else if (texts.length > 1) fields[name] = texts;
  }
  return { fields, files };
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; form: FormState };

/** Validates fields against a schema; on failure returns the form state to show again. */
export function validateForm<S extends z.ZodType>(schema: S, fields: FormBody['fields']): FormResult<z.output<S>> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, MessageKey> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '_form');
    if (errors[name]) continue;
    errors[name] = isMessageKey(issue.message) ? issue.message : 'errors.invalid';
  }
  return { ok: false, form: { values: fields, errors } };
}

/** A trimmed text field: required unless `optional`, at most `max` characters. */
export function text(max: number, options: { optional?: boolean; min?: number } = {}) {
  const base = z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? '', z.string().trim().max(max, 'errors.tooLong'));
  if (options.optional) return base;
  return z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v) ?? '',
    z
      .string()
      .trim()
      .min(1, 'errors.required')
      .min(options.min ?? 1, 'errors.tooShort')
      .max(max, 'errors.tooLong'),
  );
}

export const emailField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
  z.string().min(1, 'errors.required').max(254, 'errors.tooLong').pipe(z.email('errors.email')),
);

/** Zero, one or many values of a multi-select or checkbox group. */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** An amount typed in euros ("12,50", "12.50", "1 200") → integer cents; above zero unless `allowZero`. */
export const euros = (options: { allowZero?: boolean } = {}) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z
      .string()
      .min(1, 'errors.required')
      .transform((s, ctx) => {
        const cents = parseEuros(s);
        if (cents === null || (options.allowZero ? cents < 0 : cents <= 0)) {
          ctx.addIssue({ code: 'custom', message: 'errors.invalidAmount' });
          return z.NEVER;
        }
        return cents;
      }),
  );

/**
 * A date and time typed in a form (datetime-local, Paris wall-clock time), as an instant: required,
 * or optional (empty is null). Every such field goes through here, so each refuses the same way a
 * date that does not exist ("errors.date") and one outside SANE_YEARS ("errors.dateRange").
 */
export function localDateTime(options: { optional: true }): z.ZodType<Date | null, unknown>;
export function localDateTime(options?: { optional?: false }): z.ZodType<Date, unknown>;
export function localDateTime(options: { optional?: boolean } = {}): z.ZodType<Date | null, unknown> {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().transform((s, ctx) => {
      if (s === '') {
        if (options.optional) return null;
        ctx.addIssue({ code: 'custom', message: 'errors.required' });
        return z.NEVER;
      }
      const at = parseLocalDateTime(s);
      if (!at) {
        ctx.addIssue({ code: 'custom', message: 'errors.date' });
        return z.NEVER;
      }
      if (!isSaneDate(at)) {
        ctx.addIssue({ code: 'custom', message: 'errors.dateRange' });
        return z.NEVER;
      }
      return at;
    }),
  );
}
