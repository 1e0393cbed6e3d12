import { Router } from '@koa/router';
import Koa from 'koa';
import type { Logger } from '../ops/logger.ts';
import { errorMiddleware } from './error-middleware.ts';
import { guardStateChanges, type StateChangeGuardOptions } from './guard-state-changes.ts';
import { securityHeaders, type SecurityHeaderOptions } from './security-headers.ts';

/** A route group: a function that mounts its routes on the shared router. */
export type Mount = (router: Router) => void;

export interface BrowserPolicy {
  /** Read X-Forwarded-* (TRUST_PROXY): only behind a proxy that sets them, or anyone could claim any host. */
  trustProxy: boolean;
  guard: StateChangeGuardOptions;
  headers: SecurityHeaderOptions;
}

/**
 * The Koa app: security headers (outermost, so refusals carry them too), error mapping, the CSRF guard every state-changing request passes (before any route, so no
 * route can forget it), then the route groups. `hot` groups (the WeCom callback) get a router of their
 * own in front, so the busiest route is matched against two paths instead of every route of the app.
 */
export function createApp(log: Logger, policy: BrowserPolicy, mounts: Mount[], hot: Mount[] = []): Koa {
  const app = new Koa({ proxy: policy.trustProxy });
  app.silent = true; // errorMiddleware logs every error once
  app.use(securityHeaders(policy.headers));
  app.use(errorMiddleware(log));
  app.use(guardStateChanges(policy.guard));
  for (const group of [hot, mounts]) {
    if (group.length === 0) continue;
    const router = new Router();
    for (const mount of group) mount(router);
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
