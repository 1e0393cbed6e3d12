import { useState } from 'preact/hooks';
import { api } from '../api-client.ts';
import type { KnowledgeResult } from '../api-types.ts';
import { copyText } from '../clipboard.ts';
import { formatPrice } from '../format.ts';
import { useSender } from '../use-sender.ts';
import { useNotify } from './notice.tsx';
import { SearchBox, useSearch } from './search-box.tsx';
import { Empty, Section } from './states.tsx';

const KIND_LABEL: Record<KnowledgeResult['kind'], string> = { product: '商品', faq: 'FAQ', script: '话术' };
const LIMIT = 5;

/** Search products, FAQ and scripts; curated answers (FAQ, scripts) can be sent as they are. */
export function KnowledgeSearch({ customerId }: { customerId: string }) {
  const notify = useNotify();
  const send = useSender(customerId);
  const { search, run } = useSearch((q) => api.search(q, LIMIT));
  const [sending, setSending] = useState<string | null>(null);

  const sendResult = async (result: KnowledgeResult): Promise<void> => {
    setSending(result.id);
    await send(result.text);
    setSending(null);
  };

  return (
    <Section title="知识库" id="knowledge">
      <SearchBox search={search} run={run} placeholder="搜商品、FAQ、话术，如：羊绒 保养" label="搜索知识库" />
      {search.state === 'done' && search.results.length === 0 && <Empty>没有找到“{search.q}”相关内容，换个说法试试。</Empty>}
      {search.state === 'done' && search.results.length > 0 && (
        <ul class="results">
          {search.results.map((result) => (
            <li key={`${result.kind}:${result.id}`} class="card result">
              <div class="result-head">
                <span class={`badge badge-${result.kind}`}>{KIND_LABEL[result.kind]}</span>
                <span class="result-title">{result.title}</span>
                {result.price !== undefined && <span class="price">{formatPrice(result.price)}</span>}
              </div>
              <p class="result-text">{result.text}</p>
              <div class="actions">
                {result.kind !== 'product' && (
                  <button type="button" class="btn btn-secondary" disabled={sending !== null} onClick={() => void sendResult(result)}>
                    {sending === result.id ? '发送中…' : '发送'}
                  </button>
                )}
                <button
                  type="button"
                  class="btn btn-quiet"
                  onClick={() => void copyText(result.text).then((ok) => notify(ok ? '已复制' : '复制失败', ok ? 'ok' : 'error'))}
                >
                  复制
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
