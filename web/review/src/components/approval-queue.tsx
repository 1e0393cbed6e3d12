import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api-request.ts';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api, describeError } from '../api-client.ts';
import type { ApprovalItem, Person } from '../api-types.ts';
import { mergeQueue } from '../decision.ts';
import { useAutoRefresh } from '../use-auto-refresh.ts';
import { useNow } from '../use-now.ts';
import { ApprovalCard } from './approval-card.tsx';
import { Empty, ErrorState, Loading, Segmented } from './states.tsx';

const REFRESH_MS = 30_000;

interface Props {
  me: Person;
  store?: string;
  /** The approval a WeCom textcard linked to (`?item=`). */
  focusId?: string;
  onPendingCount(count: number): void;
  onCloseFocus(): void;
}

/** The approval queue: pending items oldest first (or the last 7 days' decisions), refreshed every 30 s. */
export function ApprovalQueue({ me, store, focusId, onPendingCount, onCloseFocus }: Props) {
  const [view, setView] = useState<'pending' | 'decided'>('pending');
  const now = useNow(30_000);
  const fetchedAt = useRef(Date.now());
  const list = useLoadable(`approvals:${view}:${store ?? ''}`, async () => {
    const items = await api.approvals(view, store);
    fetchedAt.current = Date.now();
    if (view === 'pending') onPendingCount(items.length);
    return items;
  });
  useAutoRefresh(list.reload, REFRESH_MS);

  // Cards the manager is working in stay put across refreshes even after the server stops listing them.
  const working = useRef(new Set<string>());
  const onWorking = useCallback((id: string, busy: boolean) => {
    if (busy) working.current.add(id);
    else working.current.delete(id);
  }, []);
  const shownRef = useRef<ApprovalItem[]>([]);
  const items = useMemo(() => {
    const merged = mergeQueue(shownRef.current, list.data ?? [], working.current);
    shownRef.current = merged;
    return merged.filter((item) => item.id !== focusId);
  }, [list.data, focusId]);

  const escalated = view === 'pending' ? items.filter((i) => i.state === 'pending' && i.escalated).length : 0;
  return (
    <div class="panel" aria-label="待审核">
      <div class="toolbar">
        <Segmented label="范围" value={view} onChange={setView} options={[{ value: 'pending', label: '待审核' }, { value: 'decided', label: '最近 7 天已处理' }]} />
        <span class="spacer" />
        <button type="button" class="btn btn-quiet" disabled={list.loading} onClick={() => void list.reload()}>
          {list.loading ? '刷新中…' : '刷新'}
        </button>
      </div>
      {focusId && <FocusedItem id={focusId} me={me} now={now} onClose={onCloseFocus} onWorking={onWorking} onChanged={list.reload} />}
      {escalated > 0 && <p class="banner banner-warn">{escalated} 条回复等待已超时，顾客还在等，请优先处理。</p>}
      {list.error !== undefined && list.data === undefined ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.data === undefined ? (
        <Loading label="正在加载待审核回复…" />
      ) : (
        <>
          {list.error !== undefined && <p class="banner banner-warn">刷新失败：{describeError(list.error)} 下面是上次加载的内容。</p>}
          {items.length === 0 ? (
            view === 'pending' ? (
              <Empty title="没有待审核的回复">导购的建议回复触发风险检查时会出现在这里，你也会收到企业微信消息提醒。</Empty>
            ) : (
              <Empty title="最近 7 天没有处理过的审核" />
            )
          ) : (
            <div class="cards">
              {items.map((item) => (
                <ApprovalCard key={item.id} item={item} me={me} now={now} fetchedAt={fetchedAt.current} onWorking={onWorking} onChanged={list.reload} />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function FocusedItem({ id, me, now, onClose, onWorking, onChanged }: { id: string; me: Person; now: number; onClose(): void; onWorking(id: string, busy: boolean): void; onChanged(): Promise<void> }) {
  const fetchedAt = useRef(Date.now());
  const item = useLoadable(`approval:${id}`, async () => {
    const found = await api.approval(id);
    fetchedAt.current = Date.now();
    return found;
  });
  const close = (
    <button type="button" class="btn btn-quiet" onClick={onClose}>
      查看全部待审核
    </button>
  );
  if (item.error !== undefined) {
    const missing = item.error instanceof ApiError && item.error.status === 404;
    return (
      <div class="focused-missing">
        <ErrorState error={item.error} message={missing ? '没有找到这条审核，可能已过期（超过保留期限）。请查看下面的待审核列表。' : undefined} onRetry={missing ? undefined : () => void item.reload()} />
        {close}
      </div>
    );
  }
  if (item.data === undefined) return <Loading label="正在打开这条审核…" />;
  return (
    <div class="focused">
      <ApprovalCard item={item.data} me={me} now={now} fetchedAt={fetchedAt.current} focused onWorking={onWorking} onChanged={onChanged} />
      {close}
    </div>
  );
}
