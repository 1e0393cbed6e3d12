import type { FiguresReport } from '../api-types.ts';
import { FIGURE_COLUMNS, figureCells } from '../figures-format.ts';

/** Per-guide figures, grouped by store with the store's totals first; scrolls sideways on a phone. */
export function FiguresTable({ report }: { report: FiguresReport }) {
  return (
    <>
      <p class="hint table-hint" aria-hidden="true">表格较宽：左右滑动查看更多列 →</p>
      <div class="table-wrap" tabIndex={0} aria-label="导购数据表，可左右滑动">
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">导购</th>
              {FIGURE_COLUMNS.map((c) => (
                <th key={c.key} scope="col" title={c.help}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          {report.stores.map((store) => (
            <tbody key={store.id}>
              <tr class="row-store">
                <th scope="row">{store.name} 合计</th>
                {figureCells(store.totals).map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
              {store.guides.length === 0 && (
                <tr>
                  <td class="muted" colSpan={FIGURE_COLUMNS.length + 1}>这家门店没有导购数据</td>
                </tr>
              )}
              {store.guides.map((guide) => (
                <tr key={guide.userId} data-guide={guide.userId}>
                  <th scope="row">{guide.name}</th>
                  {figureCells(guide.figures).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
