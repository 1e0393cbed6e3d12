import type { Context, Middleware } from 'koa';
import { badRequest } from '../errors.ts';
import type { Member, Org, Role } from '../org/org.ts';
import type { SessionStore } from '../org/session-store.ts';
import { readCookie, type CookieSigner } from './session-cookie.ts';

export const SESSION_COOKIE = 'ga_session';

/** What the signed cookie carries: only the id of the server-side session. */
export interface SessionPayload {
  s: string;
}

export interface SessionDeps {
  signer: CookieSigner;
  sessions: SessionStore;
  org: Org;
  now: () => number;
}

/** The signed-in member, as set by requireMember. */
export function currentMember(ctx: Context): Member {
  const member = (ctx.state as { member?: Member }).member;
  if (!member) throw badRequest('not_signed_in', 'sign in first', 401);
  return member;
}

/** The session id of a request's cookie, when the cookie is ours and unexpired. */
export function sessionIdOf(ctx: Context, deps: Pick<SessionDeps, 'signer' | 'now'>): string | undefined {
  const payload = deps.signer.verify<SessionPayload>(readCookie(ctx.get('cookie'), SESSION_COOKIE), deps.now());
  return typeof payload?.s === 'string' ? payload.s : undefined;
}

/**
 * Session auth for the JSON APIs: 401 without a valid cookie (tampered, expired, unknown secret) or when its
 * server-side session has ended (logout, role change, member left), 403 when the member's role is not one of
 * `roles`. A session granted for another role than the org file now says is ended here too, so even a web
 * process whose org reload has not reached Redis yet never serves it.
 */
export function requireMember(deps: SessionDeps, roles: readonly Role[]): Middleware {
  return async (ctx, next) => {
    if (!readCookie(ctx.get('cookie'), SESSION_COOKIE)) throw badRequest('not_signed_in', 'sign in first', 401);
    const sessionId = sessionIdOf(ctx, deps);
    const session = sessionId ? await deps.sessions.get(sessionId) : undefined;
    const member = session ? deps.org.member(session.userId) : undefined;
    if (sessionId && session && member?.role !== session.role) await deps.sessions.end(sessionId);
    if (!member || member.role !== session?.role) throw badRequest('bad_session', 'session is invalid or expired; sign in again', 401);
    if (!roles.includes(member.role)) throw badRequest('forbidden_role', `this page is not for the ${member.role} role`, 403);
    (ctx.state as { member?: Member }).member = member;
    await next();
  };
}
