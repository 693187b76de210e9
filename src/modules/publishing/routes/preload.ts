import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { NotFoundError } from '../../../shared/errors.ts';

/**
 * Who acts and what the URL names, authorised and loaded in the route's preValidation hook, before
 * the body's schema runs: a stranger is refused (401/403) and a missing thing is a 404 before anyone
 * is told their input is invalid, and the route's form renderer can always show the page again.
 * The handler and the renderer read the result with `of(req)`.
 */
export function preload<T>(load: (req: FastifyRequest) => Promise<T> | T) {
  const loaded = new WeakMap<FastifyRequest, { value: T }>();
  return {
    preValidation: async (req: FastifyRequest): Promise<void> => {
      loaded.set(req, { value: await load(req) });
    },
    of(req: FastifyRequest): T {
      const entry = loaded.get(req);
      if (!entry) throw new Error('preload: this route does not run the preValidation hook');
      return entry.value;
    },
  };
}

/** The path's params as the route's schema reads them, in a hook that runs before the schema: 404 when they do not fit. */
export function paramsOf<S extends z.ZodType>(schema: S, req: FastifyRequest): z.output<S> {
  const parsed = schema.safeParse(req.params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}
