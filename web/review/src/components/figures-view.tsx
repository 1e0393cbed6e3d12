import { useState } from 'preact/hooks';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import type { FiguresReport, Period } from '../api-types.ts';
import { RateBarsChart, RateTrendChart } from '../charts/charts.tsx';
import { adoptionTrend, guideAdoptionBars } from '../figures-format.ts';
import { formatCount, formatRange } from '../format.ts';
import { figuresCsvUrl } from '../review-urls.ts';
import { FiguresTable } from './figures-table.tsx';
import { Empty, ErrorState, Loading, Segmented } from './states.tsx';

/** 数据: adoption and risk figures per guide and store for a day or a week, as charts, a table and a CSV. */
export function FiguresView({ store }: { store?: string }) {
  const [period, setPeriod] = useState<Period>('week');
  const report = useLoadable(`figures:${period}:${store ?? ''}`, () => api.figures(period, store));
  return (
    <div class="panel" aria-label="数据">
      <div class="toolbar">
        <Segmented label="时间范围" value={period} onChange={setPeriod} options={[{ value: 'day', label: '日' }, { value: 'week', label: '周' }]} />
        {report.data && <span class="muted small">{formatRange(report.data.from, report.data.to)}</span>}
        <span class="spacer" />
        <a class="btn btn-secondary" href={figuresCsvUrl(period, store)} download>
          导出 CSV
        </a>
      </div>
      {report.error !== undefined ? (
        <ErrorState error={report.error} onRetry={() => void report.reload()} />
      ) : report.data === undefined ? (
        <Loading label="正在统计…" />
      ) : (
        <FiguresBody report={report.data} period={period} />
      )}
    </div>
  );
}

function FiguresBody({ report, period }: { report: FiguresReport; period: Period }) {
  const trend = adoptionTrend(report);
  const bars = guideAdoptionBars(report);
  const shown = report.stores.reduce((sum, s) => sum + s.totals.shown, 0);
  if (report.stores.length === 0) return <Empty title="没有可查看的门店">你的账号还没有关联门店，请联系总部运营。</Empty>;
  return (
    <>
      {shown === 0 && (
        <p class="banner banner-info">{period === 'day' ? '今天' : '这一周'}还没有展示过建议回复：导购在侧边栏使用建议后，这里会出现统计。</p>
      )}
      <div class="charts">
        <section class="card chart-card" aria-label="每日采纳率">
          <h3 class="label">每日采纳率</h3>
          {trend.values.some((v) => v !== null) && <RateTrendChart labels={trend.labels} values={trend.values} summary={trend.summary} />}
          <p class="hint">{trend.summary}</p>
        </section>
        <section class="card chart-card" aria-label="导购采纳率">
          <h3 class="label">导购采纳率</h3>
          {bars.length > 0 ? <RateBarsChart bars={bars} summary={bars.map((b) => `${b.label} ${b.caption}`).join('，')} /> : <p class="muted small">没有导购数据</p>}
        </section>
      </div>
      <FiguresTable report={report} />
      <section class="card" aria-label="顾客常问">
        <h3 class="label">顾客常问的问题</h3>
        {report.topQuestions.length === 0 ? (
          <p class="muted small">这段时间还没有顾客提问记录。</p>
        ) : (
          <ol class="top-questions">
            {report.topQuestions.map((q) => (
              <li key={q.text}>
                <span>{q.text}</span>
                <span class="muted small">{formatCount(q.count)} 次</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
