import type { Middleware } from 'koa';

export interface SecurityHeaderOptions {
  /** Who may frame the sidebar: the WeCom client's pages (and in the demo the emulator's demo page). */
  sidebarAncestors: readonly string[];
  /** Origins the sidebar loads and calls the `ww` SDK from besides its own (the emulator's in the demo). */
  sdkOrigins: readonly string[];
  /** Behind TLS (an https PUBLIC_URL): tell browsers never to come back over plain http. */
  hsts: boolean;
  /** Demo mode: `/demo/` is a page of ours that frames the sidebar (and nothing may frame it). */
  demo?: boolean;
  /** Server-to-server paths (the WeCom callback) that get none of this, to keep the hot path lean. */
  exempt: readonly string[];
}

// Styles stay 'unsafe-inline' for the pages' one <style> block and htm's style props; scripts never do.
// open.work.weixin.qq.com is where @wecom/jssdk frames its open-data widgets.
function pagePolicy(ancestors: string, sdk: string, frames = 'https://open.work.weixin.qq.com'): string {
  return [
    "default-src 'self'",
    `script-src 'self'${sdk}`,
    `connect-src 'self'${sdk}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `frame-src ${frames}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

/** JSON, CSV and errors are never documents: they may run nothing and be framed by no one. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Headers for every answer of the browser side: a CSP per kind of response, nosniff, a referrer policy that
 * keeps OAuth codes and customer ids in our own URLs, HSTS behind TLS, and no-store on the APIs (customer
 * data must not stay in a shared or disk cache). The console may not be framed at all; the sidebar only by
 * the WeCom client, which shows it inside the chat window.
 */
export function securityHeaders(options: SecurityHeaderOptions): Middleware {
  const exempt = new Set(options.exempt);
  const sdk = options.sdkOrigins.map((o) => ` ${o}`).join('');
  const sidebar = pagePolicy(options.sidebarAncestors.length ? options.sidebarAncestors.join(' ') : "'none'", sdk);
  const page = pagePolicy("'none'", '');
  // The demo page frames the sidebar from this origin and talks to the emulator through it.
  const demo = pagePolicy("'none'", '', "'self'");
  return async (ctx, next) => {
    if (exempt.has(ctx.path)) return next();
    const isSidebar = ctx.path === '/sidebar' || ctx.path.startsWith('/sidebar/');
    const isDemo = options.demo === true && (ctx.path === '/demo' || ctx.path.startsWith('/demo/'));
    const isPage = isSidebar || ctx.path === '/review' || ctx.path.startsWith('/review/');
    ctx.set('Content-Security-Policy', isSidebar ? sidebar : isDemo ? demo : isPage ? page : API_POLICY);
    // Old browsers without frame-ancestors; the sidebar's several ancestors cannot be said this way.
    if (!isSidebar) ctx.set('X-Frame-Options', 'DENY');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'same-origin');
    if (options.hsts) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/auth/')) ctx.set('Cache-Control', 'no-store');
    await next();
  };
}
