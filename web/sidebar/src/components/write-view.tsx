import { useEffect, useRef, useState } from 'preact/hooks';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import type { MarketingCopy } from '../api-types.ts';
import { copyText } from '../clipboard.ts';
import { buildContentRequest, COPY_KINDS, MAX_PRODUCTS, MAX_THEME_LENGTH, toggleProduct, type CopyKind, type ProductChoice } from '../content-request.ts';
import { CopyResult } from './copy-result.tsx';
import { useNotify } from './notice.tsx';
import { ProductChoices } from './product-choices.tsx';
import { ErrorState, Loading } from './states.tsx';
import { ViewHeader } from './view-header.tsx';

const RECOMMENDATIONS = 5;

export interface WriteViewProps {
  /** The customer the sidebar is about: their recommendations are offered first. */
  customerId: string | null;
  /** Products already chosen where the guide tapped 写文案 (a recommended product). */
  seed: readonly ProductChoice[];
  backLabel: string;
  onBack: () => void;
}

type Result = { state: 'idle' } | { state: 'invalid'; problem: string } | { state: 'loading' } | { state: 'done'; copy: MarketingCopy } | { state: 'error'; error: unknown };

/**
 * 写文案: a Moments post, a short-video script or a live-stream script for up to five catalog products
 * (POST /api/content), with the guardrails' marks. The guide copies it; it never goes to a customer.
 */
export function WriteView({ customerId, seed, backLabel, onBack }: WriteViewProps) {
  const notify = useNotify();
  const recommended = useLoadable(`write-products:${customerId ?? ''}`, () => api.recommendations(customerId ?? '', RECOMMENDATIONS), customerId !== null);
  const [selected, setSelected] = useState<ProductChoice[]>(() => [...seed]);
  const [kind, setKind] = useState<CopyKind>('moments');
  const [theme, setTheme] = useState('');
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result.state !== 'idle' && result.state !== 'loading') resultRef.current?.scrollIntoView({ block: 'nearest' });
  }, [result]);

  const toggle = (product: ProductChoice): void => {
    const next = toggleProduct(selected, product);
    if (next.full) notify(`最多选择 ${MAX_PRODUCTS} 件商品`, 'warn');
    else setSelected(next.selected);
  };

  const generate = async (): Promise<void> => {
    const check = buildContentRequest(kind, selected.map((p) => p.sku), theme);
    if (!check.ok) return setResult({ state: 'invalid', problem: check.problem });
    setResult({ state: 'loading' });
    try {
      setResult({ state: 'done', copy: await api.writeCopy(check.request) });
    } catch (error) {
      setResult({ state: 'error', error });
    }
  };

  const copy = async (text: string): Promise<void> => {
    const ok = await copyText(text);
    notify(ok ? '已复制，可以粘贴到朋友圈或脚本里' : '复制失败，请长按文字手动复制', ok ? 'ok' : 'error');
  };

  const loading = result.state === 'loading';
  return (
    <>
      <ViewHeader title="写文案" backLabel={backLabel} onBack={onBack} />
      <p class="muted small view-summary">选商品和类型，按商品库里的信息写朋友圈文案或脚本。文案只复制，不会发给客户。</p>
      <section class="card write" aria-label="写文案">
        <ProductChoices recommended={customerId === null ? null : recommended} selected={selected} onToggle={toggle} />
        <div class="field-group">
          <span class="mini-title" id="copy-kind-label">
            文案类型
          </span>
          <div class="chip-row" role="radiogroup" aria-labelledby="copy-kind-label">
            {COPY_KINDS.map((k) => (
              <button type="button" key={k.kind} role="radio" aria-checked={kind === k.kind} class="chip-button kind" onClick={() => setKind(k.kind)}>
                {k.label}
              </button>
            ))}
          </div>
        </div>
        <div class="field-group">
          <label class="mini-title" for="copy-theme">
            主题（可选）
          </label>
          <input
            id="copy-theme"
            class="field"
            value={theme}
            maxLength={MAX_THEME_LENGTH}
            placeholder="如：秋冬上新、周末到店礼"
            enterKeyHint="done"
            onInput={(e) => setTheme((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.isComposing) void generate();
            }}
          />
        </div>
        <button type="button" class="btn btn-primary btn-block" disabled={selected.length === 0 || loading} onClick={() => void generate()}>
          {loading ? '正在生成…' : '生成文案'}
        </button>
        {selected.length === 0 && <p class="hint">先选至少一件商品。</p>}
      </section>
      <div ref={resultRef} class="write-result">
        {result.state === 'invalid' && (
          <p class="note note-rejected" role="alert">
            {result.problem}
          </p>
        )}
        {result.state === 'loading' && <Loading label="正在写文案…" />}
        {result.state === 'error' && <ErrorState error={result.error} onRetry={() => void generate()} />}
        {result.state === 'done' && <CopyResult copy={result.copy} onCopy={() => void copy(result.copy.text)} />}
      </div>
    </>
  );
}
