import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationStore } from '../../src/conversation/conversation-store.ts';
import { createKeys } from '../../src/conversation/keys.ts';
import { createMemoryConversationStore } from '../../src/conversation/memory-conversation-store.ts';
import type { ChatMessage } from '../../src/conversation/model.ts';
import { createRedisConversationStore } from '../../src/conversation/redis-conversation-store.ts';
import { deleteUnder, keysUnder, testRedis } from '../support/test-service.ts';

const prefix = `test:${randomUUID().slice(0, 8)}:`;
const redis = testRedis();
afterAll(async () => {
  await deleteUnder(prefix);
  redis.disconnect();
});

const msg = (id: string, text: string, at: number, customerId = 'wm1'): ChatMessage => ({ id, guideId: 'g1', customerId, speaker: 'customer', text, source: 'paste', at });

const adapters: Array<[string, () => ConversationStore]> = [
  ['memory', () => createMemoryConversationStore({ maxMessages: 5 })],
  ['redis', () => createRedisConversationStore(redis, createKeys(`${prefix}${randomUUID().slice(0, 4)}:`), { ttlSec: 3600, maxMessages: 5 })],
];

describe.each(adapters)('ConversationStore contract: %s', (_name, make) => {
  it('appends idempotently by id and returns the last N oldest first', async () => {
    const store = make();
    expect(await store.appendMessage(msg('a', '你好', 1))).toBe(true);
    expect(await store.appendMessage(msg('a', '你好', 1))).toBe(false);
    expect(await store.appendMessage(msg('b', '在吗', 2))).toBe(true);
    expect((await store.lastMessages('g1', 'wm1', 10)).map((m) => m.id)).toEqual(['a', 'b']);
    expect((await store.lastMessages('g1', 'wm1', 1)).map((m) => m.text)).toEqual(['在吗']);
    expect(await store.lastMessages('g1', 'wm1', 0)).toEqual([]);
    expect(await store.lastMessages('g1', 'other', 10)).toEqual([]);
  });

  it('caps a conversation at its maximum length', async () => {
    const store = make();
    for (let i = 0; i < 8; i++) await store.appendMessage(msg(`m${i}`, `t${i}`, i, 'wm2'));
    expect((await store.lastMessages('g1', 'wm2', 100)).map((m) => m.id)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
  });

  it('keeps the platform order (time, seq, then id) whatever order messages arrive in', async () => {
    const store = make();
    const arrivals = [msg('m4', 'd', 40), msg('m2', 'b', 20), msg('m5b', 'f', 50), msg('m1', 'a', 10), msg('m5a', 'e', 50), msg('m3', 'c', 30)];
    for (const m of arrivals) expect(await store.appendMessage(m)).toBe(true);
    expect((await store.lastMessages('g1', 'wm1', 10)).map((m) => m.id)).toEqual(['m2', 'm3', 'm4', 'm5a', 'm5b']);
    // Full and m1 was the oldest: trimmed, so its id is forgotten, and a redelivery of it stays out.
    expect(await store.appendMessage(msg('m1', 'a', 10))).toBe(false);
    expect(await store.appendMessage(msg('m0', 'z', 5))).toBe(false);
    expect(await store.appendMessage(msg('m3', 'c', 30))).toBe(false);
    // A late message newer than the oldest kept goes in its place and pushes the oldest out.
    expect(await store.appendMessage(msg('m2x', 'late', 25))).toBe(true);
    expect((await store.lastMessages('g1', 'wm1', 10)).map((m) => m.id)).toEqual(['m2x', 'm3', 'm4', 'm5a', 'm5b']);
    expect((await store.lastMessages('g1', 'wm1', 1))[0]).toEqual(msg('m5b', 'f', 50));
  });

  it('orders messages of the same time by seq before id, and keeps every field', async () => {
    const store = make();
    const archived = (id: string, seq: number): ChatMessage => ({ ...msg(id, id, 7, 'wm3'), source: 'archive', seq, speaker: 'guide' });
    await store.appendMessage(archived('zz', 1));
    await store.appendMessage(archived('aa', 3));
    await store.appendMessage(archived('mm', 2));
    const image: ChatMessage = { ...msg('img', '', 8, 'wm3'), kind: 'image', fromDraft: { suggestionId: 's', draftId: 'd', edited: true } };
    await store.appendMessage(image);
    const kept = await store.lastMessages('g1', 'wm3', 10);
    expect(kept.map((m) => m.id)).toEqual(['zz', 'mm', 'aa', 'img']);
    expect(kept[0]).toEqual(archived('zz', 1));
    expect(kept[3]).toEqual(image);
  });

  it('creates, updates and keeps profiles, and derives who follows whom', async () => {
    const store = make();
    expect(await store.getProfile('wm9')).toBeUndefined();
    const created = await store.updateProfile('wm9', 100, (p) => ({
      ...p,
      name: '张敏',
      relationships: { g1: { guideId: 'g1', status: 'active', since: 1, tagIds: ['et1'] } },
    }));
    expect(created).toMatchObject({ customerId: 'wm9', name: '张敏', updatedAt: 100 });
    expect(await store.isFollowing('g1', 'wm9')).toBe(true);
    expect(await store.isFollowing('g2', 'wm9')).toBe(false);
    expect(await store.listFollowed('g1')).toEqual(['wm9']);

    const unchanged = await store.updateProfile('wm9', 200, () => undefined);
    expect(unchanged.updatedAt).toBe(100);
    await store.updateProfile('wm9', 300, (p) => ({ ...p, relationships: { g1: { ...p.relationships.g1!, status: 'closed', closedAt: 300 } } }));
    expect(await store.isFollowing('g1', 'wm9')).toBe(false);
    expect(await store.listFollowed('g1')).toEqual([]);
    expect((await store.getProfile('wm9'))?.relationships.g1?.status).toBe('closed');
  });

  it('serialises concurrent profile updates without losing one', async () => {
    const store = make();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.updateProfile('wm10', i, (p) => ({ ...p, facts: [...p.facts, { key: `k${i}`, value: String(i), at: i }] })),
      ),
    );
    expect((await store.getProfile('wm10'))?.facts.map((f) => f.key).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`).sort());
  });
});

describe('Redis adapter specifics', () => {
  it('keeps the id index no larger than the list, and small', async () => {
    const keys = createKeys(`${prefix}idx:`);
    const store = createRedisConversationStore(redis, keys, { ttlSec: 3600, maxMessages: 200 });
    for (let i = 0; i < 1000; i++) await store.appendMessage(msg(`kfmsg_${String(i).padStart(6, '0')}`, '您好，请问这款大衣有M码吗？', 1000 + ((i * 7919) % 1000)));
    const list = await redis.lrange(keys.conversation('g1', 'wm1'), 0, -1);
    expect(list).toHaveLength(200);
    expect(await redis.scard(keys.conversationIndex('g1', 'wm1'))).toBe(200);
    expect(await redis.object('ENCODING', keys.conversationIndex('g1', 'wm1'))).toBe('intset');
    const ats = (await store.lastMessages('g1', 'wm1', 200)).map((m) => m.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(ats[0]).toBe(1800);
  });

  it('reads and orders around entries stored as whole messages by the earlier form', async () => {
    const keys = createKeys(`${prefix}legacy:`);
    const store = createRedisConversationStore(redis, keys, { ttlSec: 3600, maxMessages: 5 });
    await redis.rpush(keys.conversation('g1', 'wm1'), JSON.stringify(msg('old1', '早', 10)), JSON.stringify(msg('old2', '中', 30)));
    expect(await store.appendMessage(msg('new', '午', 20))).toBe(true);
    expect(await store.appendMessage(msg('old2', '中', 30))).toBe(false);
    expect(await store.lastMessages('g1', 'wm1', 10)).toEqual([msg('old1', '早', 10), msg('new', '午', 20), msg('old2', '中', 30)]);
  });

  it('gives every key it writes a TTL', async () => {
    const p = `${prefix}ttl:`;
    const store = createRedisConversationStore(redis, createKeys(p), { ttlSec: 1234, maxMessages: 5 });
    await store.appendMessage(msg('x', 'hi', 1));
    await store.updateProfile('wm1', 1, (pr) => ({ ...pr, relationships: { g1: { guideId: 'g1', status: 'active', since: 1, tagIds: [] } } }));
    const keys = await keysUnder(redis, p);
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const key of keys) {
      const ttl = await redis.ttl(key);
      expect(ttl, key).toBeGreaterThan(1200);
      expect(ttl, key).toBeLessThanOrEqual(1234);
    }
  });
});
