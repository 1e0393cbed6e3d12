import type { Service } from '../../src/main.ts';

/** Pulls `name=value` out of Set-Cookie headers. */
export function cookiesFrom(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of res.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export interface SignIn {
  cookie: string;
  /** Where the callback finally redirected. */
  location: string;
}

/**
 * The real sign-in: /auth/login → the emulator's authorize page (as `userId`) → /auth/callback → cookie.
 * Redirects are followed by hand so every hop is checked.
 */
export async function signIn(service: Service, userId: string, next = '/sidebar/'): Promise<SignIn> {
  const login = await fetch(`${service.url}/auth/login?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
  if (login.status !== 302) throw new Error(`login answered ${login.status}`);
  const oauth = cookiesFrom(login).ga_oauth ?? '';
  const authorize = new URL(login.headers.get('location') ?? '');
  authorize.searchParams.set('emulator_user', userId);
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = back.headers.get('location') ?? '';
  const done = await fetch(callback, { redirect: 'manual', headers: { cookie: `ga_oauth=${oauth}` } });
  if (done.status !== 302) throw new Error(`callback answered ${done.status}: ${await done.text()}`);
  return { cookie: `ga_session=${cookiesFrom(done).ga_session}`, location: done.headers.get('location') ?? '' };
}

export function api(service: Service, cookie: string) {
  const call = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${service.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    cookie,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
  };
}
