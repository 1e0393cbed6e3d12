import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/conversation/model.ts';
import { pullKfMessages } from '../../../src/wecom/kf-sync.ts';
import { startHarness, type Harness } from '../../support/emulator-harness.ts';
import { deleteKeys } from '../../support/test-service.ts';

const KF = 'wkFixtureKf01';
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(async () => {
  h.emulator.faults.reset();
  h.emulator.state.kf.messages.length = 0;
  h.emulator.state.kf.sessions.clear();
  await deleteKeys(h.redis, [h.keys.kfCursor(KF), h.keys.kfSeen(KF), h.keys.kfCursorLock(KF)]);
});

const say = (guide: string, customer: string, from: 'customer' | 'guide', text: string, msgtype?: string) =>
  h.emulator.actions.say({ guide, customer, from, text, ...(msgtype ? { msgtype } : {}) });

/** A "process": fresh client objects over the same Redis. */
function pull(token?: string, onMessages?: (m: ChatMessage[]) => Promise<void>) {
  return pullKfMessages({ api: h.client(), redis: h.redis, keys: h.keys, openKfId: KF, now: h.clock.now(), ...(token ? { token } : {}), ...(onMessages ? { onMessages } : {}) });
}

const tokenOf = (xml: string): string => /<Token><!\[CDATA\[([^\]]+)\]\]><\/Token>/.exec(xml)?.[1] ?? '';

describe('pullKfMessages', () => {
  it('maps customer (origin 3) and servicer (origin 5) lines into the (servicer, customer) conversation', async () => {
    await say('guide.lin', 'wmFixtureC001', 'customer', '这款精华适合敏感肌吗？');
    await say('guide.lin', 'wmFixtureC001', 'guide', '适合的，成分很温和');
    await say('guide.lin', 'wmFixtureC001', 'customer', '', 'image');
    const last = await say('guide.chen', 'wmFixtureC003', 'customer', '有 M 码吗');
    const result = await pull(tokenOf(last.delivery.xml));
    expect(result.messages.map((m) => [m.guideId, m.customerId, m.speaker, m.text, m.kind ?? 'text', m.source])).toEqual([
      ['guide.lin', 'wmFixtureC001', 'customer', '这款精华适合敏感肌吗？', 'text', 'kf'],
      ['guide.lin', 'wmFixtureC001', 'guide', '适合的，成分很温和', 'text', 'kf'],
      ['guide.lin', 'wmFixtureC001', 'customer', '', 'image', 'kf'],
      ['guide.chen', 'wmFixtureC003', 'customer', '有 M 码吗', 'text', 'kf'],
    ]);
    // The two enter_session events (origin 4) are ignored.
    expect(h.emulator.state.kf.messages.filter((m) => m.origin === 4)).toHaveLength(2);
    expect(result.messages[0]?.at).toBe(h.clock.now() - (h.clock.now() % 1000));
    expect(new Set(result.messages.map((m) => m.id)).size).toBe(4);
  });

  it('loops while has_more (also through empty pages) and persists the cursor', async () => {
    for (let i = 0; i < 5; i++) await say('guide.wang', 'wmFixtureC004', 'customer', `第 ${i} 条`);
    h.emulator.faults.kfPageSize = 2;
    h.emulator.faults.kfEmptyPages = 1;
    const before = h.calls('kf/sync_msg');
    const pages: number[] = [];
    const result = await pull(undefined, async (batch) => void pages.push(batch.length));
    expect(result.messages.map((m) => m.text)).toEqual(['第 0 条', '第 1 条', '第 2 条', '第 3 条', '第 4 条']);
    // 6 log items (enter_session + 5 lines) in pages of 2, after one empty has_more page.
    expect(h.calls('kf/sync_msg') - before).toBe(4);
    expect(result.pages).toBe(4);
    expect(pages).toEqual([1, 2, 2]);
    expect(await h.redis.get(h.keys.kfCursor(KF))).toBeTruthy();
  });

  it('a second pull after a restart yields no duplicates', async () => {
    await say('guide.lin', 'wmFixtureC002', 'customer', '在吗');
    expect((await pull()).messages).toHaveLength(1);
    await say('guide.lin', 'wmFixtureC002', 'customer', '想看看新款');
    const second = await pull();
    expect(second.messages.map((m) => m.text)).toEqual(['想看看新款']);
    expect((await pull()).messages).toEqual([]);
  });

  it('without the cursor (lost), the seen set still keeps messages from coming back', async () => {
    await say('guide.lin', 'wmFixtureC002', 'customer', '第一句');
    await pull();
    await h.redis.del(h.keys.kfCursor(KF));
    await say('guide.lin', 'wmFixtureC002', 'customer', '第二句');
    expect((await pull()).messages.map((m) => m.text)).toEqual(['第二句']);
  });

  it('a crash inside onMessages re-delivers the page on the next pull, once', async () => {
    await say('guide.chen', 'wmFixtureC003', 'customer', '退换货怎么办理');
    await expect(
      pull(undefined, async () => {
        throw new Error('worker died');
      }),
    ).rejects.toThrow('worker died');
    expect(await h.redis.get(h.keys.kfCursor(KF))).toBeNull();
    expect(await h.redis.exists(h.keys.kfCursorLock(KF))).toBe(0);
    const again = await pull();
    expect(again.messages.map((m) => m.text)).toEqual(['退换货怎么办理']);
    expect((await pull()).messages).toEqual([]);
  });

  it('concurrent pulls of one account are serialized and deliver each message once', async () => {
    for (let i = 0; i < 4; i++) await say('guide.lin', 'wmFixtureC001', 'customer', `并发 ${i}`);
    h.emulator.faults.latencyMs = 20;
    h.emulator.faults.kfPageSize = 1;
    const delivered: string[] = [];
    const collect = async (batch: ChatMessage[]) => void delivered.push(...batch.map((m) => m.id));
    await Promise.all([pull(undefined, collect), pull(undefined, collect), pull(undefined, collect)]);
    expect(delivered).toHaveLength(4);
    expect(new Set(delivered).size).toBe(4);
  });

  it('an expired callback token is refused by WeCom as 95007', async () => {
    const said = await say('guide.lin', 'wmFixtureC001', 'customer', '你好');
    h.clock.advance(11 * 60_000);
    await expect(pull(tokenOf(said.delivery.xml))).rejects.toMatchObject({ errcode: 95007, path: 'kf/sync_msg' });
  });
});
