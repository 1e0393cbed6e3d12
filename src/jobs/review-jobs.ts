import type { Queue } from 'bullmq';
import type { RedisClient } from '../ops/redis-client.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { GroupStore } from '../conversation/group-store.ts';
import type { Keys } from '../conversation/keys.ts';
import type { Logger } from '../ops/logger.ts';
import type { Org } from '../org/org.ts';
import type { Approval, ApprovalStore } from '../suggestions/approval-store.ts';
import { operationId, type CallOnce } from '../wecom/api/call-once.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';
import { inChunks } from '../ops/in-chunks.ts';

export const REVIEW_QUEUE = 'review';
export type ReviewJob = { kind: 'notify'; storeId: string } | { kind: 'sweep' };

export interface ReviewJobDeps {
  redis: RedisClient;
  keys: Keys;
  org: Org;
  approvals: ApprovalStore;
  store: ConversationStore;
  /** A held group draft names its group. */
  groups?: Pick<GroupStore, 'getGroup'>;
  api: Pick<WecomApi, 'sendMessage'>;
  /**
   * Manager cards and admin escalations go out at most once per set of items (call-once.ts): a retry after
   * a crash between the send and the bookkeeping finds the same items and skips the send; a set that
   * changed in between (a new held draft) is a new message.
   */
  once: CallOnce;
  log: Logger;
  now: () => number;
  /** Base URL of the console, for the links in app messages. */
  consoleUrl: () => string;
  escalateAfterMs: number;
}

/**
 * A new held draft is queued for its store's managers; one job per store and window sends them a single
 * textcard, so a burst of held drafts stays far below WeCom's 30 messages/minute/member.
 */
export async function announceApproval(queue: Queue<ReviewJob>, redis: RedisClient, keys: Keys, approval: Approval, batchMs: number): Promise<void> {
  await redis.multi().sadd(keys.approvalsToNotify(approval.storeId), approval.id).expire(keys.approvalsToNotify(approval.storeId), 86400).exec();
  await queue.add('notify', { kind: 'notify', storeId: approval.storeId }, { delay: batchMs, deduplication: { id: `notify|${approval.storeId}`, ttl: batchMs } });
}

const clip = (text: string, n: number): string => (text.length > n ? `${text.slice(0, n)}…` : text);

async function notifyManagers(deps: ReviewJobDeps, storeId: string): Promise<string> {
  const key = deps.keys.approvalsToNotify(storeId);
  const ids = await deps.redis.smembers(key);
  const pending = (await deps.approvals.many(ids)).filter((a) => a.state === 'pending').sort((a, b) => a.createdAt - b.createdAt);
  const managers = deps.org.members().filter((m) => m.role === 'manager' && m.stores.includes(storeId)).map((m) => m.userId);
  const first = pending[0];
  if (first && managers.length > 0) {
    const guide = deps.org.member(first.guideId)?.name ?? first.guideId;
    const group = await deps.groups?.getGroup(first.customerId);
    const customer = group ? `客户群「${group.name}」` : ((await deps.store.getProfile(first.customerId))?.name ?? first.customerId);
    const textcard = {
      title: `${pending.length}条导购回复待审核`,
      description: clip(`${guide} → ${customer}：${first.originalText}（${first.flags.map((f) => f.reason).join('；')}）`, 160),
      url: `${deps.consoleUrl()}/review/?item=${encodeURIComponent(first.id)}`,
      btntxt: '去审核',
    };
    await deps.once.run('review-notify', `${storeId}|${operationId(ids)}`, 'at-most-once', () => deps.api.sendMessage({ toUser: managers, msgtype: 'textcard', textcard }));
  }
  // Only what was announced leaves the set: a failed send is retried with the same items.
  for (const chunk of inChunks(ids)) await deps.redis.srem(key, chunk);
  return `notified_${pending.length}`;
}

async function escalate(deps: ReviewJobDeps): Promise<string> {
  const overdue = (await deps.approvals.listPending(deps.org.stores.map((s) => s.id))).filter((a) => !a.escalatedAt && deps.now() - a.createdAt > deps.escalateAfterMs);
  if (overdue.length === 0) return 'nothing_overdue';
  const admins = deps.org.members().filter((m) => m.role === 'admin').map((m) => m.userId);
  const lines = overdue.map((a) => `- ${deps.org.stores.find((s) => s.id === a.storeId)?.name ?? a.storeId}：${deps.org.member(a.guideId)?.name ?? a.guideId} 的回复已等待 ${Math.round((deps.now() - a.createdAt) / 60000)} 分钟`);
  if (admins.length > 0) {
    const content = clip(`**${overdue.length} 条导购回复审核超时**\n${lines.join('\n')}\n[打开审核台](${deps.consoleUrl()}/review/)`, 1800);
    await deps.once.run('review-escalate', operationId(overdue.map((a) => a.id)), 'at-most-once', () =>
      deps.api.sendMessage({ toUser: admins, msgtype: 'markdown', markdown: { content } }),
    );
  }
  for (const a of overdue) await deps.approvals.markEscalated(a.id, deps.now());
  deps.log.warn({ count: overdue.length }, 'held drafts escalated');
  return `escalated_${overdue.length}`;
}

export function createReviewProcessor(deps: ReviewJobDeps): (job: ReviewJob) => Promise<string> {
  return (job) => (job.kind === 'notify' ? notifyManagers(deps, job.storeId) : escalate(deps));
}
