import { describe, expect, it } from 'vitest';
import type { Figures, FiguresReport } from '../../web/review/src/api-types.ts';
import { adoptionTrend, FIGURE_COLUMNS, figureCells, guideAdoptionBars } from '../../web/review/src/figures-format.ts';

const figures = (extra: Partial<Figures> = {}): Figures => ({
  shown: 0,
  sentAsIs: 0,
  sentEdited: 0,
  rejected: 0,
  ignored: 0,
  adoptionRate: null,
  medianReplyMs: null,
  flaggedRate: null,
  approvalsDecided: 0,
  medianApprovalMs: null,
  ...extra,
});

const busy = figures({ shown: 1200, sentAsIs: 700, sentEdited: 250, rejected: 30, ignored: 220, adoptionRate: 950 / 1200, medianReplyMs: 95_000, flaggedRate: 0.004, approvalsDecided: 3, medianApprovalMs: 7 * 60_000 });

function report(stores: FiguresReport['stores'], series: FiguresReport['series'] = []): FiguresReport {
  return { period: 'week', from: '2025-03-02', to: '2025-03-08', stores, series, topQuestions: [] };
}

describe('figureCells', () => {
  it('formats one cell per column in the table order', () => {
    expect(FIGURE_COLUMNS.map((c) => c.title)).toEqual(['展示', '直接发送', '修改后发送', '驳回', '忽略', '采纳率', '回复中位时长', '风险率', '审核周转']);
    expect(figureCells(busy)).toEqual(['1,200', '700', '250', '30', '220', '79%', '1 分 35 秒', '<1%', '7 分钟（3 条）']);
  });

  it('shows dashes, not zeros, for rates and medians with nothing measured', () => {
    expect(figureCells(figures())).toEqual(['0', '0', '0', '0', '0', '—', '—', '—', '—']);
  });
});

describe('chart data', () => {
  it('orders guides by adoption, puts guides without drafts last, and tells same-named guides apart', () => {
    const bars = guideAdoptionBars(
      report([
        { id: 'sh', name: '静安店', totals: figures(), guides: [
          { userId: 'g1', name: '林晓', figures: figures({ shown: 10, sentAsIs: 3, adoptionRate: 0.3 }) },
          { userId: 'g2', name: '陈思雨', figures: figures() },
        ] },
        { id: 'hz', name: '湖滨店', totals: figures(), guides: [
          { userId: 'g3', name: '林晓', figures: figures({ shown: 4, sentAsIs: 2, sentEdited: 1, adoptionRate: 0.75 }) },
        ] },
      ]),
    );
    expect(bars).toEqual([
      { label: '林晓·湖滨店', value: 0.75, caption: '75%（3/4）' },
      { label: '林晓·静安店', value: 0.3, caption: '30%（3/10）' },
      { label: '陈思雨', value: null, caption: '无展示' },
    ]);
  });

  it('gives the adoption trend in day order with gaps, and a summary of the whole period', () => {
    const trend = adoptionTrend(
      report([], [
        { day: '2025-03-03', adoption: null, shown: 0, sent: 0 },
        { day: '2025-03-02', adoption: 0.5, shown: 10, sent: 5 },
        { day: '2025-03-04', adoption: 1, shown: 10, sent: 10 },
      ]),
    );
    expect(trend.labels).toEqual(['3/2', '3/3', '3/4']);
    expect(trend.values).toEqual([0.5, null, 1]);
    expect(trend.summary).toBe('共展示 20 条，发送 15 条，采纳率 75%');
    expect(adoptionTrend(report([], [{ day: '2025-03-02', adoption: null, shown: 0, sent: 0 }])).summary).toBe('这段时间没有展示过建议回复');
  });
});
