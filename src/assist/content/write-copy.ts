import { checkDraft } from '../guardrails/check-draft.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { Flag } from '../suggestion-schema.ts';
import type { CopyKind } from './copy-kinds.ts';
import { priceText, sellingPoints } from './selling-points.ts';

export interface CopyRequest {
  kind: CopyKind;
  skus: string[];
  /** A campaign or occasion line the guide adds ("七夕", "新品到店"); checked by the guardrails like the rest. */
  theme?: string;
  storeName?: string;
  guideName?: string;
}

export interface Copy {
  kind: CopyKind;
  text: string;
  skus: string[];
  flags: Flag[];
  needsApproval: boolean;
}

function moments(products: Product[], req: CopyRequest): string {
  const opening = req.theme ? `【${req.theme}】` : '【店里新到的心头好】';
  const lines = products.map((p) => `· ${p.name} ${priceText(p)}\n  ${sellingPoints(p, 2).join('；')}`);
  const closing = `想试穿试用的姐妹，私信我预约到店${req.storeName ? `（${req.storeName}）` : ''}，给您留好尺码～`;
  return [opening, ...lines, closing].join('\n');
}

function videoScript(products: Product[], req: CopyRequest): string {
  const [hero] = products;
  if (!hero) return '';
  const points = sellingPoints(hero, 3);
  return [
    `【开场 0-3秒】${req.theme ? `${req.theme}，` : ''}今天给大家看看这件${hero.name}。`,
    `【卖点 3-15秒】${points.map((p, i) => `${i + 1}. ${p}`).join(' ')}`,
    `【展示 15-25秒】近景看细节，再上身/上脸展示效果；价格 ${priceText(hero)}，以门店实际为准。`,
    ...products.slice(1).map((p) => `【搭配】可以搭配${p.name}（${priceText(p)}）。`),
    `【结尾】喜欢的话评论区告诉我，或者来${req.storeName ?? '门店'}找${req.guideName ?? '我'}试试～`,
  ].join('\n');
}

function liveScript(products: Product[], req: CopyRequest): string {
  const parts = products.map((p, i) =>
    [`【第${i + 1}款 讲解】${p.name}，${priceText(p)}。`, ...sellingPoints(p, 3).map((s) => `  - ${s}`), `【互动】想看${p.subcategory || p.category}细节的扣1，我给大家拉近看。`].join('\n'),
  );
  return [
    `【开场】欢迎来到${req.storeName ?? '我们的'}直播间${req.theme ? `，今天的主题是${req.theme}` : ''}，我是导购${req.guideName ?? ''}。`,
    ...parts,
    '【促单】尺码和库存以下单页面为准，有问题随时在评论区问我。',
  ].join('\n');
}

const WRITERS: Record<CopyKind, (products: Product[], req: CopyRequest) => string> = {
  moments,
  video_script: videoScript,
  live_script: liveScript,
};

/**
 * Marketing copy for a product or campaign, from templates filled only with catalog facts (name, price,
 * description, attributes), then through the same guardrails as reply drafts. Unknown skus are skipped.
 */
export function writeCopy(kb: KnowledgeBase, req: CopyRequest): Copy {
  const products = req.skus.flatMap((sku) => kb.productBySku.get(sku) ?? []).slice(0, 5);
  const text = products.length > 0 ? WRITERS[req.kind](products, req) : '';
  const check = checkDraft(kb, text, { products });
  return { kind: req.kind, text, skus: products.map((p) => p.sku), flags: check.flags, needsApproval: check.needsApproval };
}
