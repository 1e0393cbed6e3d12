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
  // With PUBLIC_URL set the redirects name the public address (the authorize page is forwarded by the service
  // in the demo); the test plays the proxy in front of it.
  const named = new URL(login.headers.get('location') ?? '');
  const authorize = named.pathname === '/connect/oauth2/authorize' ? new URL(`${named.pathname}${named.search}`, service.url) : named;
  authorize.searchParams.set('emulator_user', userId);
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(back.headers.get('location') ?? '');
  const local = new URL(`${callback.pathname}${callback.search}`, service.url);
  const done = await fetch(local, { redirect: 'manual', headers: { cookie: `ga_oauth=${oauth}` } });
  if (done.status !== 302) throw new Error(`callback answered ${done.status}: ${await done.text()}`);
  return { cookie: `ga_session=${cookiesFrom(done).ga_session}`, location: done.headers.get('location') ?? '' };
}

/**
 * A request as the service's own pages send it: `Origin` is the service, and a state-changing request carries
 * JSON (`{}` when the test gives no body), as the CSRF guard requires. Headers given by the test win, so a
 * test can still send a form or a foreign Origin on purpose.
 */
export function browserFetch(service: Service, path: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const changes = method !== 'GET' && method !== 'HEAD';
  const headers = new Headers(init.headers);
  if (!headers.has('origin')) headers.set('origin', new URL(service.url).origin);
  if (changes && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${service.url}${path}`, { ...init, headers, ...(changes && init.body === undefined ? { body: '{}' } : {}) });
}

export function api(service: Service, cookie: string) {
  const call = (method: string, path: string, body?: unknown): Promise<Response> =>
    browserFetch(service, path, { method, headers: { cookie }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return {
    cookie,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
  };
}
