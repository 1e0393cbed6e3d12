/**
 * "阔腿的呢", "有没有喷的", "长一点的有吗", "矮些的", "颜色重点的", "换个别的": another product of the kind
 * in view, differing as the customer says. Read only when a product is in view and the message names no
 * new kind; the words are what the wanted product's name or description should carry.
 */
import type { Product } from '../knowledge/schemas.ts';

export interface VariantAsk {
  /** Words the wanted product should carry (empty: any other of the kind). */
  words: string[];
  quote: string;
}

/** A trait said in a few characters, and the words products carry for it. */
const TRAITS: [RegExp, string[]][] = [
  [/喷/u, ['喷雾', '喷']],
  [/长/u, ['长款', '过膝', '长']],
  [/短/u, ['短款', '短']],
  [/矮|低|不要太高|没那么高/u, ['中跟', '低跟', '粗跟', '平底', '3cm', '5cm']],
  [/平底|平跟|^平$/u, ['平底', '平跟']],
  [/颜色(?:重|深)|(?:重|深)(?:色|颜色)|(?:重|深)一?(?:点|些)/u, ['丝绒', '雾面', '深', '黑', '酒红', '藏青', '枫叶红', '砖红', '正红']],
  [/颜色(?:浅|淡)|(?:浅|淡)(?:色|颜色)|(?:浅|淡)一?(?:点|些)/u, ['浅', '奶白', '米白', '裸', '淡']],
  [/薄|轻/u, ['轻薄', '薄', '轻']],
  [/厚|暖和/u, ['厚', '加厚', '羽绒', '加绒', '羊绒']],
  [/软/u, ['软']],
  [/宽松/u, ['宽松', '落肩', '廓形', '阔腿', 'oversize']],
  [/修身/u, ['修身']],
  [/素|简单|简约/u, ['素', '简约', '基础', '纯色']],
  [/真皮|皮的/u, ['牛皮', '羊皮', '真皮', '头层']],
  [/大容量|能装/u, ['大号', '大容量', '能放下']],
];

/** "换个别的", "还有别的吗": any other of the kind. */
const ANOTHER = /(?:换个别的|换一个|换一款|别的呢|其他的呢|还有别的|有别的吗|别的款|其他款|看看别的|有没有别的|其它的呢)(?![颜色码号尺])/u;

/** "X的呢", "有没有X的", "X一点的有吗": the short trait before 的, asked for. */
const TRAIT_ASK = /(?:^|[\s，,那])(?:(?:有没有得?|有没得|有得|有无|要|来个|整个|换个|换成)\s*([\u4e00-\u9fff]{1,4}?)(?:一)?(?:点|些)?的|([\u4e00-\u9fff]{1,4}?)(?:一)?(?:点|些)?的(?:呢|有吗|有没有|吗|嘛|有不|有么))/u;

function wordsOf(product: Product): string {
  return `${product.name} ${product.description} ${Object.values(product.attributes).flat().join(' ')}`;
}

export function readVariant(text: string, focus: Product | undefined, sameKind: readonly Product[]): VariantAsk | undefined {
  if (!focus) return undefined;
  const another = ANOTHER.exec(text);
  if (another) return { words: [], quote: another[0] };
  // "那个长款呢": a kind of cut named with 款.
  // "有没有长款 能盖住屁股那种": the cut asked for, the clause going on after it.
  const cut = /(?:^|[\s，,])(?:(?:那个|那|有没有|有)?([\u4e00-\u9fff]{1,2})款(?:的)?(?:呢|有吗|有没有|吗|有不)|(?:有没有|有无|要)([\u4e00-\u9fff]{1,2})款(?:的)?(?=[\s，,。？?！!]|$))/u.exec(text.trim());
  const asked = TRAIT_ASK.exec(text.trim()) ?? (cut ? Object.assign([cut[0], cut[1] ?? cut[2], undefined], { index: cut.index, input: cut.input }) as RegExpExecArray : null);
  const trait = asked?.[1] ?? asked?.[2];
  // "是真皮的吗": whether the one in view is, not another that is.
  if (!asked || !trait || trait.startsWith('是')) return undefined;
  const mapped = TRAITS.find(([pattern]) => pattern.test(trait));
  if (mapped) return { words: mapped[1], quote: asked[0].trim() };
  // "阔腿的呢": a word some other product of the kind carries.
  if (trait.length >= 2 && sameKind.some((p) => p.sku !== focus.sku && wordsOf(p).includes(trait))) return { words: [trait], quote: asked[0].trim() };
  return undefined;
}

/** How well a product answers the ask: the words it carries. */
export function variantScore(product: Product, ask: { words: readonly string[] }): number {
  const words = wordsOf(product);
  return ask.words.some((w) => words.includes(w)) ? 2 : 0;
}
