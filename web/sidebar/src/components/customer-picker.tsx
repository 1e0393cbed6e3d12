import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import { formatMoment } from '../format.ts';
import { Empty, ErrorState, Loading, Section } from './states.tsx';

interface Props {
  note: string | null;
  onPick: (customerId: string) => void;
  onPickGroup: (chatId: string) => void;
  onOpenTasks: () => void;
  onWrite: () => void;
}

/** The guide's customer groups, for the picker; nothing when there are none (or they cannot be loaded). */
function GroupList({ onPickGroup, now }: { onPickGroup: (chatId: string) => void; now: number }) {
  const groups = useLoadable('groups', () => api.groups());
  if (!groups.data || groups.data.length === 0) return null;
  return (
    <Section title="客户群">
      <ul class="picker">
        {groups.data.map((g) => (
          <li key={g.chatId}>
            <button type="button" class="picker-item" onClick={() => onPickGroup(g.chatId)}>
              <span class="picker-name">
                {g.name || '未命名客户群'}（{g.memberCount}人）
                {g.hasSuggestion && <span class="dot" title="有新的回复建议" />}
              </span>
              {g.lastMessage && (
                <span class="picker-last muted small">
                  {g.lastMessage.speakerName}：{g.lastMessage.text || '[非文字消息]'} · {formatMoment(g.lastMessage.at, now)}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Outside a customer chat (desktop, testing): choose one of the guide's customers or groups, or open 待办 / 写文案. */
export function CustomerPicker({ note, onPick, onPickGroup, onOpenTasks, onWrite }: Props) {
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
    <>
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
    <GroupList onPickGroup={onPickGroup} now={now} />
    </>
  );
}
