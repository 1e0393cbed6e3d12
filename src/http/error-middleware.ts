import type { Middleware } from 'koa';
import { isAppError } from '../errors.ts';
import { maskNumbers, type Logger } from '../ops/logger.ts';

/** Errors that mean the client hung up (Node's codes for a reset or half-sent request). */
const CLIENT_GONE = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED']);

/**
 * One mapping from errors to HTTP: AppError → its status and `{ error: { code, message } }` when exposed;
 * anything else → 500 `internal` with no detail. Every error is logged with its code and hint; a client that
 * hung up is logged at info (nothing for an operator to fix). Paths are logged with phone and ID numbers
 * masked: customer ids in paths may be phone numbers.
 */
export function errorMiddleware(log: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const known = isAppError(error);
      const gone = (known && error.code === 'client_aborted') || CLIENT_GONE.has(String((error as { code?: unknown } | null)?.code));
      const status = known ? error.status : gone ? 400 : 500;
      const code = known ? error.code : gone ? 'client_aborted' : 'internal';
      const message = known && error.expose ? error.message : 'internal error';
      ctx.status = status;
      ctx.type = 'application/json';
      ctx.body = { error: { code, message } };
      const fields = { code, status, method: ctx.method, path: maskNumbers(ctx.path), hint: known ? error.hint : undefined };
      if (gone) log.info(fields, 'client went away');
      else if (status >= 500) log.error({ ...fields, err: error }, 'request failed');
      else log.warn(fields, 'request refused');
    }
  };
}
