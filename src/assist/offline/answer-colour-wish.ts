/**
 * "黑的我已经有一个了 换个颜色 哪个百搭点", "驼色太老气了 换个颜色吧 深一点的": the product in view's
 * other colours — none the customer turned down, of the depth asked — with the one a guide would pick.
 */
import { coloursWished } from '../dialogue/read-colour-wish.ts';
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { Part } from './answer-product.ts';
import { colours } from './pick-products.ts';

/** Colours that go with everything, most versatile first. */
const VERSATILE = ['黑色', '白色', '米白', '奶白', '燕麦色', '驼色', '灰色', '浅灰', '深灰', '藏青', '卡其'];

const rank = (colour: string): number => {
  const i = VERSATILE.findIndex((v) => v === colour || v.replace(/色$/u, '') === colour.replace(/色$/u, ''));
  return i < 0 ? VERSATILE.length : i;
};

export function answerColourWish(state: DialogueState): Part | undefined {
  const product = state.slots.focus?.value;
  const wish = state.slots.colourWish;
  // A depth alone ("深一点的颜色") is the depth answer's; this one is for colours turned down or another asked.
  if (!product || !wish || wish.messageId !== state.newestMessageId || (wish.value.avoid.length === 0 && !wish.value.another)) return undefined;
  const offered = colours(product);
  if (offered.length === 0) return undefined;
  const { avoid, depth } = wish.value;
  const turnedDown = avoid.filter((a) => offered.some((c) => c.startsWith(a.replace(/色$/u, ''))));
  const left = coloursWished(offered, wish.value);
  const depthWord = depth === 'deep' ? '深一点的' : depth === 'light' ? '浅一点的' : '';
  // Nothing left of that depth or at all: others of its kind are the answer, not this one.
  if (left.length === 0) return undefined;
  const versatile = /百搭|好搭|耐看|日常/u.test(state.newestText);
  const [pick] = versatile ? [...left].sort((a, b) => rank(a) - rank(b)) : left;
  const head = turnedDown.length > 0 ? `${product.name}除了${turnedDown.join('、')}，${depthWord ? `${depthWord}` : ''}还有${left.join('、')}` : `${product.name}${depthWord || '其他颜色'}有${left.join('、')}`;
  const advice = pick && left.length > 1 ? `，${versatile ? `${pick}更百搭，日常怎么配都不出错` : `${pick}很耐看`}` : '';
  return { text: `${head}${advice}。需要的话我拍实物图给您看看～`, products: [product] };
}
