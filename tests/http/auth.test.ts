import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCookieSigner } from '../../src/http/session-cookie.ts';
import type { Service } from '../../src/main.ts';
import { api, browserFetch, cookiesFrom, signIn } from '../support/demo-session.ts';
import { startTestService } from '../support/service-fixture.ts';
import { keysUnder } from '../support/test-service.ts';
import { tempTenant } from '../support/temp-tenant.ts';

let service: Service;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ service, stop } = await startTestService({ WORKER_ENABLED: 'false' }, { warmUp: false }));
});

afterAll(() => stop());

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}

describe('sign-in with WeCom OAuth', () => {
  it('signs a member in with an HttpOnly, Secure session cookie and returns them to where they were going', async () => {
    const { cookie, location } = await signIn(service, 'guide.lin', '/sidebar/?customer=wmLT0001');
    expect(location).toBe('/sidebar/?customer=wmLT0001');
    const me = await api(service, cookie).get('/api/me');
    expect(await me.json()).toEqual({ userId: 'guide.lin', name: '林晓', role: 'guide', stores: ['sh-jingan'] });
  });

  it('sets the cookie flags', async () => {
    const login = await fetch(`${service.url}/auth/login`, { redirect: 'manual' });
    expect(login.headers.getSetCookie()[0]).toMatch(/ga_oauth=.+; Path=\/auth; Max-Age=600; HttpOnly; Secure; SameSite=Lax/);
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.searchParams.get('scope')).toBe('snsapi_base');
    expect(authorize.hash).toBe('#wechat_redirect');
  });

  it('never redirects off-site after sign-in', async () => {
    expect((await signIn(service, 'guide.lin', '//evil.example/steal')).location).toBe('/sidebar/');
    expect((await signIn(service, 'guide.lin', 'https://evil.example/')).location).toBe('/sidebar/');
  });

  it('builds the redirect_uri from the service itself, never from X-Forwarded-Host (no proxy is trusted)', async () => {
    const login = await fetch(`${service.url}/auth/login`, { redirect: 'manual', headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${service.url}/auth/callback`);
  });

  it('refuses a callback whose state does not match the one it started', async () => {
    const login = await fetch(`${service.url}/auth/login`, { redirect: 'manual' });
    const oauth = cookiesFrom(login).ga_oauth ?? '';
    const code = service.emulator!.actions.issueOauthCode({ userid: 'guide.lin' });
    const res = await fetch(`${service.url}/auth/callback?code=${code}&state=forged`, { redirect: 'manual', headers: { cookie: `ga_oauth=${oauth}` } });
    await expectError(res, 401, 'bad_state');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('ga_session='))).toBe(false);
  });

  it('refuses a reused code', async () => {
    const login = await fetch(`${service.url}/auth/login`, { redirect: 'manual' });
    const oauth = cookiesFrom(login).ga_oauth ?? '';
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state');
    const code = service.emulator!.actions.issueOauthCode({ userid: 'guide.lin' });
    const url = `${service.url}/auth/callback?code=${code}&state=${state}`;
    expect((await fetch(url, { redirect: 'manual', headers: { cookie: `ga_oauth=${oauth}` } })).status).toBe(302);
    await expectError(await fetch(url, { redirect: 'manual', headers: { cookie: `ga_oauth=${oauth}` } }), 401, 'code_reused');
  });

  it('refuses a WeChat user who is not a member of the corp', async () => {
    const login = await fetch(`${service.url}/auth/login`, { redirect: 'manual' });
    const oauth = cookiesFrom(login).ga_oauth ?? '';
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state');
    const code = service.emulator!.actions.issueOauthCode({ openid: 'oWeChatUser123' });
    await expectError(await fetch(`${service.url}/auth/callback?code=${code}&state=${state}`, { redirect: 'manual', headers: { cookie: `ga_oauth=${oauth}` } }), 403, 'not_a_member');
  });

  it('answers 401 without a cookie and with a tampered or unknown one', async () => {
    await expectError(await fetch(`${service.url}/api/me`), 401, 'not_signed_in');
    const { cookie } = await signIn(service, 'guide.lin');
    const [body = '', sig = ''] = cookie.slice('ga_session='.length).split('.');
    const forgedBody = Buffer.from(JSON.stringify({ u: 'manager.wang', exp: Date.now() + 3600_000 })).toString('base64url');
    await expectError(await api(service, `ga_session=${forgedBody}.${sig}`).get('/api/me'), 401, 'bad_session');
    await expectError(await api(service, `ga_session=${body}.${sig.slice(0, -2)}xx`).get('/api/me'), 401, 'bad_session');
    await expectError(await api(service, 'ga_session=garbage').get('/api/me'), 401, 'bad_session');
  });

  it('answers /api/session with the member, or with no member (200, not 401) without a valid session', async () => {
    const anonymous = await fetch(`${service.url}/api/session`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    expect(await anonymous.json()).toEqual({ member: null });
    expect(await (await api(service, 'ga_session=garbage').get('/api/session')).json()).toEqual({ member: null });
    const { cookie } = await signIn(service, 'guide.lin');
    const session = (await (await api(service, cookie).get('/api/session')).json()) as { member: { userId: string; role: string } };
    expect(session.member).toMatchObject({ userId: 'guide.lin', role: 'guide' });
    expect(session.member).toEqual(await (await api(service, cookie).get('/api/me')).json());
    await api(service, cookie).post('/auth/logout');
    expect(await (await api(service, cookie).get('/api/session')).json()).toEqual({ member: null });
  });

  it('signs demo sessions with a secret of its own start, not a constant anyone can read', async () => {
    const forged = createCookieSigner(['demo-only-session-secret-0123456789abcdef']).sign({ u: 'admin.hq' }, Date.now(), 3600_000);
    await expectError(await api(service, `ga_session=${forged}`).get('/api/me'), 401, 'bad_session');
    const other = await startTestService({ WORKER_ENABLED: 'false' }, { warmUp: false });
    try {
      const { cookie } = await signIn(service, 'guide.lin');
      await expectError(await api(other.service, cookie).get('/api/me'), 401, 'bad_session');
    } finally {
      await other.stop();
    }
  });

  it('lets the demo page sign in its manager once, then the sidebar signs in as the guide again', async () => {
    const emulator = service.emulator!.url;
    const next = `${service.url}/auth/login?next=%2Freview%2F`;
    const asManager = await fetch(`${emulator}/__emulator/sign-in-as?user=manager.wang&next=${encodeURIComponent(next)}`, { redirect: 'manual' });
    const once = cookiesFrom(asManager).emulator_user ?? '';
    expect(once).toBe('manager.wang');
    const login = await fetch(asManager.headers.get('location') ?? '', { redirect: 'manual' });
    const oauth = cookiesFrom(login).ga_oauth ?? '';
    const authorize = await fetch(login.headers.get('location') ?? '', { redirect: 'manual', headers: { cookie: `emulator_user=${once}` } });
    expect(authorize.headers.getSetCookie().some((c) => c.startsWith('emulator_user=;'))).toBe(true);
    const done = await fetch(authorize.headers.get('location') ?? '', { redirect: 'manual', headers: { cookie: `ga_oauth=${oauth}` } });
    expect(done.headers.get('location')).toBe('/review/');
    const me = await api(service, `ga_session=${cookiesFrom(done).ga_session}`).get('/api/me');
    expect(((await me.json()) as { role: string }).role).toBe('manager');
    await expect(fetch(`${emulator}/__emulator/sign-in-as?user=nobody&next=${encodeURIComponent(next)}`)).resolves.toMatchObject({ status: 400 });
  });

  it('ends the session on the server at logout, so a copied cookie stops working; other devices stay signed in', async () => {
    const phone = await signIn(service, 'guide.lin');
    const desk = await signIn(service, 'guide.lin');
    expect((await api(service, phone.cookie).get('/api/me')).status).toBe(200);
    const copied = phone.cookie;
    expect((await browserFetch(service, '/auth/logout', { method: 'POST', headers: { cookie: phone.cookie } })).status).toBe(204);
    await expectError(await api(service, copied).get('/api/me'), 401, 'bad_session');
    expect((await api(service, desk.cookie).get('/api/me')).status).toBe(200);
  });

  it('keeps every session in Redis with a TTL', async () => {
    await signIn(service, 'guide.chen');
    const redis = service.redis;
    const keys = (await keysUnder(redis, service.keys.prefix)).filter((k) => k.includes('session'));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(await redis.ttl(key), key).toBeGreaterThan(0);
  });

  it('signs out', async () => {
    const res = await browserFetch(service, '/auth/logout', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()[0]).toMatch(/^ga_session=; .*Max-Age=0/);
  });
});

describe('when the org file changes', () => {
  it('ends the sessions of a member whose role changed or who left, at once and for good', async () => {
    const tenant = tempTenant();
    const other = await startTestService({ WORKER_ENABLED: 'false', ORG_FILE: tenant.orgFile, KNOWLEDGE_DIR: tenant.dir }, { warmUp: false });
    try {
      const wang = await signIn(other.service, 'manager.wang');
      const lin = await signIn(other.service, 'guide.lin');
      const chen = await signIn(other.service, 'guide.chen');
      const original = readFileSync(tenant.orgFile, 'utf8');
      const changed = original.replace(/^.*userid: guide\.lin,.*\n/m, '').replace(/(userid: manager\.wang,[^}]*role: )manager, stores: \[[^\]]*\]/, '$1admin');
      expect(changed).not.toBe(original);
      writeFileSync(tenant.orgFile, changed);
      await other.service.org.reload();
      await expectError(await api(other.service, wang.cookie).get('/api/me'), 401, 'bad_session');
      expect((await api(other.service, chen.cookie).get('/api/me')).status).toBe(200);
      // Back in the file: the old cookie stays dead (the session ended, the member was not just hidden).
      writeFileSync(tenant.orgFile, original);
      await other.service.org.reload();
      await expectError(await api(other.service, lin.cookie).get('/api/me'), 401, 'bad_session');
      expect(((await (await api(other.service, (await signIn(other.service, 'guide.lin')).cookie).get('/api/me')).json()) as { userId: string }).userId).toBe('guide.lin');
    } finally {
      await other.stop();
      rmSync(tenant.dir, { recursive: true, force: true });
    }
  });
});

describe('with PUBLIC_URL', () => {
  it('builds the redirect_uri from PUBLIC_URL whatever Host or X-Forwarded-Host say, and proxies are trusted only when told', async () => {
    const other = await startTestService({ WORKER_ENABLED: 'false', PUBLIC_URL: 'https://ga.example.com/' }, { warmUp: false });
    try {
      const login = await fetch(`${other.service.url}/auth/login`, { redirect: 'manual', headers: { 'x-forwarded-host': 'evil.example' } });
      expect(new URL(login.headers.get('location') ?? '').searchParams.get('redirect_uri')).toBe('https://ga.example.com/auth/callback');
    } finally {
      await other.stop();
    }
  });
});
