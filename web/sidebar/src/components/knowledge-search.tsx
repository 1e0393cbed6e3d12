import { useState } from 'preact/hooks';
import { api } from '../api-client.ts';
import type { KnowledgeResult } from '../api-types.ts';
import { copyText } from '../clipboard.ts';
import { formatPrice } from '../format.ts';
import { useSender } from '../use-sender.ts';
import { useNotify } from './notice.tsx';
import { Empty, ErrorState, Loading, Section } from './states.tsx';

const KIND_LABEL: Record<KnowledgeResult['kind'], string> = { product: '商品', faq: 'FAQ', script: '话术' };
const LIMIT = 5;

type Search = { state: 'idle' } | { state: 'loading'; q: string } | { state: 'done'; q: string; results: KnowledgeResult[] } | { state: 'error'; q: string; error: unknown };

/** Search products, FAQ and scripts; curated answers (FAQ, scripts) can be sent as they are. */
export function KnowledgeSearch({ customerId }: { customerId: string }) {
  const notify = useNotify();
  const send = useSender(customerId);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [sending, setSending] = useState<string | null>(null);

  const run = async (q: string): Promise<void> => {
    if (!q) return;
    setSearch({ state: 'loading', q });
    try {
      const results = await api.search(q, LIMIT);
      setSearch((s) => (s.state === 'loading' && s.q === q ? { state: 'done', q, results } : s));
    } catch (error) {
      setSearch((s) => (s.state === 'loading' && s.q === q ? { state: 'error', q, error } : s));
    }
  };

  const sendResult = async (result: KnowledgeResult): Promise<void> => {
    setSending(result.id);
    await send(result.text);
    setSending(null);
  };

  return (
    <Section title="知识库" id="knowledge">
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void run(query.trim());
        }}
      >
        <input
          type="search"
          value={query}
          placeholder="搜商品、FAQ、话术，如：羊绒 保养"
          aria-label="搜索知识库"
          enterKeyHint="search"
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="btn btn-secondary" disabled={query.trim() === '' || search.state === 'loading'}>
          搜索
        </button>
      </form>
      {search.state === 'loading' && <Loading label="正在搜索…" />}
      {search.state === 'error' && <ErrorState error={search.error} onRetry={() => void run(search.q)} />}
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
