import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import { formatMoment } from '../format.ts';
import { Empty, ErrorState, Loading, Section } from './states.tsx';

/** Outside a customer chat (desktop, testing): choose one of the guide's customers, or open 待办 / 写文案. */
export function CustomerPicker({ note, onPick, onOpenTasks, onWrite }: { note: string | null; onPick: (customerId: string) => void; onOpenTasks: () => void; onWrite: () => void }) {
  const customers = useLoadable('customers', () => api.customers());
  const now = Date.now();
  let body;
  if (customers.data === undefined && customers.error) body = <ErrorState error={customers.error} onRetry={() => void customers.reload()} />;
  else if (customers.data === undefined) body = <Loading label="正在加载客户列表…" />;
  else if (customers.data.length === 0) body = <Empty>你还没有添加客户。客户添加你为好友后会出现在这里。</Empty>;
  else
    body = (
      <ul class="picker">
        {customers.data.map((c) => (
          <li key={c.customerId}>
            <button type="button" class="picker-item" onClick={() => onPick(c.customerId)}>
              <span class="picker-name">
                {c.name || c.customerId}
                {c.hasSuggestion && <span class="dot" title="有新的回复建议" />}
              </span>
              {c.lastMessage && (
                <span class="picker-last muted small">
                  {c.lastMessage.speaker === 'customer' ? '' : '我：'}
                  {c.lastMessage.text || '[非文字消息]'} · {formatMoment(c.lastMessage.at, now)}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    );
  return (
    <Section
      title="选择客户"
      extra={
        <span class="section-links">
          <button type="button" class="link" onClick={onOpenTasks}>
            待办
          </button>
          <button type="button" class="link" onClick={onWrite}>
            写文案
          </button>
        </span>
      }
    >
      {note && <p class="banner banner-info">{note}</p>}
      {body}
    </Section>
  );
}
