/**
 * "你们家有洗发水吗", "有泳衣卖不", "想送老师一支钢笔": a kind of product shoppers ask a store for that this
 * store's catalog does not carry. Which kinds it lacks is read from the catalog, not listed per tenant:
 * the list is of kinds people ask for, and one counts only while no product's name or kind has it.
 */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Reading } from './read-needs.ts';

/** Kinds shoppers often ask a fashion, shoes, accessories or beauty store for. */
const OFTEN_ASKED = /泳衣|泳装|比基尼|泳裤|手表|腕表|婚纱|礼服裙|汉服|旗袍|羽绒被|床品|四件套|被子|枕头|毛巾|浴巾|行李箱|拉杆箱|登机箱|雨伞|太阳伞|眼镜框|老花镜|老花眼镜|近视眼镜|隐形眼镜|假发|内裤|保温杯|洗发水|护发素|牙膏|钢笔|文具|手机壳|耳机|玩具|保健品|吹风机|卷发棒|剃须刀|红酒|茶叶|领带/u;
/** "你们卖不卖拖把": any kind, asked whether it is sold. */
const SOLD_ASK = /(?:有卖|卖不卖|有没有卖|卖)(?![我你他她给])([\u4e00-\u9fa5]{1,4}?)(?:吗|么|嘛|没)?[？?]?$/u;
/** "套在行李箱上的包", "行李箱里能放": a thing beside the one asked for. */
const BESIDE = /^[上里旁边]|^的包|^(?:都|也)?(?:能穿|穿得下)/u;

function carried(kb: KnowledgeBase, kind: string): boolean {
  return kb.products.some((p) => p.name.includes(kind) || p.subcategory.includes(kind));
}

/** The kind asked for that the catalog has none of, if the text asks for one. */
export function readUnsold(kb: KnowledgeBase, text: string): Reading<string> | undefined {
  const trimmed = text.trim();
  const often = OFTEN_ASKED.exec(trimmed);
  // The kind itself asked for (有泳衣卖不, 想送老师一支钢笔), not one in passing (戴耳机跑步).
  const askedFor = often && /(?:有|卖|买|要|找|看|送|挑)[^，。？?]{0,4}$/u.test(trimmed.slice(Math.max(0, often.index - 6), often.index)) && !BESIDE.test(trimmed.slice(often.index + often[0].length));
  const kind = SOLD_ASK.exec(trimmed)?.[1] ?? (askedFor ? often[0] : undefined);
  return kind && !carried(kb, kind) ? { value: kind, quote: kind } : undefined;
}

/** What the store does sell, by category, for the reply that says what it lacks. */
export function categoriesSold(kb: KnowledgeBase): string[] {
  return [...new Set(kb.products.map((p) => p.category))];
}
