import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateKeysCli } from '../../src/compose/migrate-keys.ts';
import { createKeys } from '../../src/conversation/keys.ts';
import { createRedisConversationStore } from '../../src/conversation/redis-conversation-store.ts';
import { encodeMessage } from '../../src/conversation/encode-message.ts';
import { EVENT_QUEUE, type EventJob } from '../../src/jobs/event-job.ts';
import { inboxLength } from '../../src/jobs/inbox-pump.ts';
import { deleteUnder, keysUnder, testConfig, testRedis } from '../support/test-service.ts';

/** `npm run migrate-keys`: what a single server holds in the earlier layout reaches the cluster layout's keys. */
const config = testConfig();
const prefix = config.redis.prefix;
const keys = createKeys(prefix);
const redis = testRedis();

afterAll(async () => {
  await deleteUnder(prefix);
  redis.disconnect();
});

const job = (n: number): EventJob => ({
  dedupeKey: `msg-${n}`,
  receivedAt: n,
  event: { type: 'text', corpId: 'ww', createTime: n, msgId: String(n), fromUser: 'guide.lin', agentId: '1', content: 'x' },
});

describe('migrate-keys', () => {
  it('renames the keys that gained a hash tag, keeps their TTL, and moves inbox entries and queued jobs', async () => {
    const message = { id: 'm1', guideId: 'guide.lin', customerId: 'wm1', speaker: 'customer' as const, text: '有M码吗', source: 'kf' as const, at: 1000 };
    await redis.rpush(`${prefix}conv:guide.lin:wm1`, encodeMessage(message));
    await redis.expire(`${prefix}conv:guide.lin:wm1`, 5000);
    await redis.set(`${prefix}dedupe:msg-9`, '1', 'EX', 600);
    await redis.set(`${prefix}approval:s1.d1`, '{"id":"s1.d1"}');
    await redis.set(`${prefix}archive-consent:guide.lin:wm1`, '1', 'EX', 600);
    await redis.rpush(`${prefix}group-conv:wrG1`, 'line');
    await redis.xadd(`${prefix}inbox`, '*', 'job', JSON.stringify(job(1)));
    const old = new Queue<EventJob>(EVENT_QUEUE, { connection: redis, prefix: `${prefix}bull` });
    await old.add('text', job(2), { jobId: 'msg-2' });
    await old.close();

    const lines: string[] = [];
    expect(await migrateKeysCli(config, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual(expect.arrayContaining(['conv: 1 renamed', 'dedupe: 1 renamed', 'approval: 1 renamed', 'archive-consent: 1 renamed', 'group-conv: 1 renamed', 'inbox: 1 entries moved to their shards', 'queue wecom-events: 1 jobs still to run moved']));

    const store = createRedisConversationStore(redis, keys, { ttlSec: 60, maxMessages: 200 });
    expect(await store.lastMessages('guide.lin', 'wm1', 10)).toEqual([message]);
    expect(await redis.ttl(keys.conversation('guide.lin', 'wm1'))).toBeGreaterThan(4000);
    expect(await redis.get(keys.dedupe('msg-9'))).toBe('1');
    expect(await redis.get(keys.approval('s1.d1'))).toBe('{"id":"s1.d1"}');
    expect(await redis.get(keys.archiveConsent('guide.lin', 'wm1'))).toBe('1');
    expect(await redis.lrange(keys.groupConversation('wrG1'), 0, -1)).toEqual(['line']);
    expect(await redis.xlen(keys.inboxOf('msg-1'))).toBe(1);
    const queue = new Queue<EventJob>(EVENT_QUEUE, { connection: redis, prefix: keys.bull(EVENT_QUEUE) });
    expect((await queue.getJobs(['waiting'])).map((j) => [j.id, j.data.dedupeKey])).toEqual([['msg-2', 'msg-2']]);
    await queue.close();
    // Nothing of the earlier layout is left: every key now carries a hash tag.
    expect((await keysUnder(redis, prefix)).filter((key) => !key.includes('{'))).toEqual([]);

    const again: string[] = [];
    expect(await migrateKeysCli(config, (line) => again.push(line))).toBe(0);
    expect(again).toEqual(['keys migrated to the cluster layout']);
    expect(await inboxLength(redis, keys)).toBe(1);
  });
});
