/**
 * The 写文案 panel's request to `POST /api/content` (src/http/content-routes.ts): 1–5 catalog skus, a kind
 * and an optional theme of at most 30 characters. Checked here first so the guide hears what to fix in
 * their words instead of a 400.
 */

export type CopyKind = 'moments' | 'video_script' | 'live_script';

export const COPY_KINDS: ReadonlyArray<{ kind: CopyKind; label: string }> = [
  { kind: 'moments', label: '朋友圈' },
  { kind: 'video_script', label: '短视频脚本' },
  { kind: 'live_script', label: '直播话术' },
];

export const MAX_PRODUCTS = 5;
/** The server's limit (zod `max(30)`, counted in UTF-16 units like String#length). */
export const MAX_THEME_LENGTH = 30;

export interface ContentRequest {
  kind: CopyKind;
  skus: string[];
  theme?: string;
}

export type ContentRequestCheck = { ok: true; request: ContentRequest } | { ok: false; problem: string };

export function buildContentRequest(kind: CopyKind, skus: readonly string[], theme: string): ContentRequestCheck {
  const unique = [...new Set(skus.map((s) => s.trim()).filter((s) => s !== ''))];
  if (unique.length === 0) return { ok: false, problem: '请至少选择一件商品。' };
  if (unique.length > MAX_PRODUCTS) return { ok: false, problem: `最多选择 ${MAX_PRODUCTS} 件商品。` };
  const line = theme.trim();
  if (line.length > MAX_THEME_LENGTH) return { ok: false, problem: `主题最多 ${MAX_THEME_LENGTH} 个字。` };
  return { ok: true, request: { kind, skus: unique, ...(line ? { theme: line } : {}) } };
}

export interface ProductChoice {
  sku: string;
  name: string;
  price?: number | undefined;
}

/** Ticks or unticks a product; ticking beyond the limit changes nothing and says so (`full`). */
export function toggleProduct<T extends ProductChoice>(selected: readonly T[], product: T, max = MAX_PRODUCTS): { selected: T[]; full: boolean } {
  if (selected.some((p) => p.sku === product.sku)) return { selected: selected.filter((p) => p.sku !== product.sku), full: false };
  if (selected.length >= max) return { selected: [...selected], full: true };
  return { selected: [...selected, product], full: false };
}
