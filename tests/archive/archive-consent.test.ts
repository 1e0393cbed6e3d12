import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../src/ops/redis-client.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeys, type Keys } from '../../src/conversation/keys.ts';
import type { ChatMessage } from '../../src/conversation/model.ts';
import type { Emulator } from '../../src/emulator/start-emulator.ts';
import { createHttpWecomApi } from '../../src/wecom/api/http-wecom-api.ts';
import { createRedisTokenCache } from '../../src/wecom/api/redis-token-cache.ts';
import { createSendGuard } from '../../src/wecom/api/send-guard.ts';
import type { WecomApi } from '../../src/wecom/api/wecom-api.ts';
import { createConsentGate, type ConsentGate } from '../../src/wecom/archive/archive-consent.ts';
import { createHttpArchiveSource } from '../../src/wecom/archive/http-archive-source.ts';
import { pullArchive } from '../../src/wecom/archive/pull-archive.ts';
import { EMU_KEYS, EMU_SECRETS, startArchiveEmulator } from '../support/emulator-harness.ts';
import { deleteUnder, testRedis } from '../support/test-service.ts';

// Archive consent (msgaudit/check_single_agree, check_room_agree) through the real client against the
// emulator, cached in real Redis: a customer who has not agreed is never handed on.
const TOKEN = 'consent-archive-token';
const MEMBERS = new Set(['guide.lin', 'guide.chen', 'guide.zhou']);
let emulator: Emulator;
let redis: RedisClient;
let keys: Keys;
let api: WecomApi;
let gate: ConsentGate;
const prefixes: string[] = [];

const calls = (path: string) => emulator.state.calls.get(path) ?? 0;

function client(secrets: { app: string; archive?: string }): WecomApi {
  return createHttpWecomApi({
    baseUrl: `${emulator.url}/cgi-bin`,
    corpId: EMU_KEYS.corpId,
    agentId: Number(EMU_KEYS.agentId),
    secrets,
    tokenCache: createRedisTokenCache(redis, keys),
    sendGuard: createSendGuard(redis, keys),
    sleep: async () => undefined,
  });
}

beforeAll(async () => {
  emulator = await startArchiveEmulator(TOKEN);
  redis = testRedis();
});

beforeEach(() => {
  keys = createKeys(`test:${randomUUID()}:`);
  prefixes.push(keys.prefix);
  emulator.archive?.records.splice(0);
  emulator.consent.reset();
  api = client(EMU_SECRETS);
  gate = createConsentGate({ api, redis, keys, agreedTtlSec: 3600, refusedTtlSec: 300 });
});

afterAll(async () => {
  for (const prefix of prefixes) await deleteUnder(prefix);
  redis.disconnect();
  await emulator.close();
});

function pull() {
  const delivered: ChatMessage[] = [];
  const run = pullArchive({
    source: createHttpArchiveSource({ baseUrl: `${emulator.url}/__emulator/archive`, token: TOKEN, timeoutMs: 2000 }),
    redis,
    keys,
    corpMembers: (id) => MEMBERS.has(id),
    now: Date.now(),
    consent: gate,
    onMessages: async (m) => void delivered.push(...m),
  });
  return { run, delivered };
}

describe('archive consent', () => {
  it('hands on only the chats whose customer agreed; refusals are counted, marked seen and never stored', async () => {
    emulator.consent.setSingle('guide.chen', 'wmLT0003', false);
    emulator.archive!.append({ guide: 'guide.lin', customer: 'wmLT0002', from: 'customer', text: '风衣还有M码吗' });
    emulator.archive!.append({ guide: 'guide.chen', customer: 'wmLT0003', from: 'customer', text: '我的手机号是13800000000' });
    emulator.archive!.append({ guide: 'guide.chen', customer: 'wmLT0003', from: 'guide', text: '好的收到' });
    emulator.archive!.append({ guide: 'guide.lin', customer: 'wmLT0002', from: 'guide', text: '有的' });
    const { run, delivered } = pull();
    const result = await run;
    expect(delivered.map((m) => [m.customerId, m.text])).toEqual([
      ['wmLT0002', '风衣还有M码吗'],
      ['wmLT0002', '有的'],
    ]);
    expect(result.withoutConsent).toBe(2);
    expect(result.seq).toBe(4);
    expect(await redis.get(keys.archiveConsent('guide.chen', 'wmLT0003'))).toBe('0');
    expect(await redis.ttl(keys.archiveConsent('guide.chen', 'wmLT0003'))).toBeLessThanOrEqual(300);
    expect(await redis.get(keys.archiveConsent('guide.lin', 'wmLT0002'))).toBe('1');
    expect(await redis.ttl(keys.archiveConsent('guide.lin', 'wmLT0002'))).toBeGreaterThan(300);
  });

  it('asks WeCom once per pair while the answer is cached, in one call for a whole page', async () => {
    emulator.archive!.append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', text: '面霜到了吗' });
    emulator.archive!.append({ guide: 'guide.zhou', customer: 'wmLT0005', from: 'customer', text: '礼服可以改吗' });
    const before = calls('msgaudit/check_single_agree');
    expect((await pull().run).messages).toHaveLength(2);
    expect(calls('msgaudit/check_single_agree')).toBe(before + 1);
    emulator.archive!.append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', text: '明天去拿' });
    expect((await pull().run).messages.map((m) => m.text)).toEqual(['明天去拿']);
    expect(calls('msgaudit/check_single_agree')).toBe(before + 1);
  });

  it('a consent check that fails leaves the page to be pulled again, nothing handed on', async () => {
    emulator.archive!.append({ guide: 'guide.lin', customer: 'wmLT0007', from: 'customer', text: '周末约会穿什么' });
    emulator.faults.failNext(60020, 1, 'msgaudit/check_single_agree');
    const failing = pull();
    await expect(failing.run).rejects.toMatchObject({ errcode: 60020 });
    expect(failing.delivered).toEqual([]);
    expect(await redis.get(keys.archiveSeq())).toBeNull();
    expect((await pull().run).messages.map((m) => m.text)).toEqual(['周末约会穿什么']);
  });

  it('asks about at most 100 pairs a call (WeCom refuses more)', async () => {
    const customers: string[] = [];
    for (let i = 0; i < 101; i++) customers.push((await emulator.actions.addContact({ userid: 'guide.he', name: `顾客${i}` })).externalUserId);
    emulator.consent.setSingle('guide.he', customers[100] as string, false);
    const messages = customers.map(
      (customerId, i): ChatMessage => ({ id: `m${i}`, guideId: 'guide.he', customerId, speaker: 'customer', text: '你好', source: 'archive', at: i }),
    );
    const before = calls('msgaudit/check_single_agree');
    const { kept, refused } = await gate.keep(messages);
    expect([kept.length, refused]).toEqual([100, 1]);
    expect(calls('msgaudit/check_single_agree')).toBe(before + 2);
  });

  it('the msgaudit APIs take the archive Secret only', async () => {
    const withoutArchiveSecret = client({ app: EMU_SECRETS.app });
    await expect(withoutArchiveSecret.checkSingleAgree([{ userId: 'guide.lin', externalUserId: 'wmLT0001' }])).rejects.toMatchObject({ errcode: 48002 });
  });

  it('reads a group chat’s consent per customer and caches it', async () => {
    emulator.consent.setRoom('wrRoom01', { wmLT0001: true, wmLT0002: false, wmLT0007: true });
    expect([...(await gate.roomAgreed('wrRoom01'))].sort()).toEqual(['wmLT0001', 'wmLT0007']);
    const before = calls('msgaudit/check_room_agree');
    expect([...(await gate.roomAgreed('wrRoom01'))].sort()).toEqual(['wmLT0001', 'wmLT0007']);
    expect(calls('msgaudit/check_room_agree')).toBe(before);
    expect(await redis.ttl(keys.archiveRoomConsent('wrRoom01'))).toBeLessThanOrEqual(300);
  });

  it('keeps a group line of a member, or of a customer who agreed in that group; forgets the group on request', async () => {
    emulator.consent.setRoom('wrRoom02', { wmLT0001: true, wmLT0002: false });
    const line = (id: string, speaker: 'customer' | 'guide', who: string): ChatMessage => ({
      id,
      guideId: speaker === 'guide' ? who : '',
      customerId: speaker === 'customer' ? who : '',
      speaker,
      text: '群里说一句',
      source: 'archive',
      at: 1,
      roomId: 'wrRoom02',
    });
    const before = calls('msgaudit/check_single_agree');
    const { kept, refused } = await gate.keep([line('g1', 'customer', 'wmLT0001'), line('g2', 'customer', 'wmLT0002'), line('g3', 'guide', 'guide.lin'), line('g4', 'customer', 'wmNotListed')]);
    expect(kept.map((m) => m.id)).toEqual(['g1', 'g3']);
    expect(refused).toBe(2);
    // Group lines never ask the 1:1 consent.
    expect(calls('msgaudit/check_single_agree')).toBe(before);
    emulator.consent.setRoom('wrRoom02', { wmLT0001: true, wmLT0002: true });
    expect((await gate.keep([line('g5', 'customer', 'wmLT0002')])).kept).toHaveLength(0);
    await gate.forgetRoom('wrRoom02');
    expect((await gate.keep([line('g6', 'customer', 'wmLT0002')])).kept.map((m) => m.id)).toEqual(['g6']);
  });
});
