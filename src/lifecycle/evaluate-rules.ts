/**
 * The four lifecycle rules on one member for one day. Pure: the caller supplies today, the settings, the
 * catalog and the customer's tags; each hit names its period (what "once" means for it) and how long the
 * once-marker must outlive the run.
 */
import type { Product } from '../assist/knowledge/schemas.ts';
import { dayNumber, monthDay, nextBirthday, parseDay, startOfDay } from './china-date.ts';
import type { LifecycleMember, LifecycleRule, LifecycleSettings } from './member.ts';

const DAY_MS = 86400_000;

export interface RuleHit {
  rule: LifecycleRule;
  /** birthday: the year; win-back: last purchase + window number; points: the expiry day; new arrival: the sku. */
  period: string;
  /** How long the once-marker must live so the same period never gives a second task. */
  keepMs: number;
  due: number;
  /** Rule-specific template values. */
  values: Record<string, string>;
  /** Products the draft names (their catalog prices may be quoted). */
  products: Product[];
}

export interface RuleInput {
  member: LifecycleMember;
  today: string;
  settings: LifecycleSettings;
  products: readonly Product[];
  /** The customer's tags as "组/标签". */
  tags: readonly string[];
}

const days = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

function fullDate(day: string, today: string): string {
  return day.slice(0, 4) === today.slice(0, 4) ? monthDay(day) : `${day.slice(0, 4)}年${monthDay(day)}`;
}

export function formatPrice(price: number): string {
  return Number.isInteger(price) ? String(price) : price.toFixed(2).replace(/0$/, '');
}

function birthday({ member, today, settings }: RuleInput): RuleHit | undefined {
  const next = nextBirthday(member.birthday, today);
  const until = days(today, next);
  if (until > settings.birthday.daysBefore) return undefined;
  const when = ['今天', '明天', '后天'][until] ?? monthDay(next);
  return {
    rule: 'birthday',
    period: next.slice(0, 4),
    keepMs: (until + 2) * DAY_MS,
    due: startOfDay(next),
    values: { date: monthDay(next), when, days: String(until) },
    products: [],
  };
}

function winBack({ member, today, settings }: RuleInput): RuleHit | undefined {
  if (!member.lastPurchaseAt) return undefined;
  const { afterDays } = settings.winBack;
  const since = days(member.lastPurchaseAt, today);
  if (since < afterDays) return undefined;
  // Windows count from the last purchase (days 60–119 are window 1 …): a new purchase starts over.
  const window = Math.floor(since / afterDays);
  return {
    rule: 'win_back',
    period: `${member.lastPurchaseAt}#${window}`,
    keepMs: ((window + 1) * afterDays - since + 1) * DAY_MS,
    due: startOfDay(today),
    values: { days: String(since), last_purchase: fullDate(member.lastPurchaseAt, today) },
    products: [],
  };
}

function pointsExpiring({ member, today, settings }: RuleInput): RuleHit | undefined {
  const { withinDays, minBalance } = settings.pointsExpiring;
  if (!member.pointsExpireAt || member.pointsBalance === undefined || member.pointsBalance < minBalance) return undefined;
  const left = days(today, member.pointsExpireAt);
  if (left < 0 || left > withinDays) return undefined;
  return {
    rule: 'points_expiring',
    period: member.pointsExpireAt,
    keepMs: (left + 2) * DAY_MS,
    due: startOfDay(member.pointsExpireAt),
    values: { points: String(member.pointsBalance), date: fullDate(member.pointsExpireAt, today), days: String(left) },
    products: [],
  };
}

/** When a product arrived (`attributes.arrivedAt`, YYYY-MM-DD); undefined for products without one. */
export function arrivedAt(product: Product): string | undefined {
  const raw = product.attributes.arrivedAt;
  return typeof raw === 'string' ? parseDay(raw) : undefined;
}

/** The newest-matching product: most shared tags, then the most recent arrival, then the sku. */
function newArrival({ today, settings, products, tags }: RuleInput): RuleHit | undefined {
  const { withinDays } = settings.newArrival;
  const wanted = new Set(tags);
  const candidates = products.flatMap((product) => {
    const arrived = arrivedAt(product);
    if (!arrived) return [];
    const age = days(arrived, today);
    const shared = (product.tags ?? []).filter((t) => wanted.has(t));
    return age >= 0 && age <= withinDays && shared.length > 0 ? [{ product, age, shared }] : [];
  });
  candidates.sort((a, b) => b.shared.length - a.shared.length || a.age - b.age || a.product.sku.localeCompare(b.product.sku));
  const best = candidates[0];
  if (!best) return undefined;
  return {
    rule: 'new_arrival',
    period: best.product.sku,
    keepMs: (withinDays - best.age + 2) * DAY_MS,
    due: startOfDay(today),
    values: { product: best.product.name, price: formatPrice(best.product.price), match: best.shared.map((t) => t.slice(t.indexOf('/') + 1)).join('、') },
    products: [best.product],
  };
}

const RULES: Record<LifecycleRule, (input: RuleInput) => RuleHit | undefined> = {
  birthday,
  win_back: winBack,
  points_expiring: pointsExpiring,
  new_arrival: newArrival,
};

export function evaluateRules(input: RuleInput): RuleHit[] {
  return input.settings.rules.flatMap((rule) => RULES[rule](input) ?? []);
}
