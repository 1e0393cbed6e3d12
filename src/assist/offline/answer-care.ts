/**
 * How to wash or look after a thing ("能机洗吗", "能熨吗", "淋了雨有水印"): the FAQ for what it is made of,
 * checked against the product in view, and a question back when nothing says what it is.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { Part } from './answer-product.ts';
import { answerMaterial } from './answer-product.ts';
import { answerFromFaq } from './answer-policy.ts';

const named = (pattern: RegExp) => (p: Product): boolean => pattern.test(`${p.name}${p.subcategory}`);
const CARE_KINDS: [RegExp, (p: Product) => boolean][] = [
  [/大衣/u, named(/大衣/u)],
  [/毛衣/u, named(/毛衣|针织|开衫/u)],
  [/羽绒服/u, named(/羽绒|鹅绒|面包服|棉服/u)],
  [/真丝/u, named(/真丝|桑蚕丝/u)],
  [/皮包|包/u, named(/包/u)],
  [/皮鞋/u, named(/皮鞋|德比|牛津|乐福|布洛克|切尔西|单鞋/u)],
  [/银饰|首饰/u, named(/银|金|耳|项链|手链|戒指/u)],
  [/护肤品/u, (p) => p.category === '美妆'],
  // The fabric FAQs are for clothes of that fabric: slippers or boots are not cotton shirts.
  [/醋酸/u, (p) => p.category === '服装' && /醋酸/u.test(`${p.name}${String(p.attributes['材质'] ?? '')}`)],
  [/棉、牛仔|聚酯纤维的衣服/u, (p) => p.category === '服装' && /棉|牛仔|聚酯|涤纶|锦纶/u.test(`${p.name}${String(p.attributes['材质'] ?? '')}`) && !/羊毛|羊绒|真丝|桑蚕丝|羽绒|鹅绒|醋酸/u.test(`${p.name}${String(p.attributes['材质'] ?? '')}`)],
];

function careFits(question: string, product: Product): boolean {
  // A coat's dry-cleaning is no answer for a knit of the same wool.
  if (/大衣/u.test(question) && /毛衣|针织|开衫|打底/u.test(`${product.name}${product.subcategory}`)) return false;
  // A cashmere scarf takes the cashmere care, whatever kind the FAQ names.
  const material = /羊毛|羊绒|真丝|羽绒|真皮|银饰/u.exec(question)?.[0];
  if (material && `${product.name}${String(product.attributes['材质'] ?? '')}`.includes(material.replace('饰', ''))) return true;
  const kind = CARE_KINDS.find(([asked]) => asked.test(question));
  return !kind || kind[1](product);
}

export function answerCare(kb: KnowledgeBase, state: DialogueState, text: string): Part | undefined {
  const focus = state.slots.focus;
  // "能机洗吗" with nothing in view and no fabric named: how depends on what it is.
  const kindSaid = state.slots.category !== undefined || /丝|绒|毛|棉|麻|皮|牛仔|羽绒|醋酸|涤纶|聚酯|锦纶|鞋|靴|包|首饰|银|金|大衣|毛衣|衬衫|裤|裙|外套/u.test(text);
  if (!focus && !kindSaid && state.relationship.purchases.length === 0) return { text: '您说的是哪一件呀？不同面料洗法不一样，发我名字或者看一下洗标，我告诉您怎么洗更稳妥～', products: [] };
  const care = answerFromFaq(kb, '材质咨询', `${text} ${focus?.value.name ?? ''} ${focus?.value.subcategory ?? ''} ${String(focus?.value.attributes['材质'] ?? '')}`);
  // "雪地靴脏了咋洗": a wool coat's care is no answer for boots; the product's own words are.
  const question = care?.faqId ? kb.faqs.find((f) => f.id === care.faqId)?.question : undefined;
  if (care && focus && question && !careFits(question, focus.value)) {
    // "高领羊毛打底 … 羊毛的到底要咋洗": a knit's own care, asked again by its kind.
    const knit = /毛衣|针织|开衫|打底/u.test(`${focus.value.name}${focus.value.subcategory}`) ? answerFromFaq(kb, '材质咨询', `${text} 针织衫 毛衣 手洗`) : undefined;
    const knitQuestion = knit?.faqId ? kb.faqs.find((f) => f.id === knit.faqId)?.question : undefined;
    return (knit && knitQuestion && careFits(knitQuestion, focus.value) ? knit : undefined) ?? answerMaterial(state) ?? care;
  }
  // "贵的那件能机洗吗": which one it is about, when the care is for its fabric.
  const fabric = String(focus?.value.attributes['材质'] ?? '');
  const about = care && focus && question && !care.text.includes(focus.value.name) && fabric && /醋酸|棉|牛仔|聚酯/u.test(question) ? `${focus.value.name}是${fabric}面料，` : '';
  return care ? { ...care, text: `${about}${care.text}`, products: about && focus ? [focus.value] : care.products } : answerMaterial(state);
}
