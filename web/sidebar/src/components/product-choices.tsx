import type { Loadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import type { RecommendedProduct } from '../api-types.ts';
import { MAX_PRODUCTS, type ProductChoice } from '../content-request.ts';
import { formatPrice } from '../format.ts';
import { SearchBox, useSearch } from './search-box.tsx';
import { Empty, ErrorState, Loading } from './states.tsx';

const SEARCH_LIMIT = 8;

interface Props {
  /** This customer's recommendations; null outside a customer's chat. */
  recommended: Loadable<RecommendedProduct[]> | null;
  selected: readonly ProductChoice[];
  onToggle: (product: ProductChoice) => void;
}

function ChoiceList({ products, selected, onToggle }: { products: readonly ProductChoice[]; selected: readonly ProductChoice[]; onToggle: (p: ProductChoice) => void }) {
  return (
    <ul class="choices">
      {products.map((product) => {
        const on = selected.some((p) => p.sku === product.sku);
        return (
          <li key={product.sku}>
            <button type="button" class="choice" aria-pressed={on} data-sku={product.sku} onClick={() => onToggle(product)}>
              <span class="choice-mark" aria-hidden="true" />
              <span class="choice-name">{product.name}</span>
              {product.price !== undefined && <span class="price">{formatPrice(product.price)}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Which products the copy is about: ticked from the customer's recommendations or from a catalog search. */
export function ProductChoices({ recommended, selected, onToggle }: Props) {
  const { search, run } = useSearch<ProductChoice>(async (q) =>
    (await api.search(q, SEARCH_LIMIT)).filter((r) => r.kind === 'product').map((r) => ({ sku: r.id, name: r.title, price: r.price })),
  );

  let fromRecommendations = null;
  if (recommended) {
    if (recommended.data === undefined && recommended.error) fromRecommendations = <ErrorState error={recommended.error} onRetry={() => void recommended.reload()} />;
    else if (recommended.data === undefined) fromRecommendations = <Loading label="正在加载推荐商品…" />;
    else if (recommended.data.length > 0) fromRecommendations = <ChoiceList products={recommended.data} selected={selected} onToggle={onToggle} />;
  }

  return (
    <div class="field-group">
      <div class="field-head">
        <span class="mini-title">选择商品</span>
        <span class="muted small">
          已选 {selected.length}/{MAX_PRODUCTS}
        </span>
      </div>
      {selected.length > 0 && (
        <ul class="chips selected-products" aria-label="已选商品">
          {selected.map((p) => (
            <li key={p.sku}>
              <button type="button" class="chip chip-picked" aria-label={`移除 ${p.name}`} onClick={() => onToggle(p)}>
                {p.name}
                <span class="chip-x" aria-hidden="true">
                  ×
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {fromRecommendations && (
        <>
          <p class="small muted">为这位客户推荐的商品</p>
          {fromRecommendations}
        </>
      )}
      <SearchBox search={search} run={run} placeholder="搜商品，如：羊毛大衣" label="搜索商品" />
      {search.state === 'done' && search.results.length === 0 && <Empty>没有找到“{search.q}”相关的商品，换个说法试试。</Empty>}
      {search.state === 'done' && search.results.length > 0 && <ChoiceList products={search.results} selected={selected} onToggle={onToggle} />}
    </div>
  );
}
