import type { Router } from '@koa/router';
import type { RuleCounts } from '../lifecycle/lifecycle-counts.ts';
import { RULE_LABELS } from '../lifecycle/member.ts';
import { businessDays } from '../suggestions/business-day.ts';
import { currentMember, requireMember } from './current-member.ts';
import type { LifecycleApiDeps } from './lifecycle-deps.ts';
import { storesFromQuery } from './review-deps.ts';

const labelled = (rows: RuleCounts[]) => rows.map((r) => ({ ...r, label: RULE_LABELS[r.rule] }));

/** Lifecycle reminders for the manager: tasks made and closed per rule and outcome, per store, by day or week. */
export function mountLifecycleReviewRoutes(router: Router, deps: LifecycleApiDeps): void {
  const reviewer = requireMember(deps, ['manager', 'admin']);

  router.get('/api/review/lifecycle', reviewer, async (ctx) => {
    const storeIds = storesFromQuery(currentMember(ctx), deps.org, ctx.query.store);
    const period = ctx.query.period === 'day' ? 'day' : 'week';
    const days = period === 'day' ? 1 : 7;
    const now = deps.now();
    const range = businessDays(now, days);
    const stores = await Promise.all(
      deps.org.stores
        .filter((s) => storeIds.includes(s.id))
        .map(async (s) => ({ id: s.id, name: s.name, rules: labelled(await deps.counts.load([s.id], days, now)) })),
    );
    ctx.body = { period, from: range[0], to: range.at(-1), totals: labelled(await deps.counts.load(storeIds, days, now)), stores };
  });
}
