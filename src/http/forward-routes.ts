import { request, type IncomingHttpHeaders } from 'node:http';
import type { Router } from '@koa/router';
import type { Context } from 'koa';
import { AppError } from '../errors.ts';

export interface ForwardedRoute {
  method: 'GET' | 'POST';
  path: string;
}

export interface ForwardDeps {
  /** Base URL of the server behind us (the WeCom emulator in the demo). Read per request: it may start later. */
  target: () => string;
  /** The exact routes forwarded; nothing else of the server behind is reachable through us. */
  routes: readonly ForwardedRoute[];
}

// Only what the pages and the OAuth hop need: the cookie carries the emulator's one-shot sign-in choice.
const REQUEST_HEADERS = ['content-type', 'content-length', 'accept', 'cookie', 'last-event-id'] as const;
const RESPONSE_HEADERS = ['content-type', 'cache-control', 'location', 'set-cookie'] as const;

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Streams one request to the server behind and its answer back (SSE included: the body is piped as it comes). */
function forward(ctx: Context, base: string): Promise<void> {
  const url = new URL(`${ctx.path}${ctx.search}`, base);
  return new Promise((ok, fail) => {
    const upstream = request(
      url,
      {
        method: ctx.method,
        // Who the browser asked, as a reverse proxy tells it: the demo page then frames the sidebar on the same origin.
        headers: { ...pick(ctx.req.headers, REQUEST_HEADERS), 'x-forwarded-host': ctx.host, 'x-forwarded-proto': ctx.protocol },
      },
      (res) => {
        ctx.status = res.statusCode ?? 502;
        ctx.body = res;
        for (const [name, value] of Object.entries(pick(res.headers, RESPONSE_HEADERS))) ctx.set(name, value);
        ok();
      },
    );
    upstream.on('error', (cause) =>
      fail(new AppError('upstream_unavailable', 'the emulated WeCom does not answer', { status: 502, expose: true, hint: 'the demo emulator stopped or its port is blocked', cause })),
    );
    ctx.req.pipe(upstream);
  });
}

/**
 * Forwards a fixed list of routes to another local server. The demo's WeCom emulator listens on loopback
 * only, as a party of its own; its browser-facing pages (the demo chat, the `ww` stand-in, the OAuth page)
 * reach phones and `docker compose` through the service's one published port this way.
 */
export function mountForwardRoutes(router: Router, deps: ForwardDeps): void {
  for (const route of deps.routes) {
    const handler = (ctx: Context): Promise<void> => forward(ctx, deps.target());
    if (route.method === 'GET') router.get(route.path, handler);
    else router.post(route.path, handler);
  }
}
