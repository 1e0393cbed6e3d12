import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRedisTokenCache } from '../../../src/wecom/api/redis-token-cache.ts';
import { WecomApiError } from '../../../src/wecom/api/wecom-api-error.ts';
import { startHarness, type Harness } from '../../support/emulator-harness.ts';
import { deleteKeys, keysUnder } from '../../support/test-service.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  h.emulator.faults.reset();
  await deleteKeys(h.redis, await keysUnder(h.redis, h.keys.prefix));
});

describe('access_token cache', () => {
  it('fetches a token once and reuses it from Redis with TTL expires_in − 300 s', async () => {
    const before = h.calls('gettoken');
    const api = h.client();
    await api.listExternalContacts('guide.lin');
    await api.listExternalContacts('guide.chen');
    await h.client().getExternalContact('wmFixtureC001');
    expect(h.calls('gettoken') - before).toBe(1);
    const ttl = await h.redis.pttl(h.keys.accessToken('contact'));
    expect(ttl).toBeGreaterThan(6_800_000);
    expect(ttl).toBeLessThanOrEqual(6_900_000);
  });

  it('keeps one token per secret name', async () => {
    const before = h.calls('gettoken');
    const api = h.client();
    await api.listExternalContacts('guide.lin');
    await api.sendMessage({ toUser: ['guide.lin'], msgtype: 'text', text: { content: '今日待办' } });
    await api.syncKfMessages({ openKfId: 'wkFixtureKf01' });
    expect(h.calls('gettoken') - before).toBe(3);
    const tokens = await Promise.all(['app', 'contact', 'kf'].map((s) => h.redis.hget(h.keys.accessToken(s), 'value')));
    expect(new Set(tokens).size).toBe(3);
  });

  it('falls back to the app secret when no contact secret is configured', async () => {
    const before = h.calls('gettoken');
    const api = h.client({ secrets: { app: 'app-secret-1' } });
    await api.listExternalContacts('guide.lin');
    await api.sendMessage({ toUser: ['guide.lin'], msgtype: 'text', text: { content: '提醒' } });
    expect(h.calls('gettoken') - before).toBe(1);
    expect(await h.redis.exists(h.keys.accessToken('contact'))).toBe(0);
  });

  it('refreshes once and retries when WeCom revokes the token mid-run (42001)', async () => {
    const api = h.client();
    await api.listExternalContacts('guide.lin');
    const before = h.calls('gettoken');
    const listBefore = h.calls('externalcontact/list');
    h.emulator.faults.expireTokens();
    expect(await api.listExternalContacts('guide.lin')).toEqual(['wmFixtureC001', 'wmFixtureC002']);
    expect(h.calls('gettoken') - before).toBe(1);
    expect(h.calls('externalcontact/list') - listBefore).toBe(2);
  });

  it('refreshes when the cached token is past its lifetime on the shared clock', async () => {
    const api = h.client();
    await api.listExternalContacts('guide.lin');
    const before = h.calls('gettoken');
    h.clock.advance(7000 * 1000);
    await api.listExternalContacts('guide.lin');
    expect(h.calls('gettoken') - before).toBe(1);
  });

  it('20 concurrent callers in separate processes after expiry cause exactly one gettoken', async () => {
    await h.client().listExternalContacts('guide.lin');
    h.clock.advance(7200 * 1000);
    h.emulator.faults.latencyMs = 30;
    const before = h.calls('gettoken');
    const clients = Array.from({ length: 20 }, () => h.client());
    const results = await Promise.all(clients.map((c) => c.listExternalContacts('guide.lin')));
    expect(results.every((r) => r.length === 2)).toBe(true);
    expect(h.calls('gettoken') - before).toBe(1);
  });

  it('a token invalidated by one process is not deleted when another already stored a new one', async () => {
    const cache = createRedisTokenCache(h.redis, h.keys);
    const id = { type: 'access_token', secret: 'app' } as const;
    await cache.set(id, { value: 'new-token', expiresAt: h.clock.now() + 60_000 }, 60_000);
    await cache.invalidate(id, 'old-token');
    expect((await cache.get(id))?.value).toBe('new-token');
    await cache.invalidate(id, 'new-token');
    expect(await cache.get(id)).toBeUndefined();
  });

  it('a wrong secret is a typed 40001 error pointing at WECOM_SECRET', async () => {
    const api = h.client({ secrets: { app: 'not-the-secret' } });
    const error = await api.getJsApiTicket().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WecomApiError);
    expect(error).toMatchObject({ code: 'wecom_api_error', errcode: 40001, path: 'gettoken' });
    expect((error as WecomApiError).hint).toContain('WECOM_SECRET');
  });

  it('gives up after one refresh when the fresh token is rejected too', async () => {
    const api = h.client();
    await api.listExternalContacts('guide.lin');
    h.emulator.faults.failNext(40014, 2, 'externalcontact/list');
    const error = await api.listExternalContacts('guide.lin').catch((e: unknown) => e);
    expect(error).toMatchObject({ errcode: 40014, path: 'externalcontact/list' });
  });
});
