import { useState } from 'preact/hooks';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api, describeError } from '../api-client.ts';
import { useNow } from '../use-now.ts';
import { SentCard } from './sent-card.tsx';
import { Empty, ErrorState, Loading, Segmented } from './states.tsx';

/** 已发送抽检: sampled messages guides actually sent that the guardrails flagged. */
export function SentReview({ store }: { store?: string }) {
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const now = useNow(60_000);
  const list = useLoadable(`sent:${status}:${store ?? ''}`, () => api.sent(status, store));
  return (
    <div class="panel" aria-label="已发送抽检">
      <div class="toolbar">
        <Segmented label="范围" value={status} onChange={setStatus} options={[{ value: 'open', label: '待处理' }, { value: 'all', label: '全部' }]} />
        <span class="spacer" />
        <button type="button" class="btn btn-quiet" disabled={list.loading} onClick={() => void list.reload()}>
          {list.loading ? '刷新中…' : '刷新'}
        </button>
      </div>
      <p class="hint">按抽检比例检查导购实际发出的消息，这里列出被风险检查标记的。好的回复可以“设为话术”，让所有导购都能用上。</p>
      {list.error !== undefined && list.data === undefined ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.data === undefined ? (
        <Loading label="正在加载抽检消息…" />
      ) : (
        <>
          {list.error !== undefined && <p class="banner banner-warn">刷新失败：{describeError(list.error)}</p>}
          {list.data.length === 0 ? (
            <Empty title={status === 'open' ? '没有待处理的抽检消息' : '还没有抽检到需要关注的消息'}>导购发出的消息被风险检查标记后会出现在这里。</Empty>
          ) : (
            <div class="cards">
              {list.data.map((item) => (
                <SentCard key={item.id} item={item} now={now} />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
