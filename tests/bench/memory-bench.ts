import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { inboxLength } from '../../src/jobs/inbox-pump.ts';
import { startService, type Service } from '../../src/main.ts';
import type { RedisClient } from '../../src/ops/redis-client.ts';
import { eventually } from '../support/eventually.ts';
import { deleteUnder, keysUnder, testConfig } from '../support/test-service.ts';

/**
 * Redis bytes one conversation of `messages` messages costs once everything it caused has settled
 * (redis_bytes_per_conversation; goal ≤ 48 KB at 200 messages).
 *
 * How: MEMORY USAGE (SAMPLES 0, every element counted) of every key under the run's prefix, taken before the
 * conversations start and again after they settled; the growth divided by the number of conversations. The
 * figure counts the conversation's keys (its messages and their id index, suggestion, tag proposals and
 * decisions, the customer's profile, its share of the guide's follow and conversation indexes and live
 * feed) and its share of the queue structures (every BullMQ key: job hashes, completed and failed sets,
 * events streams). The other keys the same traffic writes are printed beside it, not counted: the
 * callbacks' dedupe markers and the 微信客服 account's seen ids (per callback and per account, bounded by
 * age), and the review samples and daily figures. Conversations run side by side, as a store's guides'
 * do, so the queues' count-bounded structures are shared as they are in service.
 *
 * Driven through the emulator: every message is a real signed 微信客服 callback, a queue job and a
 * kf/sync_msg pull, and the offline engine answers the customer's messages at the default debounce.
 */
const CONVERSATION_KEYS = new Set(['conv', 'conv-idx', 'conv-ids', 'suggestion', 'suggest-pending', 'tag-proposals', 'tag-decided', 'profile', 'follows', 'guide-convs', 'feed', 'bull']);

async function bytesByFamily(redis: RedisClient, prefix: string): Promise<Map<string, number>> {
  const families = new Map<string, number>();
  for (const key of await keysUnder(redis, prefix)) {
    const family = key.slice(prefix.length).split(':')[0] ?? '';
    families.set(family, (families.get(family) ?? 0) + Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0));
  }
  return families;
}

async function settled(service: Service, customers: string[], messages: number): Promise<void> {
  const lengths = () => Promise.all(customers.map((c) => service.stores.store.lastMessages('guide.lin', c, messages).then((m) => m.length)));
  await eventually(lengths, (n) => n.every((x) => x >= messages), 2400, 50);
  const busy = async () => {
    const perQueue = await Promise.all([service.eventQueue, service.suggestQueue].map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
    return perQueue.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0) + (await inboxLength(service.redis, service.keys));
  };
  await eventually(busy, (n) => n === 0, 2400, 50);
}

export async function benchMemory(conversations = 20, messages = 200): Promise<{ redis_bytes_per_conversation: number }> {
  const config = testConfig({ REDIS_PREFIX: `bench:${randomUUID().slice(0, 8)}:` });
  const service = await startService(config, { log: pino({ level: 'silent' }) });
  try {
    await eventually(() => service.stores.store.isFollowing('guide.lin', 'wmLT0001'), Boolean);
    await settled(service, [], 0);
    const before = await bytesByFamily(service.redis, config.redis.prefix);
    const emulator = service.emulator!;
    const customers: string[] = [];
    for (let i = 0; i < conversations; i++) customers.push((await emulator.actions.addContact({ userid: 'guide.lin', name: `顾客${i}` })).externalUserId);
    const lines = ['这件大衣有M码吗？周末想到店试一下', '您好，M码有的，周末几点过来？我给您留一件', '预算一千左右，送妈妈的', '好的，这款羊绒围巾很合适，699元'];
    for (let n = 0; n < messages; n++) {
      const from = n % 2 === 0 ? 'customer' : 'guide';
      await Promise.all(customers.map((customer) => emulator.actions.say({ guide: 'guide.lin', customer, from, text: `${lines[n % lines.length]}（${n}）` })));
    }
    await settled(service, customers, messages);
    const after = await bytesByFamily(service.redis, config.redis.prefix);
    const growth = [...after].map(([family, bytes]) => [family, (bytes - (before.get(family) ?? 0)) / conversations] as const);
    const counted = growth.filter(([family]) => CONVERSATION_KEYS.has(family));
    const others = growth.filter(([family]) => !CONVERSATION_KEYS.has(family));
    const sum = (rows: typeof growth): number => Math.round(rows.reduce((total, [, bytes]) => total + bytes, 0));
    const list = (rows: typeof growth): string => rows.toSorted((a, b) => b[1] - a[1]).filter(([, b]) => Math.abs(b) >= 50).map(([f, b]) => `${f} ${Math.round(b)}`).join(', ');
    const perConversation = sum(counted);
    console.log(`Redis per conversation of ${messages} messages (${conversations} conversations side by side): ${perConversation} bytes (${list(counted)})`);
    console.log(`  beside it, per conversation, not counted: ${sum(others)} bytes (${list(others)})`);
    return { redis_bytes_per_conversation: perConversation };
  } finally {
    await service.close();
    await deleteUnder(config.redis.prefix);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchMemory();
