import { useState } from 'preact/hooks';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import { auditActionLabel, auditCommentText, auditTargetLabel } from '../audit-labels.ts';
import { formatMoment } from '../format.ts';
import { useNow } from '../use-now.ts';
import { Empty, ErrorState, Loading } from './states.tsx';

const PAGE = 100;
const MAX = 500;

/** 审计: every decision with who, what, when and the text before and after, newest first. */
export function AuditLog() {
  const [limit, setLimit] = useState(PAGE);
  const now = useNow(60_000);
  const log = useLoadable(`audit:${limit}`, () => api.audit(limit));
  if (log.error !== undefined) return <ErrorState error={log.error} onRetry={() => void log.reload()} />;
  if (log.data === undefined) return <Loading label="正在加载审计记录…" />;
  if (log.data.length === 0) return <Empty title="还没有审计记录">审核、抽检和设为话术的每一次操作都会记录在这里。</Empty>;
  return (
    <div class="panel" aria-label="审计">
      <ol class="audit">
        {log.data.map((entry, i) => (
          <li key={`${entry.at}:${i}`} class="audit-entry">
            <p>
              <span class="muted small">{formatMoment(entry.at, now)}</span> <strong>{entry.actor.name}</strong> {auditActionLabel(entry.action, entry.before, entry.after)}{' '}
              <span class="target muted small" title={entry.target}>
                {auditTargetLabel(entry.action)}
              </span>
            </p>
            {entry.before !== undefined && entry.after !== undefined && entry.before !== entry.after ? (
              <div class="diff">
                <p>
                  <span class="label">原文</span>
                  <del>{entry.before}</del>
                </p>
                <p>
                  <span class="label">改为</span>
                  <ins>{entry.after}</ins>
                </p>
              </div>
            ) : (
              (entry.after ?? entry.before) && <p class="audit-text">{entry.after ?? entry.before}</p>
            )}
            {entry.comment && <p class="comment">{/reject/i.test(entry.action) ? '驳回原因' : '备注'}：{auditCommentText(entry.comment)}</p>}
          </li>
        ))}
      </ol>
      {log.data.length >= limit && limit < MAX && (
        <button type="button" class="btn btn-secondary" disabled={log.loading} onClick={() => setLimit(limit + PAGE)}>
          显示更早的记录
        </button>
      )}
    </div>
  );
}
