import type { Context, Middleware } from 'koa';
import { badRequest } from '../errors.ts';

export interface StateChangeGuardOptions {
  /** PUBLIC_URL: when set, its origin is the only one allowed; empty (the demo) = the service's own origin. */
  publicUrl: string;
  /** Paths called by servers, not browsers (the WeCom callback): they carry their own signature. */
  exempt: readonly string[];
  /** Body types a route takes besides JSON (the member import's CSV). None of them can come from a form. */
  extraTypes?: Readonly<Record<string, readonly string[]>>;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the request was sent to, from the socket and the Host header (never X-Forwarded-*). */
function ownOrigin(ctx: Context): string {
  const tls = (ctx.req.socket as { encrypted?: boolean }).encrypted === true;
  return `${tls ? 'https' : 'http'}://${ctx.req.headers.host ?? ''}`;
}

/**
 * CSRF for every state-changing request of the browser APIs, logout included, in one place instead of each
 * route's body reader. Two checks, each enough on its own against a cross-site form:
 *
 * - The body must be JSON (or a route's declared non-form type). HTML forms can only send text/plain,
 *   urlencoded and multipart; anything else needs a CORS preflight we never answer.
 * - `Origin` must be ours. Browsers send Origin on every non-GET request (Fetch standard, "append a request
 *   Origin header"), so a missing one means a script or curl holding its own cookie, which is no CSRF: it is let
 *   through unless fetch metadata says a browser sent it from another site. `Origin: null` (sandboxed frames,
 *   cross-site redirects) is refused.
 */
export function guardStateChanges(options: StateChangeGuardOptions): Middleware {
  const exempt = new Set(options.exempt);
  const configured = options.publicUrl ? new URL(options.publicUrl).origin : '';
  return async (ctx, next) => {
    if (SAFE.has(ctx.method) || exempt.has(ctx.path)) return next();
    const types = ['application/json', ...(options.extraTypes?.[ctx.path] ?? [])];
    if (!ctx.is(types)) throw badRequest('unsupported_media_type', `send ${types.join(' or ')}`, 415, 'state-changing requests take JSON only (CSRF)');
    const origin = ctx.get('origin');
    if (origin) {
      if (origin !== (configured || ownOrigin(ctx))) throw badRequest('bad_origin', 'this request came from another site', 403, 'check PUBLIC_URL against the address in the browser');
    } else {
      const site = ctx.get('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none') throw badRequest('bad_origin', 'this request came from another site', 403);
    }
    await next();
  };
}
