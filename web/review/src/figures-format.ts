import type { Figures, FiguresReport } from './api-types.ts';
import { formatCount, formatDayLabel, formatDuration, formatRate } from './format.ts';

/** The per-guide table's columns, in the order managers read them. */
export const FIGURE_COLUMNS = [
  { key: 'shown', title: '展示', help: '侧边栏展示给导购的建议回复条数' },
  { key: 'sentAsIs', title: '直接发送', help: '导购原样发出的建议' },
  { key: 'sentEdited', title: '修改后发送', help: '导购修改后发出的建议' },
  { key: 'rejected', title: '驳回', help: '导购标记为不合适的建议' },
  { key: 'ignored', title: '忽略', help: '展示后没有使用的建议' },
  { key: 'adoptionRate', title: '采纳率', help: '（直接发送 + 修改后发送）÷ 展示' },
  { key: 'medianReplyMs', title: '回复中位时长', help: '顾客发消息到导购回复的中位时长' },
  { key: 'flaggedRate', title: '风险率', help: '已发送消息中被风险检查标记的比例' },
  { key: 'medianApprovalMs', title: '审核周转', help: '待审核回复从提交到店长处理的中位时长' },
] as const;

export type FigureColumn = (typeof FIGURE_COLUMNS)[number]['key'];

/** One display cell for each column, in FIGURE_COLUMNS order. */
export function figureCells(figures: Figures): string[] {
  return FIGURE_COLUMNS.map(({ key }) => {
    switch (key) {
      case 'adoptionRate':
      case 'flaggedRate':
        return formatRate(figures[key]);
      case 'medianReplyMs':
        return formatDuration(figures.medianReplyMs);
      case 'medianApprovalMs':
        // A turnaround without any decided approval means nothing: say so instead of a dash alone.
        return figures.approvalsDecided > 0 ? `${formatDuration(figures.medianApprovalMs)}（${formatCount(figures.approvalsDecided)} 条）` : '—';
      default:
        return formatCount(figures[key]);
    }
  });
}

export interface Bar {
  label: string;
  /** 0..1, null when nothing was shown (no rate to draw). */
  value: number | null;
  /** What the bar says beside it. */
  caption: string;
}

/**
 * Adoption per guide across the stores in the report, best first; guides without any shown draft go last.
 * Two guides with the same name (in different stores) get their store added so the bars stay apart.
 */
export function guideAdoptionBars(report: FiguresReport): Bar[] {
  const names = new Map<string, number>();
  for (const store of report.stores) for (const guide of store.guides) names.set(guide.name, (names.get(guide.name) ?? 0) + 1);
  const bars = report.stores.flatMap((store) =>
    store.guides.map((guide) => ({
      label: (names.get(guide.name) ?? 0) > 1 ? `${guide.name}·${store.name}` : guide.name,
      value: guide.figures.adoptionRate,
      caption: guide.figures.adoptionRate === null ? '无展示' : `${formatRate(guide.figures.adoptionRate)}（${formatCount(guide.figures.sentAsIs + guide.figures.sentEdited)}/${formatCount(guide.figures.shown)}）`,
    })),
  );
  return bars.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.label.localeCompare(b.label, 'zh-CN'));
}

export interface Trend {
  labels: string[];
  values: Array<number | null>;
  /** A sentence for screen readers and for when no day has data. */
  summary: string;
}

/** Adoption per day for the trend chart: days in order, gaps where nothing was shown. */
export function adoptionTrend(report: FiguresReport): Trend {
  const days = [...report.series].sort((a, b) => a.day.localeCompare(b.day));
  const measured = days.filter((d) => d.adoption !== null);
  const shown = days.reduce((sum, d) => sum + d.shown, 0);
  const sent = days.reduce((sum, d) => sum + d.sent, 0);
  const summary = measured.length === 0 ? '这段时间没有展示过建议回复' : `共展示 ${formatCount(shown)} 条，发送 ${formatCount(sent)} 条，采纳率 ${formatRate(shown > 0 ? sent / shown : null)}`;
  return { labels: days.map((d) => formatDayLabel(d.day)), values: days.map((d) => d.adoption), summary };
}
