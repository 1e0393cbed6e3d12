import { readFileSync } from 'node:fs';
import { getEach, type RedisClient } from '../ops/redis-client.ts';
import type { Flag } from '../assist/suggestion-schema.ts';
import type { Keys } from '../conversation/keys.ts';

export type ApprovalState = 'pending' | 'approved' | 'rejected';

/** A held draft (a guardrail flag at or above the store's threshold) and the manager's decision on it. */
export interface Approval {
  /** `${suggestionId}.${draftId}` */
  id: string;
  suggestionId: string;
  draftId: string;
  guideId: string;
  customerId: string;
  storeId: string;
  originalText: string;
  flags: Flag[];
  createdAt: number;
  state: ApprovalState;
  /** The text the guide may send: the original, or the manager's edit. */
  text?: string;
  comment?: string;
  decidedBy?: string;
  decidedAt?: number;
  /** Set when the item waited longer than the escalation threshold. */
  escalatedAt?: number;
}

export function approvalIdOf(suggestionId: string, draftId: string): string {
  return `${suggestionId}.${draftId}`;
}

export interface ApprovalStore {
  /** Idempotent: an approval that exists is left as it is. */
  createPending(approval: Approval): Promise<boolean>;
  get(approvalId: string): Promise<Approval | undefined>;
  many(approvalIds: string[]): Promise<Approval[]>;
  /** Pending items of the given stores, oldest first. */
  listPending(storeIds: string[]): Promise<Approval[]>;
  /** Decided items of the given stores in [from, to). */
  listDecided(storeIds: string[], from: number, to: number): Promise<Approval[]>;
  /** Applies a decision once: undefined when already decided (two managers at once) or unknown. */
  decide(approvalId: string, decision: { state: 'approved' | 'rejected'; text?: string; comment?: string; by: string; at: number }): Promise<Approval | undefined>;
  markEscalated(approvalId: string, at: number): Promise<void>;
}

const DECIDE = readFileSync(new URL('./lua/decide-approval-3.lua', import.meta.url), 'utf8');

export function createRedisApprovalStore(redis: RedisClient, keys: Keys, ttlSec: number): ApprovalStore {
  const parse = (raw: string | null): Approval | undefined => (raw ? (JSON.parse(raw) as Approval) : undefined);
  const many = async (ids: string[]): Promise<Approval[]> => {
    if (ids.length === 0) return [];
    return (await getEach(redis, ids.map((id) => keys.approval(id)))).flatMap((raw) => parse(raw) ?? []);
  };
  return {
    async createPending(approval) {
      if ((await redis.set(keys.approval(approval.id), JSON.stringify(approval), 'EX', ttlSec, 'NX')) !== 'OK') return false;
      const pending = keys.approvalsPending(approval.storeId);
      await redis.multi().zadd(pending, approval.createdAt, approval.id).expire(pending, ttlSec).exec();
      return true;
    },
    async get(id) {
      return parse(await redis.get(keys.approval(id)));
    },
    many,
    async listPending(storeIds) {
      const ids = (await Promise.all(storeIds.map((s) => redis.zrange(keys.approvalsPending(s), 0, -1)))).flat();
      return (await many(ids)).filter((a) => a.state === 'pending').sort((a, b) => a.createdAt - b.createdAt);
    },
    async listDecided(storeIds, from, to) {
      const ids = (await Promise.all(storeIds.map((s) => redis.zrangebyscore(keys.approvalsDecided(s), from, `(${to}`)))).flat();
      return many(ids);
    },
    async decide(id, decision) {
      const raw = await redis.get(keys.approval(id));
      const current = parse(raw);
      if (!raw || !current || current.state !== 'pending') return undefined;
      const next: Approval = {
        ...current,
        state: decision.state,
        decidedBy: decision.by,
        decidedAt: decision.at,
        ...(decision.state === 'approved' ? { text: decision.text ?? current.originalText } : {}),
        ...(decision.comment ? { comment: decision.comment } : {}),
      };
      const keysFor = [keys.approval(id), keys.approvalsPending(current.storeId), keys.approvalsDecided(current.storeId)];
      const won = await redis.eval(DECIDE, 3, ...keysFor, raw, JSON.stringify(next), id, decision.at, ttlSec);
      return won === 1 ? next : undefined;
    },
    async markEscalated(id, at) {
      const current = parse(await redis.get(keys.approval(id)));
      if (current && !current.escalatedAt) await redis.set(keys.approval(id), JSON.stringify({ ...current, escalatedAt: at }), 'KEEPTTL');
    },
  };
}
