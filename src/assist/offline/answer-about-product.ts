/**
 * A question about one product answered from the catalog's own words: "透不透" → "不透不贴身", "是宽松的
 *还是修身的" → 版型 落肩宽松, "第一次点要注意啥" → "第一次点燃建议烧到整个表面融化再熄灭". The attribute the
 * question names comes first, then the description clause that shares the most of its words.
 */
import type { Product } from '../knowledge/schemas.ts';
import type { Part } from './answer-product.ts';

/** Questions about a product: A-not-A (透不透), either-or (宽松还是修身), what / how much / how. */
export const ABOUT_PRODUCT_ASK = /几(?:片|个|号|种|cm|厘米|克|支|张|格|层)|(\p{Script=Han})不\1|是[^，。？?]{1,8}还是|什么|啥|多(?:大|长|厚|重|高|宽|久)|怎么样|怎么(?:用|穿|洗|弄|点)|要注意|[吗嘛么][？?]?\s*$|[吗嘛么](?=\s|[，,])|[？?]\s*$/u;

/** Words that name an attribute, by the catalog's attribute key. */
const ATTRIBUTE_CUES: [string, RegExp][] = [
  ['版型', /版型|宽松|修身|紧身|合身|oversize|肥不肥|宽不宽|显胖|显瘦|廓形|直筒|收腰/iu],
  ['材质', /材质|面料|料子|什么做的|成分|纯棉|羊毛|羊绒|真丝|真皮/u],
  ['季节', /季节|什么时候穿|几月|春秋|冬天穿|夏天穿|保暖|冷不冷|热不热/u],
  ['跟高', /跟高|多高|跟有多|鞋跟/u],
  ['容量', /容量|多大一?个|有多大|多少ml|多少毫升|多大一?(?:瓶|罐|支|盒|管)|一(?:瓶|罐|支|盒|管)多大|多少克|多少g|几克|用多久|几片|多少片|一盒几|一盒多少|几支装|几瓶装/iu],
  ['颜色', /(?:什么|哪种|那种|是)[^，。？?]{0,4}(?:蓝|红|绿|粉|灰|黄|紫|棕)(?:色)?(?:吗|呢|啊)?$|颜色(?:深|浅|亮|暗|正)不|颜色(?:偏|是)(?:深|浅|亮|暗)/u],
  ['色号', /色号|深一?点的色|浅一?点的色|有深一?点|有浅一?点|哪个色/u],
  ['香调', /香调|什么味|啥味|香味|味道|味儿|冲不冲|冲吗|浓不浓|浓吗|好闻|刺鼻/u],
  ['尺寸', /尺寸|多大|多长多宽|多宽|能装|装得下|放得下|塞得下|塞下|能塞|放得进|装得进|头围|头大|戴得下|有几个号|几个号|有哪些号|几号到几号|手指(?:挺|比较|很)?粗|手指(?:挺|比较|很)?细|\d{2}(?:cm|厘米|公分)?(?:的)?(?:能|可以)?(?:戴|装|放)/u],
];

/** Questions the description answers in other words: "油不油" → its 质地, "能点多久" → its hours. */
const DESCRIPTION_CUES: [RegExp, string][] = [
  [/油不油|搓泥|厚不厚|黏不黏|粘不粘|清爽|油腻|质地|润不润|够润|滋润|干不干/u, '质地 厚 清爽 黏 润 油 轻薄 滋润 水润'],
  [/点多久|烧多久|能点|能用多久|多长时间/u, '小时 时长 个月 燃烧'],
  [/冲不冲|冲吗|浓不浓|浓吗|味儿/u, '温柔 淡 清新 柔和 香'],
  // "真的不扎吗 我脖子特别敏感": how it feels on the skin.
  [/扎不扎|不扎吗|扎吗|扎人|刺挠|痒不痒|会痒|软不软|硬不硬|亲肤吗/u, '扎 痒 软 细腻 亲肤 贴身 柔软 顺滑'],
  // "能收起来不 出差想塞箱子里": whether it packs away.
  [/收起来|收纳|叠起来|折起来|压小|压缩|能压|塞(?:进)?(?:箱子|包里|行李)|好不好带|方便带|占地方|占空间/u, '收纳 收纳袋 收进 折叠 便携 出差 旅行 携带'],
  [/重不重|沉不沉|重吗|沉吗|轻不轻|压脚|很重|太重|多重/u, '轻 轻量 轻便 重量 轻盈'],
  [/滑不滑|打滑|会滑|防滑|摔跤|摔倒/u, '防滑 抓地 纹路 鞋底 雨天'],
  [/证书|鉴定|真的假的|假的/u, '证书 鉴定'],
  [/熨|褶子|褶会|压褶/u, '定型 压褶 免烫 熨'],
];

/** Characters that carry no content of their own in a question. */
const FUNCTION = /[的了吗呢吧啊呀哦嘛也都很就还是在有我你他她它们这那么个一不没和跟与或给把被让要想能会可以啥什怎样多少款件条双]/u;

/** The characters of a text that carry content (not 的/了/吗, pronouns or measure words). */
export function contentChars(text: string): Set<string> {
  return new Set([...(text.match(/\p{Script=Han}/gu) ?? [])].filter((c) => !FUNCTION.test(c)));
}

/** The description clause sharing the most content with the question, when one shares any. */
export function bestClause(product: Product, question: string): string | undefined {
  const asked = contentChars(question);
  const own = contentChars(`${product.name}${product.subcategory}`);
  let best: { clause: string; score: number } | undefined;
  for (const clause of product.description.split(/[；;。！!]/u).map((c) => c.trim()).filter(Boolean)) {
    const score = [...contentChars(clause)].filter((c) => asked.has(c) && !own.has(c)).length;
    if (score > 0 && (!best || score > best.score)) best = { clause, score };
  }
  return best?.clause;
}

/** The first piece of the description (between commas, or a whole sentence) that `says` holds for ("可以免费压印姓名缩写"). */
export function descriptionPiece(product: Product, says: (piece: string) => boolean, by: 'piece' | 'sentence' = 'piece'): string | undefined {
  return product.description.split(by === 'piece' ? /[，。；]/u : /[。；]/u).find(says);
}

/** "能给打个孔吗" of a belt "可以在门店免费打孔": a word of the question (two characters, not the product's own) its description says. */
export function descriptionSays(product: Product, question: string): boolean {
  const own = `${product.name}${product.subcategory}`;
  const han = question.replace(/[^\p{Script=Han}]/gu, ' ');
  for (let i = 0; i + 2 <= han.length; i++) {
    const pair = han.slice(i, i + 2);
    if (!/\s/u.test(pair) && contentChars(pair).size === 2 && !own.includes(pair) && product.description.includes(pair)) return true;
  }
  return false;
}

/** Whether the question names one of the product's attributes or a trait its description speaks to. */
export function asksAboutProduct(product: Product, question: string): boolean {
  return ATTRIBUTE_CUES.some(([key, cue]) => product.attributes[key] !== undefined && cue.test(question)) || DESCRIPTION_CUES.some(([cue]) => cue.test(question));
}

/** The answer about `product`, or undefined when neither an attribute nor the description speaks to it. */
export function answerAboutProduct(product: Product, question: string): Part | undefined {
  const asked = question.split(product.name).join('');
  const hints = DESCRIPTION_CUES.filter(([cue]) => cue.test(asked)).map(([, words]) => words).join(' ');
  const clause = bestClause(product, `${asked} ${hints}`);
  // "H型直身" in the clause already says the 版型 is H型.
  const facts = ATTRIBUTE_CUES.filter(([key, cue]) => product.attributes[key] !== undefined && cue.test(asked) && !(clause ?? '').includes(String(product.attributes[key]))).map(([key]) => { const value = product.attributes[key]; return `${key}是${Array.isArray(value) ? value.join('、') : String(value)}`; });
  if (facts.length === 0 && !clause) return undefined;
  const said = [...facts, ...(clause ? [clause] : [])].join('，');
  return { text: `${product.name}${said.startsWith(product.name) ? said.slice(product.name.length) : `：${said}`}。还有想了解的随时问我～`, products: [product] };
}

/** "礼盒里面都有啥": what a set holds (its 容量), then what it is. */
export function answerContents(product: Product, text: string): Part | undefined {
  const contents = product.attributes['容量'];
  if (!contents || !/里面|包含|都有哪些/u.test(text)) return undefined;
  return { text: `${product.name}里面是${String(contents)}，${product.description}`, products: [product] };
}
