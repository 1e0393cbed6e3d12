/**
 * "黑色和酒红选哪个 我皮肤偏黄": a guide's opinion between colours, with the reason in the customer's
 * terms (skin tone, what it is for), and an offer to show both on. Only colours the product has, when
 * one is in focus.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { shadeFor } from './shade-for.ts';
import { DEEP_COLOUR, DEEPER, LIGHT_COLOUR, LIGHTER } from '../dialogue/read-colour-wish.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { colourNames } from '../dialogue/read-needs.ts';
import type { Part } from './answer-product.ts';
import { priceTag, sellingPoint } from './describe-product.ts';
import { skinFits } from './pick-products.ts';
import { fitsNeed } from '../dialogue/read-focus.ts';

/** How well a colour suits a skin tone, best first; colours not listed come after. */
const BY_TONE: [RegExp, string, string[]][] = [
  [/(?:皮肤|肤色|脸色?).{0,4}黄|偏黄|黄皮|暗沉|黄黑/u, '皮肤偏黄', ['酒红', '藏青', '墨绿', '黑色', '驼色', '白色', '米白', '焦糖色', '咖啡色']],
  [/(?:皮肤|肤色).{0,4}黑|偏黑|黑皮|小麦色/u, '皮肤偏深', ['白色', '米白', '驼色', '焦糖色', '酒红', '藏青', '黑色', '卡其']],
  [/(?:皮肤|肤色).{0,4}白|偏白|白皮|冷白/u, '皮肤白', ['粉色', '雾蓝', '浅蓝', '酒红', '米白', '燕麦色', '黑色']],
];
const WHY: Record<string, string> = {
  黑色: '百搭又显瘦，通勤日常穿的机会最多',
  酒红: '很提气色，衬得皮肤更白净',
  藏青: '比黑色柔和，显白又稳重',
  墨绿: '有质感，能把肤色衬得更通透',
  驼色: '温柔显气质，配什么都不出错',
  白色: '干净清爽，人显得很精神',
  米白: '比纯白柔和，很显温柔',
};

function why(colour: string): string {
  return WHY[colour] ?? WHY[`${colour}色`] ?? '颜色很耐看';
}

/** "要深一点的颜色", "浅色的": the product's colours of that depth. */
const DEPTH: [RegExp, string, RegExp][] = [
  [DEEPER, '深一点的', DEEP_COLOUR],
  [LIGHTER, '浅一点的', LIGHT_COLOUR],
];

/** "有没有浅一点的颜色" about the product in view: its colours of that depth, when it has some. */
export function byDepth(kb: KnowledgeBase, state: DialogueState): Part | undefined {
  const product = state.slots.focus?.value;
  const depth = product && DEPTH.find(([asked]) => asked.test(state.newestText));
  if (!product || !depth) return undefined;
  const colours = colourNames(kb, product);
  const fit = colours.filter((c) => depth[2].test(c));
  // None of its colours is that deep or light: others of its kind are the answer, not this one.
  if (fit.length === 0) return undefined;
  const tone = BY_TONE.find(([pattern]) => pattern.test(state.newestText));
  const order = tone?.[2] ?? [];
  const [pick] = [...fit].sort((a, b) => (order.indexOf(a) < 0 ? 99 : order.indexOf(a)) - (order.indexOf(b) < 0 ? 99 : order.indexOf(b)));
  return { text: `${product.name}${depth[1]}颜色有${fit.join('、')}${pick && fit.length > 1 ? `，${tone ? `${tone[1]}的话` : ''}更推荐${pick}，${why(pick)}` : ''}。需要的话我拍实物图给您看看～`, products: [product] };
}

/** "粉底液 大油皮 黄黑皮 选哪个色号", "我偏黄 也不算白 选哪个号": the shade for the tone, of the one in view or one for the skin type. */
function byShade(kb: KnowledgeBase, state: DialogueState): Part | undefined {
  const tone = state.slots.skinTone;
  if (!tone || !(/色号|哪个色|什么色|哪个颜色|哪个号|选哪个|几号|什么号/u.test(state.newestText) || tone.messageId === state.newestMessageId)) return undefined;
  const inView = state.slots.focus?.value;
  const skin = state.slots.skinType?.value;
  const need = state.slots.category?.value;
  const product = inView && shadeFor(inView, tone.value) ? inView : inView ? undefined : kb.products.find((p) => need !== undefined && fitsNeed(p, need) && skinFits(p, skin) && shadeFor(p, tone.value) !== undefined);
  const shade = product ? shadeFor(product, tone.value) : undefined;
  if (!product || !shade) return undefined;
  const advice = `${shade.said}的话建议选${shade.pick}${shade.next ? `，拿不准的话和${shade.next}对比着试一下` : ''}。方便的话到店在下颌线试一下色，会更准～`;
  if (product === inView) return { text: `${product.name}${advice}`, products: [product] };
  return { text: `${skin ? `${skin}肌肤` : ''}可以看看${product.name}（${priceTag(product)}），${sellingPoint(product)}；${advice}`, products: [product] };
}

export function answerColourChoice(kb: KnowledgeBase, state: DialogueState): Part | undefined {
  const shade = byShade(kb, state);
  if (shade) return shade;
  const depth = byDepth(kb, state);
  if (depth || DEPTH.some(([asked]) => asked.test(state.newestText))) return depth;
  const product = state.slots.focus?.value;
  const offered = product ? colourNames(kb, product) : [];
  const said = colourNames(kb, undefined, state.newestText);
  const compared = state.slots.colourChoice?.value ?? [];
  const choices = said.length >= 2 ? said : compared.length >= 2 ? compared : offered;
  if (choices.length < 2) return undefined;
  const tone = BY_TONE.find(([pattern]) => pattern.test(state.newestText));
  const order = tone?.[2] ?? ['黑色', '驼色', '藏青', '米白', '酒红'];
  const rank = (c: string): number => {
    const i = order.findIndex((o) => o === c || o.replace(/色$/u, '') === c.replace(/色$/u, ''));
    return i < 0 ? order.length : i;
  };
  const [pick, other] = [...choices].sort((a, b) => rank(a) - rank(b));
  if (!pick || !other) return undefined;
  const who = tone ? `${tone[1]}的话` : '';
  const name = product ? `${product.name}` : '';
  return {
    text: `${name}${who}我更推荐${pick}，${why(pick)}；${other}也好看，${why(other)}。方便的话到店两个颜色都上身试一下，或者我拍两张上身对比图给您看～`,
    products: product ? [product] : [],
  };
}
