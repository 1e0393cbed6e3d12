import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { api, browserFetch, signIn } from '../support/demo-session.ts';
import { startTestService } from '../support/service-fixture.ts';

// A cross-site page can make the browser send the signed-in member's cookie with a form post (text/plain,
// urlencoded, multipart) or a no-cors fetch; every state-changing route must refuse both, logout included.
let service: Service;
let stop: () => Promise<void>;
let admin: string;
const EVIL = 'https://evil.example';

beforeAll(async () => {
  ({ service, stop } = await startTestService({ WORKER_ENABLED: 'false', LIFECYCLE_ENABLED: 'false' }, { warmUp: false }));
  admin = (await signIn(service, 'admin.hq')).cookie;
});

afterAll(() => stop());

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}

const queuedRuns = async (): Promise<number> => Object.values(await service.lifecycle.queue.getJobCounts('waiting', 'delayed', 'prioritized')).reduce((a, b) => a + b, 0);

describe('state-changing routes take JSON from our own origin only', () => {
  it.each([
    ['text/plain', 'x'],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
  ])('refuses a %s body (a cross-site form can send one) with 415 and queues nothing', async (type, body) => {
    for (const origin of [EVIL, new URL(service.url).origin]) {
      await expectError(await browserFetch(service, '/api/admin/lifecycle/run', { method: 'POST', headers: { cookie: admin, origin, 'content-type': type }, body }), 415, 'unsupported_media_type');
    }
    expect(await queuedRuns()).toBe(0);
  });

  it('refuses JSON from a foreign or opaque Origin with 403 bad_origin and queues nothing', async () => {
    for (const origin of [EVIL, 'null', `${service.url.replace('127.0.0.1', 'localhost')}`]) {
      await expectError(await browserFetch(service, '/api/admin/lifecycle/run', { method: 'POST', headers: { cookie: admin, origin } }), 403, 'bad_origin');
    }
    expect(await queuedRuns()).toBe(0);
  });

  it('refuses a request without Origin that fetch metadata marks as cross-site, and takes one from a script', async () => {
    const noOrigin = (site?: string): Promise<Response> =>
      fetch(`${service.url}/api/admin/lifecycle/run`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json', ...(site ? { 'sec-fetch-site': site } : {}) }, body: '{}' });
    await expectError(await noOrigin('cross-site'), 403, 'bad_origin');
    await expectError(await noOrigin('same-site'), 403, 'bad_origin');
    expect(await queuedRuns()).toBe(0);
    expect((await noOrigin()).status).toBe(202);
  });

  it('accepts the same request from its own page', async () => {
    expect((await api(service, admin).post('/api/admin/lifecycle/run')).status).toBe(202);
  });

  it('refuses a cross-site logout and a form logout', async () => {
    const evil = await browserFetch(service, '/auth/logout', { method: 'POST', headers: { cookie: admin, origin: EVIL } });
    await expectError(evil, 403, 'bad_origin');
    expect(evil.headers.getSetCookie()).toEqual([]);
    await expectError(await browserFetch(service, '/auth/logout', { method: 'POST', headers: { cookie: admin, 'content-type': 'text/plain' }, body: '' }), 415, 'unsupported_media_type');
  });

  it('refuses CSV member files from another site (CSV stays allowed from our page)', async () => {
    const csv = 'customerId,birthday\nwmLT0001,03-05\n';
    await expectError(await browserFetch(service, '/api/admin/members/import?dryRun=true', { method: 'POST', headers: { cookie: admin, origin: EVIL, 'content-type': 'text/csv' }, body: csv }), 403, 'bad_origin');
    expect((await browserFetch(service, '/api/admin/members/import?dryRun=true', { method: 'POST', headers: { cookie: admin, 'content-type': 'text/csv' }, body: csv })).status).toBe(200);
  });

  it('leaves the WeCom callback to its signature (WeCom posts XML without an Origin)', async () => {
    const res = await fetch(`${service.url}/wecom/callback?msg_signature=x&timestamp=1&nonce=1`, { method: 'POST', headers: { origin: EVIL, 'content-type': 'text/xml' }, body: '<xml/>' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).not.toMatch(/origin|media/);
  });
});

describe('with PUBLIC_URL set', () => {
  it('takes only the public origin, whatever Host the request names', async () => {
    const other = await startTestService({ WORKER_ENABLED: 'false', LIFECYCLE_ENABLED: 'false', PUBLIC_URL: 'https://ga.example.com/' }, { warmUp: false });
    try {
      const cookie = (await signIn(other.service, 'admin.hq')).cookie;
      const run = (origin: string): Promise<Response> => browserFetch(other.service, '/api/admin/lifecycle/run', { method: 'POST', headers: { cookie, origin } });
      await expectError(await run(new URL(other.service.url).origin), 403, 'bad_origin');
      expect((await run('https://ga.example.com')).status).toBe(202);
    } finally {
      await other.stop();
    }
  });
});
