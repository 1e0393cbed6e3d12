import { api } from '../api-client.ts';
import { formatPrice } from '../format.ts';
import { SearchBox, useSearch } from './search-box.tsx';
import { Empty } from './states.tsx';

const LIMIT = 6;

export interface PickedProduct {
  sku: string;
  name: string;
  price?: number;
}

/** A catalog search whose one job is to pick the product a template is about. */
export function ProductPicker({ onPick, busy }: { onPick: (product: PickedProduct) => void; busy: boolean }) {
  const { search, run } = useSearch<PickedProduct>(async (q) =>
    (await api.search(q, LIMIT)).filter((r) => r.kind === 'product').map((r) => ({ sku: r.id, name: r.title, ...(r.price !== undefined ? { price: r.price } : {}) })),
  );
  return (
    <div class="product-picker">
      <SearchBox search={search} run={run} placeholder="搜商品，如：羊绒围巾" label="搜索要填入的商品" />
      {search.state === 'done' && search.results.length === 0 && <Empty>没有找到“{search.q}”相关的商品，换个说法试试。</Empty>}
      {search.state === 'done' && search.results.length > 0 && (
        <ul class="choices">
          {search.results.map((product) => (
            <li key={product.sku}>
              <button type="button" class="choice" data-sku={product.sku} disabled={busy} onClick={() => onPick(product)}>
                <span class="choice-name">{product.name}</span>
                {product.price !== undefined && <span class="price">{formatPrice(product.price)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
