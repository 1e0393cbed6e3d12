import type { Loadable } from '../../../shared/use-loadable.ts';
import type { RecommendedProduct } from '../api-types.ts';
import type { ProductChoice } from '../content-request.ts';
import { copyText } from '../clipboard.ts';
import { formatPrice } from '../format.ts';
import { useNotify } from './notice.tsx';
import { Empty, ErrorState, Loading, Section } from './states.tsx';

/**
 * Catalog products that fit this customer; prices come from the catalog, never from a model. 写文案 opens
 * the copy writer (Moments post, video or live script) with the product already chosen.
 */
export function Recommendations({ products, onWrite }: { products: Loadable<RecommendedProduct[]>; onWrite: (products?: ProductChoice[]) => void }) {
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
            <div class="product-actions">
              <button
                type="button"
                class="btn btn-quiet"
                onClick={() =>
                  void copyText(`${product.name} ${formatPrice(product.price)}`).then((ok) => notify(ok ? '已复制商品名和价格' : '复制失败', ok ? 'ok' : 'error'))
                }
              >
                复制名称和价格
              </button>
              <button type="button" class="btn btn-quiet" onClick={() => onWrite([{ sku: product.sku, name: product.name, price: product.price }])}>
                写文案
              </button>
            </div>
          </li>
        ))}
      </ul>
    );
  return (
    <Section
      title="推荐商品"
      id="recommendations"
      extra={
        <button type="button" class="link" onClick={() => onWrite()}>
          写文案
        </button>
      }
    >
      {body}
    </Section>
  );
}
