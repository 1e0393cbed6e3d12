import type { Context, Middleware } from 'koa';
import { badRequest } from '../errors.ts';
import type { Member, Org, Role } from '../org/org.ts';
import { readCookie, type CookieSigner } from './session-cookie.ts';

export const SESSION_COOKIE = 'ga_session';

export interface SessionPayload {
  u: string;
}

/** The signed-in member, as set by requireMember. */
export function currentMember(ctx: Context): Member {
  const member = (ctx.state as { member?: Member }).member;
  if (!member) throw badRequest('not_signed_in', 'sign in first', 401);
  return member;
}

/**
 * Session auth for the JSON APIs: 401 without a valid cookie (tampered, expired, unknown secret), 403 when
 * the member's role is not one of `roles`. The role comes from the org file, never from the cookie, so a
 * changed role takes effect at once.
 */
export function requireMember(deps: { signer: CookieSigner; org: Org; now: () => number }, roles: readonly Role[]): Middleware {
  return async (ctx, next) => {
    const raw = readCookie(ctx.get('cookie'), SESSION_COOKIE);
    if (!raw) throw badRequest('not_signed_in', 'sign in first', 401);
    const session = deps.signer.verify<SessionPayload>(raw, deps.now());
    const member = session ? deps.org.member(session.u) : undefined;
    if (!member) throw badRequest('bad_session', 'session is invalid or expired; sign in again', 401);
    if (!roles.includes(member.role)) throw badRequest('forbidden_role', `this page is not for the ${member.role} role`, 403);
    (ctx.state as { member?: Member }).member = member;
    await next();
  };
}
