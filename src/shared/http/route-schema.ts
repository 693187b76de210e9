/**
 * Routes declare their params, query string and body as zod schemas; Fastify validates them
 * before the handler runs and the handler receives typed, parsed values (no casting the request's parts).
 *
 * This is the whole of a Fastify type provider for zod: a validator compiler and a type mapping.
 * fastify-type-provider-zod does the same plus OpenAPI generation, for which it requires
 * @fastify/swagger as a peer; we generate no OpenAPI, so these lines are all we need
 * (docs/decisions/009-module-shape.md).
 */
import type { FastifySchemaCompiler, FastifyTypeProvider } from 'fastify';
import { z } from 'zod';
import { isMessageKey, type MessageKey } from '../i18n/index.ts';

export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** A request part that did not match its schema; the error handler turns it into a page. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'FST_ERR_VALIDATION';
  validationContext: string;

  constructor(
    readonly part: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`invalid ${part}: ${issues.map((i) => `${i.path.join('.') || '(root)'} ${i.code}`).join(', ')}`);
    this.validationContext = part;
  }

  /** One message per field, as i18n keys (schemas give their messages as keys). */
  fieldErrors(): Record<string, MessageKey> {
    const errors: Record<string, MessageKey> = {};
    for (const issue of this.issues) {
      const name = String(issue.path[0] ?? '_form');
      if (errors[name]) continue;
      errors[name] = isMessageKey(issue.message) ? issue.message : 'errors.invalid';
    }
    return errors;
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  };
};

/** A positive integer id in the path: anything else is a 404, like an id that does not exist. */
export const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const idParams = z.object({ id: idParam });
/** A slug in the path (lower-case words and digits joined by hyphens). */
export const slugParams = z.object({ slug: z.string().min(1).max(200) });
