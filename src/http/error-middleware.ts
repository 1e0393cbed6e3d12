import type { Middleware } from 'koa';
import { isAppError } from '../errors.ts';
import type { Logger } from '../ops/logger.ts';

/**
 * One mapping from errors to HTTP: AppError → its status and `{ error: { code, message } }` when exposed;
 * anything else → 500 `internal` with no detail. Every error is logged with its code and hint.
 */
export function errorMiddleware(log: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const known = isAppError(error);
      const status = known ? error.status : 500;
      const code = known ? error.code : 'internal';
      const message = known && error.expose ? error.message : 'internal error';
      ctx.status = status;
      ctx.type = 'application/json';
      ctx.body = { error: { code, message } };
      const fields = { code, status, method: ctx.method, path: ctx.path, hint: known ? error.hint : undefined };
      if (status >= 500) log.error({ ...fields, err: error }, 'request failed');
      else log.warn(fields, 'request refused');
    }
  };
}
