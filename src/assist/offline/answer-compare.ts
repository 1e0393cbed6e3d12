/**
 * "哪个更保暖", "这两款有什么区别": the products on the table (the guide's last list, or the ones the
 * customer names) compared on what was asked, with a pick and the reason, then the other one fairly.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { EASY_CARE } from '../dialogue/intent-cues.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { Part } from './answer-product.ts';
import { contentChars } from './answer-about-product.ts';
import { fillingOf } from './answer-warmth.ts';
import { priceTag, sellingPoint } from './describe-product.ts';

const made = (p: Product): string => `${p.name} ${String(p.attributes['材质'] ?? '')} ${p.description}`;

/** "填充90%白鹅绒，更保暖": the filling when it has one, else what it is made of. */
function warmthOf(p: Product): string {
  const fill = fillingOf(p);
  return fill ? `填充的是${fill}，更保暖` : `是${String(p.attributes['材质'] ?? '用料').replace(/^面料/u, '')}，更保暖`;
}

const heelOf = (p: Product): number => Number.parseFloat(String(p.attributes['跟高'] ?? '99'));

/** Content characters the customer's words share with a product's description ("跳操" with 跳操、力量训练). */
function sharedWith(p: Product, said: string): number {
  const own = new Set(`${p.name}${p.subcategory}`);
  return [...contentChars(said)].filter((c) => !own.has(c) && p.description.includes(c)).length;
}

/** What the customer weighs them on: a score (higher is better) and how to say why. */
const ASPECTS: [RegExp, (p: Product) => number, (p: Product) => string][] = [
  // Silk, cashmere, wool and leather want hand washing, dry cleaning or care; cotton and easy-care finishes go in the machine.
  [EASY_CARE, (p) => (/易打理|免烫|抗皱/u.test(made(p)) ? 3 : /真丝|桑蚕丝|羊绒|羊毛|毛呢|真皮|牛皮|羊皮|麂皮|羽绒/u.test(made(p)) ? 0 : /棉|麻|涤|牛仔|尼龙/u.test(made(p)) ? 2 : 1), (p) => (/易打理|免烫|抗皱/u.test(made(p)) ? '做了易打理整理，洗后稍微挂一下就平整，更省心' : `是${String(p.attributes['材质'] ?? '常规面料')}，可以直接机洗，打理起来更省心`)],
  [/保暖|暖和|厚|抗冻|冬天/u, (p) => (/鹅绒/u.test(made(p)) ? 4 : /羽绒|鸭绒/u.test(made(p)) ? 3 : /羊绒/u.test(made(p)) ? 2.5 : /羊毛|毛呢/u.test(made(p)) ? 2 : 0), (p) => warmthOf(p)],
  [/便宜|划算|性价比|实惠|省钱/u, (p) => -p.price, (p) => `${priceTag(p)}更实惠`],
  // Perfume lasts by concentration: 香精 > 淡香精 > 淡香水.
  [/持久|留香|香味久|香得久/u, (p) => (/淡香精/u.test(p.name) ? 2 : /香精/u.test(p.name) ? 3 : /淡香水/u.test(p.name) ? 1 : 0), (p) => `${/淡香精/u.test(p.name) ? '是淡香精，浓度比淡香水高，' : ''}留香更久`],
  // "哪双跟矮一点": the lower heel.
  [/跟(?:矮|低)|矮一点|低一点|不穿高跟|穿不了高跟|好走/u, (p) => -heelOf(p), (p) => `跟高${String(p.attributes['跟高'])}，更好走`],
  [/轻|轻便|不压|好带/u, (p) => (/轻/u.test(made(p)) ? 1 : 0), () => '更轻便'],
  [/耐穿|耐用|质量|高级|档次|质感/u, (p) => p.price, (p) => `用料和做工更好（${priceTag(p)}）`],
];

export function answerCompare(state: DialogueState, named: readonly Product[]): Part | undefined {
  const options = named.length >= 2 ? named : (state.slots.shown?.value ?? []);
  const [first, second] = options;
  if (!first || !second) return undefined;
  const aspect = ASPECTS.find(([pattern]) => pattern.test(state.newestText));
  // "我主要是跳操加撸铁 买哪个好": the one whose description speaks to the use told.
  const [firstShares, secondShares] = [sharedWith(first, state.newestText), sharedWith(second, state.newestText)];
  const [byUse, less] = secondShares > firstShares ? [second, first] : [first, second];
  if (!aspect && Math.max(firstShares, secondShares) >= 2 && firstShares !== secondShares) {
    return { text: `按您说的，更推荐${byUse.name}（${priceTag(byUse)}）：${byUse.description.replace(/。$/u, '')}；${less.name}（${priceTag(less)}）${sellingPoint(less)}。您看需要我把两款的细节图都发您吗？`, products: [byUse, less] };
  }
  if (!aspect) {
    return {
      text: `两款各有优点：${first.name}（${priceTag(first)}）${sellingPoint(first)}；${second.name}（${priceTag(second)}）${sellingPoint(second)}。您更看重哪一点，我帮您选；方便的话到店两款都试一下～`,
      products: [first, second],
    };
  }
  const [, score, why] = aspect;
  const [pick, other] = score(second) > score(first) ? [second, first] : [first, second];
  return {
    text: `${pick.name}${why(pick)}，我更推荐它；${other.name}（${priceTag(other)}）${sellingPoint(other)}，也很不错。您看需要我把两款的细节图都发您吗？`,
    products: [pick, other],
  };
}
