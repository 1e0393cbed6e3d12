import type { TaskKind } from '../tasks/task-store.ts';

/** What the CRM knows about one member (会员), as imported by CSV/JSON. Dates are China calendar days. */
export interface LifecycleMember {
  /** The customer's external_userid in WeCom. */
  customerId: string;
  name?: string;
  /** `MM-DD`, or `YYYY-MM-DD` when the year is known. */
  birthday: string;
  /** `YYYY-MM-DD`. */
  lastPurchaseAt?: string;
  pointsBalance?: number;
  /** `YYYY-MM-DD`: the last day the points can be used. */
  pointsExpireAt?: string;
  storeId?: string;
  guideId?: string;
}

export type LifecycleRule = Extract<TaskKind, 'birthday' | 'win_back' | 'points_expiring' | 'new_arrival'>;

export const LIFECYCLE_RULES: readonly LifecycleRule[] = ['birthday', 'win_back', 'points_expiring', 'new_arrival'];

/** How guides and managers read the rules. */
export const RULE_LABELS: Record<LifecycleRule, string> = {
  birthday: '生日关怀',
  win_back: '老客回访',
  points_expiring: '积分到期',
  new_arrival: '新品推荐',
};

export function isLifecycleRule(kind: string): kind is LifecycleRule {
  return (LIFECYCLE_RULES as readonly string[]).includes(kind);
}

/** The rule settings (config `lifecycle.*`). */
export interface LifecycleSettings {
  rules: readonly LifecycleRule[];
  birthday: { daysBefore: number };
  /** `offer`: id of a discount, reduction or promotion in policy.yaml; empty = no offer. */
  winBack: { afterDays: number; offer: string };
  pointsExpiring: { withinDays: number; minBalance: number };
  newArrival: { withinDays: number };
}
