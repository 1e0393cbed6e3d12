import type { Org } from '../org/org.ts';
import type { ApprovalStore } from './approval-store.ts';
import { businessDays } from './business-day.ts';
import { computeFigures, emptyInputs, mergeInputs, type FigureInputs, type Figures } from './compute-figures.ts';
import type { FeedbackStore } from './feedback-store.ts';
import type { ReviewStats } from './review-stats.ts';

export interface StoreFigures {
  id: string;
  name: string;
  totals: Figures;
  guides: Array<{ userId: string; name: string; figures: Figures }>;
}

export interface FigureReport {
  period: 'day' | 'week';
  from: string;
  to: string;
  stores: StoreFigures[];
  series: Array<{ day: string; shown: number; sent: number; adoption: number | null }>;
  topQuestions: Array<{ text: string; count: number }>;
}

const DAY_MS = 86400_000;

/** Gathers the counters of the period for the given stores and turns them into figures per guide and store. */
export async function loadFigures(
  deps: { org: Org; feedback: FeedbackStore; approvals: ApprovalStore; stats: ReviewStats },
  storeIds: string[],
  period: 'day' | 'week',
  now: number,
): Promise<FigureReport> {
  const days = businessDays(now, period === 'day' ? 1 : 7);
  const perGuide = new Map<string, FigureInputs>();
  const perDay = new Map<string, FigureInputs>();
  const guides = deps.org.guidesOf(storeIds);
  const guideIds = new Set(guides.map((g) => g.userId));
  for (const day of days) {
    const dayInputs = emptyInputs();
    const events = (await deps.feedback.events(day)).filter((e) => guideIds.has(e.guideId));
    for (const guide of guides) {
      const inputs = emptyInputs();
      inputs.actions = await deps.feedback.counts(guide.userId, day);
      const counts = await deps.stats.counts(guide.userId, day);
      inputs.drafts = counts.drafts;
      inputs.flagged = counts.flagged;
      inputs.replyMs = events.filter((e) => e.guideId === guide.userId && e.customerAt && (e.action === 'sent' || e.action === 'sent_edited')).map((e) => e.at - (e.customerAt as number));
      perGuide.set(guide.userId, mergeInputs(perGuide.get(guide.userId) ?? emptyInputs(), inputs));
      mergeInputs(dayInputs, inputs);
    }
    perDay.set(day, dayInputs);
  }
  const periodStart = now - days.length * DAY_MS;
  for (const approval of await deps.approvals.listDecided(storeIds, periodStart, now + 1)) {
    const inputs = perGuide.get(approval.guideId);
    if (inputs && approval.decidedAt) inputs.approvalMs.push(approval.decidedAt - approval.createdAt);
  }
  const stores = deps.org.stores
    .filter((s) => storeIds.includes(s.id))
    .map<StoreFigures>((store) => {
      const members = guides.filter((g) => g.stores.includes(store.id));
      const total = members.reduce((acc, g) => mergeInputs(acc, structuredClone(perGuide.get(g.userId) ?? emptyInputs())), emptyInputs());
      return {
        id: store.id,
        name: store.name,
        totals: computeFigures(total),
        guides: members.map((g) => ({ userId: g.userId, name: g.name, figures: computeFigures(perGuide.get(g.userId) ?? emptyInputs()) })),
      };
    });
  return {
    period,
    from: days[0] as string,
    to: days.at(-1) as string,
    stores,
    series: days.map((day) => {
      const f = computeFigures(perDay.get(day) ?? emptyInputs());
      return { day, shown: f.shown, sent: f.sentAsIs + f.sentEdited, adoption: f.adoptionRate };
    }),
    topQuestions: await deps.stats.topQuestions(storeIds, days, 10),
  };
}

/** One CSV row per guide; a BOM so spreadsheet programs read the Chinese names as UTF-8. */
export function figuresCsv(report: FigureReport): string {
  const header = ['门店', '导购', '展示', '直接发送', '修改后发送', '驳回', '忽略', '采纳率', '回复中位时长(秒)', '风险率', '审核数', '审核周转中位(分钟)'];
  const cell = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const rows = report.stores.flatMap((store) =>
    store.guides.map(({ name, figures: f }) => [
      store.name,
      name,
      f.shown,
      f.sentAsIs,
      f.sentEdited,
      f.rejected,
      f.ignored,
      f.adoptionRate,
      f.medianReplyMs === null ? null : Math.round(f.medianReplyMs / 1000),
      f.flaggedRate,
      f.approvalsDecided,
      f.medianApprovalMs === null ? null : Math.round(f.medianApprovalMs / 60000),
    ]),
  );
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
