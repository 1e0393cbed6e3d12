import slotOf from 'cluster-key-slot';
import { describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/compose/check-redis.ts';
import { createKeys, INBOX_SHARDS, slotGroups } from '../../src/conversation/keys.ts';
import { EVENT_QUEUE } from '../../src/jobs/event-job.ts';
import { REVIEW_QUEUE } from '../../src/jobs/review-jobs.ts';

/** The key layout a Redis Cluster needs (the comment at the top of src/conversation/keys.ts), by slot arithmetic. */
const keys = createKeys('ga:');
const oneSlot = (group: string[]): boolean => new Set(group.map((key) => slotOf(key))).size === 1;

describe('cluster key layout', () => {
  it('puts a callback dedupe marker in the slot of the inbox stream it is appended to, spread over every stream', () => {
    const dedupeKeys = Array.from({ length: 500 }, (_, i) => `msg-${7_000_000_000 + i}`);
    for (const d of dedupeKeys) expect(oneSlot([keys.dedupe(d), keys.inboxOf(d)]), d).toBe(true);
    const streams = new Set(dedupeKeys.map((d) => keys.inboxOf(d)));
    expect(streams).toEqual(new Set(Array.from({ length: INBOX_SHARDS }, (_, n) => keys.inbox(n))));
    expect(new Set([...streams].map((s) => slotOf(s))).size).toBe(INBOX_SHARDS);
  });

  it('keeps every key of one queue in one slot, and each queue in a slot of its own', () => {
    for (const queue of QUEUES) {
      const base = `${keys.bull(queue)}:${queue}`;
      expect(oneSlot(['wait', 'active', 'meta', 'events', 'completed', 'failed', 'delayed', 'stalled-check', '42', '42:lock'].map((t) => `${base}:${t}`)), queue).toBe(true);
    }
    expect(new Set(QUEUES.map((q) => slotOf(keys.bull(q)))).size).toBe(QUEUES.length);
  });

  it('tags every key of a conversation by the conversation, and conversations spread', () => {
    const group = (g: string, c: string) => [keys.conversation(g, c), keys.conversationIndex(g, c), keys.suggestion(g, c), keys.suggestionPending(g, c), keys.tagProposals(g, c), keys.tagDecisions(g, c)];
    expect(oneSlot(group('guide.lin', 'wmLT0001'))).toBe(true);
    const slots = new Set(Array.from({ length: 50 }, (_, i) => slotOf(keys.conversation('guide.lin', `wm${i}`))));
    expect(slots.size).toBeGreaterThan(40);
  });

  it('keeps what one script touches together: every send window, and the held drafts with their stores’ sets', () => {
    expect(oneSlot(['guide.lin', 'guide.chen', 'manager.wang'].map((u) => keys.sendWindow(u)))).toBe(true);
    expect(oneSlot([keys.approval('s1.d1'), keys.approvalsPending('store-a'), keys.approvalsDecided('store-b')])).toBe(true);
  });

  it('gives start-up one probe per group, each in one slot, under any prefix', () => {
    for (const prefix of ['ga:', 'tenant-7:', '{b}:']) for (const group of slotGroups(createKeys(prefix), QUEUES)) expect(oneSlot(group), group.join(' ')).toBe(true);
  });

  it('lets a tag in the prefix pin every key of the tenant to one slot', () => {
    const pinned = createKeys('{b}:');
    expect(oneSlot([pinned.inbox(0), pinned.inbox(5), pinned.dedupe('x'), pinned.bull(EVENT_QUEUE), pinned.bull(REVIEW_QUEUE), pinned.conversation('g', 'c'), pinned.profile('c')])).toBe(true);
  });
});
