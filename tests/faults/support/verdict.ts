import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createKeys } from '../../../src/conversation/keys.ts';
import { createRedisConversationStore } from '../../../src/conversation/redis-conversation-store.ts';
import { inboxLength } from '../../../src/jobs/inbox-pump.ts';
import { EVENT_QUEUE } from '../../../src/jobs/event-job.ts';
import { APP_REPLY, ASSISTANT_THREAD } from '../../../src/jobs/handle-app-text.ts';
import type { FakeWecom } from './fake-wecom.ts';
import { platformOrder, type PlatformMessage } from './platform-load.ts';

/** What a scenario measured from outside: Redis as the service left it, and what reached WeCom. */
export interface Verdict {
  acked: number;
  /** Acknowledged messages stored exactly once in their conversation. */
  processedOnce: number;
  /** Acknowledged messages not stored / stored more than once. */
  missing: number;
  storedTwice: number;
  conversations: number;
  /** Conversations whose stored messages are in the platform's order. */
  orderOk: number;
  /** Replies sent beyond one per message that has a send record (call-once): a repeated outbound call. */
  repeats: number;
  /**
   * Messages with a send record but no reply at WeCom: an attempt that died inside message/send, which
   * at-most-once does not repeat (call-once.ts). Only a killed worker may cause these.
   */
  unanswered: number;
  /** Acknowledged messages whose reply was never even attempted (no send record), and jobs parked as failed. */
  neverAnswered: number;
  failedJobs: number;
  /** Jobs and inbox entries still waiting or running when the checker stopped waiting (0 once settled). */
  leftOver: number;
}

export interface Checker {
  /** Polls until every acknowledged message is stored and answered (or recorded as sent) and no job is left. */
  settle(acked: readonly PlatformMessage[], timeoutMs?: number): Promise<Verdict>;
  close(): Promise<void>;
}

export function createChecker(redisUrl: string, prefix: string, wecom: FakeWecom): Checker {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  const keys = createKeys(prefix);
  const store = createRedisConversationStore(redis, keys, { ttlSec: 3600, maxMessages: 1000 });
  const queue = new Queue(EVENT_QUEUE, { connection: redis, prefix: keys.bull(EVENT_QUEUE) });
  queue.on('error', () => undefined);

  async function look(acked: readonly PlatformMessage[]): Promise<{ verdict: Verdict; settled: boolean }> {
    const verdict: Verdict = { acked: acked.length, processedOnce: 0, missing: 0, storedTwice: 0, conversations: 0, orderOk: 0, repeats: 0, unanswered: 0, neverAnswered: 0, failedJobs: 0, leftOver: 0 };
    for (const guide of wecom.guides) {
      const mine = acked.filter((m) => m.guide === guide);
      if (mine.length === 0) continue;
      verdict.conversations++;
      const stored = (await store.lastMessages(guide, ASSISTANT_THREAD, 1000)).map((m) => m.id);
      const times = new Map<string, number>();
      for (const id of stored) times.set(id, (times.get(id) ?? 0) + 1);
      for (const m of mine) {
        const n = times.get(m.msgId) ?? 0;
        if (n === 1) verdict.processedOnce++;
        else if (n === 0) verdict.missing++;
        else verdict.storedTwice++;
      }
      const expected = mine.filter((m) => times.has(m.msgId)).sort(platformOrder).map((m) => m.msgId);
      if (JSON.stringify(stored.filter((id) => mine.some((m) => m.msgId === id))) === JSON.stringify(expected)) verdict.orderOk++;
      const records = await redis.mget(...mine.map((m) => keys.done(APP_REPLY, m.msgId)));
      const recorded = records.filter((r) => r !== null).length;
      verdict.neverAnswered += mine.length - recorded;
      const replies = wecom.repliesTo(guide);
      verdict.repeats += Math.max(0, replies - recorded);
      verdict.unanswered += Math.max(0, recorded - replies);
    }
    const { failed, ...left } = await queue.getJobCounts('failed', 'waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    verdict.failedJobs = failed ?? 0;
    verdict.leftOver = Object.values(left).reduce((a, b) => a + b, 0) + (await inboxLength(redis, keys));
    return { verdict, settled: verdict.missing === 0 && verdict.neverAnswered === 0 && verdict.leftOver === 0 };
  }

  return {
    async settle(acked, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = await look(acked).catch(() => undefined);
        if (seen && (seen.settled || Date.now() > deadline)) return seen.verdict;
        if (!seen && Date.now() > deadline) throw new Error('Redis did not answer while settling');
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}

/** The one line a scenario prints, e.g. `FAULT redis-kill9: acked 600, processed 600 once, …, 14.2 s`. */
export function summaryLine(name: string, v: Verdict, seconds: number, extra = ''): string {
  const problems = [v.missing ? `missing ${v.missing}` : '', v.storedTwice ? `stored twice ${v.storedTwice}` : ''].filter(Boolean).join(', ');
  const unsent = [
    v.unanswered ? `replies lost in a killed send ${v.unanswered}` : '',
    v.neverAnswered ? `never answered ${v.neverAnswered}` : '',
    v.failedJobs ? `failed jobs ${v.failedJobs}` : '',
    v.leftOver ? `still queued ${v.leftOver}` : '',
  ].filter(Boolean);
  return (
    `FAULT ${name}: acked ${v.acked}, processed ${v.processedOnce} once${problems ? ` (${problems})` : ''}, ` +
    `order ok ${v.orderOk}/${v.conversations} conversations, outbound repeats ${v.repeats}` +
    `${unsent.map((u) => `, ${u}`).join('')}${extra ? `, ${extra}` : ''}, ${seconds.toFixed(1)} s`
  );
}

/** Every message acknowledged, stored once, in order, answered once; no job failed. */
export function cleanVerdict(sent: number, conversations: number): Verdict {
  return { acked: sent, processedOnce: sent, missing: 0, storedTwice: 0, conversations, orderOk: conversations, repeats: 0, unanswered: 0, neverAnswered: 0, failedJobs: 0, leftOver: 0 };
}
