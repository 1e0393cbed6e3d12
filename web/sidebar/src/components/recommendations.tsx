import type { Loadable } from '../../../shared/use-loadable.ts';
import type { RecommendedProduct } from '../api-types.ts';
import { copyText } from '../clipboard.ts';
import { formatPrice } from '../format.ts';
import { useNotify } from './notice.tsx';
import { Empty, ErrorState, Loading, Section } from './states.tsx';

/** Catalog products that fit this customer; prices come from the catalog, never from a model. */
export function Recommendations({ products }: { products: Loadable<RecommendedProduct[]> }) {
  const notify = useNotify();
  let body;
  if (products.data === undefined && products.error) body = <ErrorState error={products.error} onRetry={() => void products.reload()} />;
  else if (products.data === undefined) body = <Loading label="正在挑选商品…" />;
  else if (products.data.length === 0) body = <Empty>暂时没有合适的推荐商品。客户标签越完整，推荐越准。</Empty>;
  else
    body = (
      <ul class="products">
        {products.data.map((product) => (
          <li key={product.sku} class="card product">
            <div class="product-line">
              <span class="product-name">{product.name}</span>
              <span class="price">{formatPrice(product.price)}</span>
            </div>
            {product.reason && <p class="small muted">{product.reason}</p>}
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() =>
                void copyText(`${product.name} ${formatPrice(product.price)}`).then((ok) => notify(ok ? '已复制商品名和价格' : '复制失败', ok ? 'ok' : 'error'))
              }
            >
              复制名称和价格
            </button>
          </li>
        ))}
      </ul>
    );
  return (
    <Section title="推荐商品" id="recommendations">
      {body}
    </Section>
  );
}
