import type { Router } from '@koa/router';
import { figuresCsv, loadFigures } from '../suggestions/load-figures.ts';
import { currentMember, requireMember } from './current-member.ts';
import { storesFromQuery, visibleStores, type ReviewApiDeps } from './review-deps.ts';

/** Coaching figures per guide and store (day / week), as JSON for the charts and as CSV for spreadsheets. */
export function mountReviewFigureRoutes(router: Router, deps: ReviewApiDeps): void {
  const reviewer = requireMember(deps, ['manager', 'admin']);
  const report = (ctx: Parameters<Parameters<Router['get']>[1]>[0]) => {
    const stores = storesFromQuery(currentMember(ctx), deps.org, ctx.query.store);
    const period = ctx.query.period === 'week' ? 'week' : 'day';
    return loadFigures(deps, stores, period, deps.now());
  };

  router.get('/api/review/stores', reviewer, (ctx) => {
    const ids = visibleStores(currentMember(ctx), deps.org);
    ctx.body = {
      stores: deps.org.stores
        .filter((s) => ids.includes(s.id))
        .map((s) => ({ id: s.id, name: s.name, guides: deps.org.guidesOf([s.id]).map((g) => ({ userId: g.userId, name: g.name })) })),
    };
  });

  router.get('/api/review/figures', reviewer, async (ctx) => {
    ctx.body = await report(ctx);
  });

  router.get('/api/review/figures.csv', reviewer, async (ctx) => {
    const figures = await report(ctx);
    ctx.type = 'text/csv; charset=utf-8';
    ctx.attachment(`guide-figures-${figures.period}-${figures.to}.csv`);
    ctx.body = figuresCsv(figures);
  });
}
