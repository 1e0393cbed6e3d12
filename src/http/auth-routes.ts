import { createHash, randomBytes } from 'node:crypto';
import type { Router } from '@koa/router';
import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import { badRequest, isAppError } from '../errors.ts';
import type { Logger } from '../ops/logger.ts';
import type { Org } from '../org/org.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';
import { isWecomApiError } from '../wecom/api/wecom-api-error.ts';
import type { SessionStore } from '../org/session-store.ts';
import { currentMember, requireMember, SESSION_COOKIE, sessionIdOf } from './current-member.ts';
import { cookieHeader, readCookie, type CookieSigner } from './session-cookie.ts';

const OAUTH_COOKIE = 'ga_oauth';
const OAUTH_TTL_MS = 10 * 60_000;
const SESSION_TTL_MS = 12 * 3600_000;

export interface AuthDeps {
  api: WecomApi;
  org: Org;
  signer: CookieSigner;
  sessions: SessionStore;
  redis: RedisClient;
  keys: Keys;
  log: Logger;
  now: () => number;
  corpId: string;
  agentId: string;
  /** WeCom's authorize page; a path in demo mode (the emulator's page, forwarded on our own origin). */
  authorizeUrl: string;
  /** PUBLIC_URL (required with WeCom); empty only in the demo, where the request's own Host is used. */
  publicUrl: string;
  /** Mark cookies Secure (always, but for the demo at a plain-http PUBLIC_URL). Default true. */
  secureCookies?: boolean;
}

/** Only same-site paths: `/x`, never `//host` or `http://…` (an open redirect would leak the session flow). */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/sidebar/';
}

/** WeCom OAuth (snsapi_base, doc 91022/91023) → signed session cookie. */
export function mountAuthRoutes(router: Router, deps: AuthDeps): void {
  const secure = deps.secureCookies ?? true;
  router.get('/auth/login', (ctx) => {
    const state = randomBytes(16).toString('hex');
    const next = safeNext(ctx.query.next);
    const base = deps.publicUrl.replace(/\/+$/, '') || `${ctx.protocol}://${ctx.host}`;
    const url = new URL(deps.authorizeUrl, `${base}/`);
    url.search = new URLSearchParams({
      appid: deps.corpId,
      redirect_uri: `${base}/auth/callback`,
      response_type: 'code',
      scope: 'snsapi_base',
      state,
      agentid: deps.agentId,
    }).toString();
    url.hash = 'wechat_redirect';
    ctx.set('Set-Cookie', cookieHeader(OAUTH_COOKIE, deps.signer.sign({ s: state, next }, deps.now(), OAUTH_TTL_MS), OAUTH_TTL_MS / 1000, '/auth', secure));
    ctx.redirect(url.toString());
  });

  router.get('/auth/callback', async (ctx) => {
    const code = typeof ctx.query.code === 'string' ? ctx.query.code : '';
    const state = typeof ctx.query.state === 'string' ? ctx.query.state : '';
    const pending = deps.signer.verify<{ s: string; next: string }>(readCookie(ctx.get('cookie'), OAUTH_COOKIE), deps.now());
    if (!code || !pending || pending.s !== state) throw badRequest('bad_state', 'sign-in was not started here or has expired; start again', 401);
    // WeCom codes are single use; refusing a replay here also spares the API call.
    const codeKey = deps.keys.oauthCode(createHash('sha256').update(code).digest('hex').slice(0, 32));
    if ((await deps.redis.set(codeKey, '1', 'EX', 600, 'NX')) !== 'OK') throw badRequest('code_reused', 'this sign-in link was already used', 401);
    let userId: string;
    try {
      ({ userId } = await deps.api.getUserInfo(code));
    } catch (error) {
      if (isWecomApiError(error, 40029)) throw badRequest('bad_code', 'the sign-in code is invalid or expired; start again', 401);
      if (isAppError(error) && error.code === 'not_a_member') throw badRequest('not_a_member', 'only members of the company can sign in', 403);
      throw error;
    }
    const member = deps.org.member(userId);
    if (!member) {
      deps.log.warn({ userId }, 'sign-in refused: member has no role');
      throw badRequest('unknown_member', 'your account has no role in Guide Assistant; ask an admin', 403);
    }
    const sessionId = await deps.sessions.start({ userId: member.userId, role: member.role }, SESSION_TTL_MS / 1000);
    ctx.set('Set-Cookie', [
      cookieHeader(SESSION_COOKIE, deps.signer.sign({ s: sessionId }, deps.now(), SESSION_TTL_MS), SESSION_TTL_MS / 1000, '/', secure),
      cookieHeader(OAUTH_COOKIE, '', 0, '/auth', secure),
    ]);
    deps.log.info({ userId: member.userId, role: member.role }, 'signed in');
    ctx.redirect(safeNext(pending.next));
  });

  router.post('/auth/logout', async (ctx) => {
    // Ended on the server too: a copy of the cookie (a shared machine, a proxy log) is worth nothing after this.
    const sessionId = sessionIdOf(ctx, deps);
    if (sessionId) await deps.sessions.end(sessionId);
    ctx.set('Set-Cookie', cookieHeader(SESSION_COOKIE, '', 0, '/', secure));
    ctx.status = 204;
  });

  const signedIn = requireMember(deps, ['guide', 'manager', 'admin']);
  router.get('/api/me', signedIn, (ctx) => {
    const member = currentMember(ctx);
    ctx.body = { userId: member.userId, name: member.name, role: member.role, stores: member.stores };
  });

  // What the pages ask first: "not signed in" is an answer here, not an error, so opening a page does not
  // log a 401 in the browser's console on its way to sign-in. The same checks as /api/me.
  router.get('/api/session', async (ctx) => {
    try {
      await signedIn(ctx, async () => undefined);
    } catch (error) {
      if (isAppError(error) && error.status === 401) {
        ctx.body = { member: null };
        return;
      }
      throw error;
    }
    const member = currentMember(ctx);
    ctx.body = { member: { userId: member.userId, name: member.name, role: member.role, stores: member.stores } };
  });
}
