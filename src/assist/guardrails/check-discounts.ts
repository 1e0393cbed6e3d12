/**
 * Discounts and promotions must be the policy's: "95折" when the policy offers 会员95折, "满1000减100"
 * when it lists that reduction, a promotion phrase the policy allows. "打一折", "买一送一", "送您一瓶",
 * "员工价" are not, whoever asked for them.
 */
import type { Policy } from '../knowledge/schemas.ts';
import type { Flag } from '../suggestion-schema.ts';
import { covers, findAll, normalizeAligned } from '../tags/find-phrases.ts';
import type { Span } from '../tags/find-phrases.ts';
import { makeFlag } from './flag.ts';

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 零: 0 };
const digit = (ch: string): number => CN_DIGIT[ch] ?? Number(ch);

const RATE = /(?:打)?([1-9一二三四五六七八九])(?:\.?([0-9一二三四五六七八九]))?\s*折(?!叠|扣率)/gu;
const REDUCTION = /(?:满\s*(\d+)\s*(?:元)?\s*)?(?:立减|直减|减|省)\s*(\d+)/gu;
const PROMOTION = /买[一二三两\d]送[一二三\d]|第[二三2-3]件(?:半价|[0-9一二三四五六七八九]折|免费)|半价|免单|买赠|满赠|包邮|返现|返利|优惠券|代金券|红包|内部价|员工价|底价|成本价|特价|秒杀|清仓价|(?:送|赠)(?:您|你)?(?:一|1|两|2)(?:个|件|瓶|支|份|双|条|盒)/gu;

export function rateOf(whole: string, tenth: string | undefined): number {
  return tenth === undefined ? digit(whole) / 10 : (digit(whole) * 10 + digit(tenth)) / 100;
}

function allowedSpans(policy: Policy, normalized: string): Span[] {
  const phrases = [...policy.promotions.flatMap((p) => p.phrases), ...policy.promises.flatMap((p) => p.phrases), ...policy.reductions.map((r) => r.label), ...policy.discounts.map((d) => d.label)];
  return phrases.flatMap((phrase) => findAll(normalized, normalizeAligned(phrase)));
}

export function checkDiscounts(text: string, policy: Policy, reason: string, severity: Flag['severity']): Flag[] {
  const normalized = normalizeAligned(text);
  const allowed = allowedSpans(policy, normalized);
  const rates = new Set(policy.discounts.map((d) => Math.round(d.rate * 100)));
  const flags: Flag[] = [];
  const flag = (start: number, end: number): void => {
    const span = { start, end };
    if (!allowed.some((a) => covers(a, span))) flags.push(makeFlag('discount', text, span, reason, severity));
  };
  for (const match of normalized.matchAll(RATE)) {
    const rate = Math.round(rateOf(match[1] ?? '', match[2]) * 100);
    if (!rates.has(rate)) flag(match.index, match.index + match[0].length);
  }
  for (const match of normalized.matchAll(REDUCTION)) {
    const threshold = match[1] === undefined ? undefined : Number(match[1]);
    const off = Number(match[2]);
    const ok = policy.reductions.some((r) => r.off === off && (threshold === undefined || r.threshold === threshold));
    if (!ok) flag(match.index, match.index + match[0].length);
  }
  for (const match of normalized.matchAll(PROMOTION)) flag(match.index, match.index + match[0].length);
  return flags;
}
