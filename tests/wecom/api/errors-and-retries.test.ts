import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isWecomApiError, WecomApiError } from '../../../src/wecom/api/wecom-api-error.ts';
import { startHarness, type Harness } from '../../support/emulator-harness.ts';

let h: Harness;
let sleeps: number[];

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.faults.reset();
  sleeps = [];
});

const client = () =>
  h.client({
    sleep: async (ms) => void sleeps.push(ms),
    retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
  });

describe('busy errcodes: bounded retries with jittered backoff', () => {
  it('retries after 45009 and succeeds', async () => {
    const api = client();
    await api.listExternalContacts('guide.lin');
    const before = h.calls('externalcontact/list');
    h.emulator.faults.failNext(45009, 1, 'externalcontact/list');
    expect(await api.listExternalContacts('guide.lin')).toEqual(['wmFixtureC001', 'wmFixtureC002']);
    expect(h.calls('externalcontact/list') - before).toBe(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(0);
    expect(sleeps[0]).toBeLessThan(100);
  });

  it('retries 45033 with growing backoff ceilings', async () => {
    const api = h.client({ sleep: async (ms) => void sleeps.push(ms), random: () => 0.999, retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 250 } });
    h.emulator.faults.failNext(45033, 3, 'externalcontact/get_corp_tag_list');
    const groups = await api.getCorpTagList();
    expect(groups.length).toBeGreaterThan(0);
    expect(sleeps).toEqual([99, 199, 249]);
  });

  it('-1 on every attempt ends in a typed error after maxRetries', async () => {
    const api = client();
    const before = h.calls('externalcontact/get');
    h.emulator.faults.failNext(-1, 10, 'externalcontact/get');
    const error = await api.getExternalContact('wmFixtureC001').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WecomApiError);
    expect(error).toMatchObject({ code: 'wecom_api_error', errcode: -1, path: 'externalcontact/get' });
    expect((error as Error).message).toContain('after 3 retries');
    expect(h.calls('externalcontact/get') - before).toBe(4);
    expect(sleeps).toHaveLength(3);
  });
});

describe('other errcodes become WecomApiError with an operator hint', () => {
  const cases: [number, string][] = [
    [60020, '企业可信IP'],
    [48002, '可调用接口的应用'],
    [84061, 'no longer connected'],
    [40001, 'WECOM_SECRET'],
    [40091, 'WECOM_SECRET'],
  ];
  for (const [errcode, hint] of cases) {
    it(`${errcode} → hint mentions ${hint}, no retry`, async () => {
      const api = client();
      await api.getCorpTagList();
      const before = h.calls('externalcontact/mark_tag');
      h.emulator.faults.failNext(errcode, 1, 'externalcontact/mark_tag');
      const error = await api.markTag({ userId: 'guide.lin', externalUserId: 'wmFixtureC001', addTagIds: ['et07T01'] }).catch((e: unknown) => e);
      expect(isWecomApiError(error, errcode)).toBe(true);
      expect((error as WecomApiError).path).toBe('externalcontact/mark_tag');
      expect((error as WecomApiError).hint).toContain(hint);
      expect(h.calls('externalcontact/mark_tag') - before).toBe(1);
      expect(sleeps).toHaveLength(0);
    });
  }

  it('60020 on gettoken itself surfaces with the gettoken path', async () => {
    await h.redis.del(h.keys.accessToken('app'));
    h.emulator.faults.failNext(60020, 1, 'gettoken');
    const error = await client().getUserInfo('any-code').catch((e: unknown) => e);
    expect(error).toMatchObject({ errcode: 60020, path: 'gettoken' });
  });

  it('unknown errcodes still carry a lookup hint', async () => {
    const api = client();
    h.emulator.faults.failNext(50001, 1, 'externalcontact/list');
    const error = await api.listExternalContacts('guide.lin').catch((e: unknown) => e);
    expect(error).toMatchObject({ errcode: 50001 });
    expect((error as WecomApiError).hint).toContain('e=50001');
  });
});

describe('bounded time per call', () => {
  it('a call slower than timeoutMs fails as wecom_unreachable', async () => {
    const api = h.client({ timeoutMs: 50 });
    await h.client().getCorpTagList();
    h.emulator.faults.latencyMs = 300;
    const error = await api.getCorpTagList().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'wecom_unreachable' });
  });
});
