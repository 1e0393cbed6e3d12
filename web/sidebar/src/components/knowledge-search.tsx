import { useState } from 'preact/hooks';
import { api, describeError } from '../api-client.ts';
import type { KnowledgeResult } from '../api-types.ts';
import { copyText } from '../clipboard.ts';
import { formatPrice } from '../format.ts';
import type { ChatRef } from '../chat-ref.ts';
import { useSender } from '../use-sender.ts';
import { useNotify } from './notice.tsx';
import { ProductPicker, type PickedProduct } from './product-picker.tsx';
import { SearchBox, useSearch } from './search-box.tsx';
import { Empty, Section } from './states.tsx';

const KIND_LABEL: Record<KnowledgeResult['kind'], string> = { product: '商品', faq: '常见问题', script: '话术' };
const SLOT_LABEL: Record<string, string> = { product_name: '商品名', price: '价格', customer_name: '客户称呼', guide_name: '导购名', store_name: '门店名' };
const LIMIT = 5;

const keyOf = (r: KnowledgeResult): string => `${r.kind}:${r.id}`;
const slotsText = (slots: readonly string[]): string => slots.map((s) => SLOT_LABEL[s] ?? s).join('、');

/**
 * Search products, FAQ and scripts; curated answers (FAQ, scripts) can be sent as they are. The server fills
 * them for this chat; one with a slot still open (no clear product in the chat) is not sendable or copyable
 * until the guide picks the product, and the server fills it again with that product's catalog name and price.
 */
export function KnowledgeSearch({ chat }: { chat: ChatRef }) {
  const notify = useNotify();
  const send = useSender(chat);
  // A customer's chat fills the results from that chat; a group's fills only the guide's names.
  const fill = chat.kind === 'customer' ? { customerId: chat.id } : {};
  const { search, run } = useSearch((q) => api.search(q, LIMIT, fill));
  const [sending, setSending] = useState<string | null>(null);
  const [picking, setPicking] = useState<string | null>(null);
  const [filled, setFilled] = useState<Record<string, KnowledgeResult>>({});

  const sendResult = async (result: KnowledgeResult): Promise<void> => {
    setSending(result.id);
    await send(result.text);
    setSending(null);
  };

  const pick = async (result: KnowledgeResult, product: PickedProduct): Promise<void> => {
    if (search.state !== 'done') return;
    try {
      const again = await api.search(search.q, LIMIT, { ...fill, sku: product.sku });
      const hit = again.find((r) => keyOf(r) === keyOf(result));
      if (!hit) throw new Error('result gone');
      setFilled((f) => ({ ...f, [keyOf(result)]: hit }));
      setPicking(null);
      if (hit.slots?.length) notify(`还有未填写的${slotsText(hit.slots)}，这条不能直接发送。`, 'warn');
    } catch (error) {
      notify(describeError(error), 'error');
    }
  };

  return (
    <Section title="知识库" id="knowledge">
      <SearchBox
        search={search}
        run={(q) => {
          setFilled({});
          setPicking(null);
          return run(q);
        }}
        placeholder="搜商品、常见问题、话术，如：羊绒 保养"
        label="搜索知识库"
      />
      {search.state === 'done' && search.results.length === 0 && <Empty>没有找到“{search.q}”相关内容，换个说法试试。</Empty>}
      {search.state === 'done' && search.results.length > 0 && (
        <ul class="results">
          {search.results.map((found) => {
            const key = keyOf(found);
            const result = filled[key] ?? found;
            const open = result.slots ?? [];
            return (
              <li key={key} class="card result" data-result-id={result.id}>
                <div class="result-head">
                  <span class={`badge badge-${result.kind}`}>{KIND_LABEL[result.kind]}</span>
                  <span class="result-title">{result.title}</span>
                  {result.price !== undefined && <span class="price">{formatPrice(result.price)}</span>}
                </div>
                <p class="result-text">{result.text}</p>
                {open.length > 0 && <p class="note note-pending">含未填写的{slotsText(open)}，请先选择商品再发送。</p>}
                <div class="actions">
                  {result.kind !== 'product' && (
                    <button type="button" class="btn btn-secondary" disabled={sending !== null || open.length > 0} onClick={() => void sendResult(result)}>
                      {sending === result.id ? '发送中…' : '发送'}
                    </button>
                  )}
                  {open.includes('product_name') && (
                    <button type="button" class="btn btn-secondary" aria-expanded={picking === key} onClick={() => setPicking(picking === key ? null : key)}>
                      选择商品
                    </button>
                  )}
                  <button
                    type="button"
                    class="btn btn-quiet"
                    disabled={open.length > 0}
                    onClick={() => void copyText(result.text).then((ok) => notify(ok ? '已复制' : '复制失败', ok ? 'ok' : 'error'))}
                  >
                    复制
                  </button>
                </div>
                {picking === key && <ProductPicker busy={false} onPick={(product) => void pick(result, product)} />}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
