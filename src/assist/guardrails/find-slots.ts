/**
 * Template slots a text still carries: `{product_name}`, `{{price}}`, `｛商品名｝`, `【商品名】`, `[客户姓名]`,
 * and the "XXX" a hand-written template leaves for a name. Any of them reaching a customer reads as a
 * broken message ("…{product_name}手感软糯…"), so the guardrails block them and the send routes refuse them.
 * Canonical names let a caller fill a Chinese label the same way as its `{name}` form.
 */
import { normalizeAligned } from '../tags/find-phrases.ts';

export interface SlotHit {
  /** Canonical name: `product_name`, `price`, `store_name`, `guide_name`, `customer_name`, or the slot's own word. */
  name: string;
  start: number;
  end: number;
}

/** Chinese labels a template writer uses for a slot, by canonical name. */
const LABELS: Record<string, readonly string[]> = {
  product_name: ['商品名', '商品名称', '产品名', '产品名称', '品名', '商品'],
  price: ['价格', '售价', '金额', '原价', '现价'],
  store_name: ['门店', '门店名', '门店名称', '店名', '店铺名'],
  guide_name: ['导购', '导购名', '导购姓名', '导购名字'],
  customer_name: ['客户名', '客户姓名', '客户名字', '客户称呼', '顾客名', '顾客姓名', '顾客称呼', '姓名', '称呼', '昵称', '名字'],
  date: ['日期', '时间'],
  days: ['天数'],
};
const CANONICAL = new Map(Object.entries(LABELS).flatMap(([name, labels]) => labels.map((label) => [label, name] as const)));
const LABEL_SOURCE = [...CANONICAL.keys()].sort((a, b) => b.length - a.length).join('|');

// Normalised text: full-width braces and brackets are already half-width here.
const SLOT = new RegExp(
  [
    String.raw`\{\{\s*([^{}\s][^{}]{0,40}?)\s*\}\}`,
    String.raw`\$?\{\s*([a-z_][a-z0-9_.]{0,40}|[\p{Script=Han}]{1,12})\s*\}`,
    String.raw`[【\[〔〖]\s*(${LABEL_SOURCE})\s*[】\]〕〗]`,
    String.raw`(?<![a-z0-9])(x{3,})(?![a-z0-9])`,
  ].join('|'),
  'gu',
);

function canonical(raw: string): string {
  const word = raw.trim();
  if (/^x{3,}$/u.test(word)) return 'customer_name';
  return CANONICAL.get(word) ?? word;
}

export function findSlots(text: string): SlotHit[] {
  const normalized = normalizeAligned(text);
  const hits: SlotHit[] = [];
  for (const match of normalized.matchAll(SLOT)) {
    const raw = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    hits.push({ name: canonical(raw), start: match.index, end: match.index + match[0].length });
  }
  return hits;
}

/** The distinct canonical names of the slots in `text`, in order of first appearance. */
export function slotNames(text: string): string[] {
  return [...new Set(findSlots(text).map((hit) => hit.name))];
}
