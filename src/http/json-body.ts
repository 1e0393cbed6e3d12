import type { Context } from 'koa';
import type { z } from 'zod';
import { badRequest } from '../errors.ts';
import { readRawBody } from './read-raw-body.ts';

/**
 * Reads and validates a JSON body. Only `application/json` is taken: a cross-site HTML form cannot send it
 * without a CORS preflight, which closes the CSRF door together with SameSite cookies.
 */
export async function readJson<S extends z.ZodType>(ctx: Context, schema: S, limit = 16 * 1024): Promise<z.infer<S>> {
  if (!ctx.is('application/json')) throw badRequest('unsupported_media_type', 'send application/json', 415);
  const text = await readRawBody(ctx.req, limit);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest('bad_json', 'body is not valid JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw badRequest('bad_request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}
