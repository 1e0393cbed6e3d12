import { useState } from 'preact/hooks';
import { api } from '../api-client.ts';
import type { ChatMessage, ProfileFact } from '../api-types.ts';
import { formatMoment } from '../format.ts';

const MESSAGE_WINDOW = 50;

type Source = { state: 'loading' } | { state: 'found'; message: ChatMessage } | { state: 'missing' } | { state: 'error' };

/** Profile facts, each with a link that quotes the customer message it was learned from. */
export function FactList({ customerId, facts, now }: { customerId: string; facts: ProfileFact[]; now: number }) {
  const [messages, setMessages] = useState<ChatMessage[] | null>(null);
  const [open, setOpen] = useState<Record<string, Source>>({});

  const showSource = async (fact: ProfileFact): Promise<void> => {
    const id = fact.sourceMessageId;
    if (!id) return;
    if (open[fact.key]) {
      const rest = { ...open };
      delete rest[fact.key];
      setOpen(rest);
      return;
    }
    setOpen((o) => ({ ...o, [fact.key]: { state: 'loading' } }));
    try {
      let list = messages;
      // The fact may be newer than the list we hold: refetch once before saying it is gone.
      if (!list || !list.some((m) => m.id === id)) {
        list = await api.messages(customerId, MESSAGE_WINDOW);
        setMessages(list);
      }
      const message = list.find((m) => m.id === id);
      setOpen((o) => ({ ...o, [fact.key]: message ? { state: 'found', message } : { state: 'missing' } }));
    } catch {
      setOpen((o) => ({ ...o, [fact.key]: { state: 'error' } }));
    }
  };

  return (
    <div class="facts">
      <h3 class="mini-title">客户资料</h3>
      <ul>
        {facts.map((fact) => {
          const source = open[fact.key];
          return (
            <li key={fact.key} class="fact">
              <div class="fact-line">
                <span class="fact-key">{fact.key}</span>
                <span class="fact-value">{fact.value}</span>
                {fact.sourceMessageId && (
                  <button type="button" class="link" aria-expanded={Boolean(source)} onClick={() => void showSource(fact)}>
                    {source ? '收起' : '出处'}
                  </button>
                )}
              </div>
              {source && (
                <div class="fact-source">
                  {source.state === 'loading' && <span class="muted">正在查找原消息…</span>}
                  {source.state === 'found' && (
                    <>
                      <q>{source.message.text || '[非文字消息]'}</q>
                      <span class="muted small"> · {source.message.speaker === 'customer' ? '顾客' : '导购'} · {formatMoment(source.message.at, now)}</span>
                    </>
                  )}
                  {source.state === 'missing' && <span class="muted">原消息已不在最近 {MESSAGE_WINDOW} 条聊天记录中。</span>}
                  {source.state === 'error' && <span class="muted">原消息暂时无法加载，请稍后再点一次。</span>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
