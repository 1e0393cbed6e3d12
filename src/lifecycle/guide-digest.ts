/**
 * One WeCom app message per guide per run, however many tasks the run made: new task ids wait in a set
 * per guide, and the digest job sends a single textcard for all of them. Ids leave the set only after
 * WeCom took the message, so a failed or rate-limited send is retried with the same tasks.
 */
import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import type { Task, TaskStore } from '../tasks/task-store.ts';
import { operationId, type CallOnce } from '../wecom/api/call-once.ts';
import type { AppMessage, WecomApi } from '../wecom/api/wecom-api.ts';
import { LIFECYCLE_RULES, RULE_LABELS } from './member.ts';
import { inChunks } from '../ops/in-chunks.ts';

export interface DigestStore {
  add(guideId: string, taskId: string): Promise<void>;
  pending(guideId: string): Promise<string[]>;
  remove(guideId: string, taskIds: string[]): Promise<void>;
  /** The guides among `guideIds` with tasks waiting for a digest. */
  waiting(guideIds: readonly string[]): Promise<string[]>;
}

export function createDigestStore(redis: RedisClient, keys: Keys, ttlSec: number): DigestStore {
  return {
    add: async (guideId, taskId) => void (await redis.multi().sadd(keys.lifecycleDigest(guideId), taskId).expire(keys.lifecycleDigest(guideId), ttlSec).exec()),
    pending: (guideId) => redis.smembers(keys.lifecycleDigest(guideId)),
    async remove(guideId, taskIds) {
      for (const chunk of inChunks(taskIds)) await redis.srem(keys.lifecycleDigest(guideId), chunk);
    },
    async waiting(guideIds) {
      // One command a guide (their sets sit in different slots), issued together.
      const sizes = await Promise.all(guideIds.map((guideId) => redis.scard(keys.lifecycleDigest(guideId))));
      return guideIds.filter((_, i) => (sizes[i] ?? 0) > 0);
    },
  };
}

const clip = (text: string, n: number): string => ([...text].length > n ? `${[...text].slice(0, n).join('')}…` : text);

/** The textcard: how many customers, by rule, the first few names, and a link to the sidebar. */
export function digestMessage(guideId: string, tasks: Array<Task & { customerName: string }>, sidebarUrl: string): AppMessage {
  const customers = [...new Set(tasks.map((t) => t.customerId))];
  const summary = LIFECYCLE_RULES.map((rule) => [RULE_LABELS[rule], tasks.filter((t) => t.kind === rule).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n}`)
    .join(' · ');
  const names = [...new Set(tasks.map((t) => t.customerName || '客户'))];
  const who = names.length > 3 ? `${names.slice(0, 3).join('、')} 等` : names.join('、');
  return {
    toUser: [guideId],
    msgtype: 'textcard',
    textcard: {
      title: `今日有 ${customers.length} 个客户待跟进`,
      description: clip(`${summary}\n${who}\n打开侧边栏查看推荐话术，一键发送`, 150),
      url: sidebarUrl,
      btntxt: '去跟进',
    },
  };
}

export interface DigestDeps {
  digests: DigestStore;
  tasks: Pick<TaskStore, 'get'>;
  api: Pick<WecomApi, 'sendMessage'>;
  /**
   * The card goes out at most once per guide and set of task ids (call-once.ts): a retry after a crash
   * between the send and removing the ids skips it; the tasks are in the guide's 待办 either way.
   */
  once: CallOnce;
  customerName: (customerId: string) => Promise<string>;
  /** Where the link in the card opens (the guide sidebar). */
  sidebarUrl: () => string;
}

/** Sends the guide's digest of tasks still open; `send_rate_limited` propagates so the job is rescheduled. */
export async function sendDigest(deps: DigestDeps, guideId: string): Promise<string> {
  const ids = await deps.digests.pending(guideId);
  const tasks = (await Promise.all(ids.map((id) => deps.tasks.get(id)))).filter((t): t is Task => t?.status === 'open' && t.guideId === guideId);
  if (tasks.length > 0) {
    const named = await Promise.all(tasks.map(async (t) => ({ ...t, customerName: await deps.customerName(t.customerId) })));
    named.sort((a, b) => a.due - b.due);
    const message = digestMessage(guideId, named, deps.sidebarUrl());
    await deps.once.run('lc-digest', `${guideId}|${operationId(ids)}`, 'at-most-once', () => deps.api.sendMessage(message));
  }
  await deps.digests.remove(guideId, ids);
  return tasks.length > 0 ? `digest_${tasks.length}` : 'nothing_open';
}
