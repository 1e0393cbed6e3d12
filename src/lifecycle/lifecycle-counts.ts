/**
 * Per store and China day: tasks made per rule (and how many had their draft held), tasks closed per rule
 * and status, and the outcome the guide reported. The manager's figures sum the days of a period.
 */
import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import { businessDays, businessDay } from '../suggestions/business-day.ts';
import { LIFECYCLE_RULES, type LifecycleRule } from './member.ts';

export const OUTCOMES = ['sent', 'replied', 'purchased', 'no_response'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface RuleCounts {
  rule: LifecycleRule;
  created: number;
  /** Created without a draft because the guardrails held it. */
  held: number;
  done: number;
  dismissed: number;
  outcomes: Record<Outcome, number>;
}

export interface LifecycleCounts {
  recordCreated(input: { storeId: string; rule: LifecycleRule; held: boolean; at: number }): Promise<void>;
  recordClosed(input: { storeId: string; rule: LifecycleRule; status: 'done' | 'dismissed'; outcome?: Outcome; at: number }): Promise<void>;
  /** Sums over the `days` business days ending with the day of `now`. */
  load(storeIds: readonly string[], days: number, now: number): Promise<RuleCounts[]>;
}

export function createLifecycleCounts(redis: RedisClient, keys: Keys, ttlSec: number): LifecycleCounts {
  const bump = async (storeId: string, at: number, fields: string[]): Promise<void> => {
    const key = keys.lifecycleCounts(storeId, businessDay(at));
    const multi = redis.multi();
    for (const field of fields) multi.hincrby(key, field, 1);
    await multi.expire(key, ttlSec).exec();
  };
  return {
    recordCreated: ({ storeId, rule, held, at }) => bump(storeId, at, [`${rule}|created`, ...(held ? [`${rule}|held`] : [])]),
    recordClosed: ({ storeId, rule, status, outcome, at }) => bump(storeId, at, [`${rule}|${status}`, ...(outcome ? [`${rule}|outcome|${outcome}`] : [])]),
    async load(storeIds, days, now) {
      const totals = new Map<string, number>();
      // One command a store and day (their hashes sit in different slots), issued together.
      const hashes = await Promise.all(storeIds.flatMap((storeId) => businessDays(now, days).map((day) => redis.hgetall(keys.lifecycleCounts(storeId, day)))));
      for (const hash of hashes) for (const [field, value] of Object.entries(hash)) totals.set(field, (totals.get(field) ?? 0) + Number(value));
      const get = (field: string): number => totals.get(field) ?? 0;
      return LIFECYCLE_RULES.map((rule) => ({
        rule,
        created: get(`${rule}|created`),
        held: get(`${rule}|held`),
        done: get(`${rule}|done`),
        dismissed: get(`${rule}|dismissed`),
        outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, get(`${rule}|outcome|${o}`)])) as Record<Outcome, number>,
      }));
    },
  };
}
