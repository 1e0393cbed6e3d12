/**
 * "温和卸妆油一瓶多少ml 敏感肌能用吗": a skin named beside another question about the product in view is
 * answered too, from the product's 肤质 — said plainly when it is not made for that skin.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { Part } from './answer-product.ts';
import { skinsOf } from './pick-products.ts';

const SPOKEN_SKIN: Record<string, string> = { 敏感性: '敏感肌', 干性: '干皮', 油性: '油皮', 混合性: '混合皮', 中性: '中性皮肤' };

export function withSkinSaid(part: Part, state: DialogueState): Part {
  const skin = state.slots.skinType;
  const product = state.slots.focus?.value;
  if (!skin || !product || skin.messageId !== state.newestMessageId || !/能用|可以用|适合|合适|行不行|行吗/u.test(state.newestText)) return part;
  // Said already, or another ask of the message answers the skin.
  if (/肤|肌|皮/u.test(part.text.replace(product.name, '')) || state.intents.some((h) => h.intent === '肤质推荐' || h.intent === '适合谁')) return part;
  const skins = skinsOf(product);
  if (skins.length === 0) return part;
  const said = SPOKEN_SKIN[skin.value] ?? skin.value;
  const fits = skins.includes(skin.value) || skins.includes('全肤质');
  const line = fits ? `${said}也可以用，这款${skins.includes('全肤质') ? '全肤质都适用' : `适合${skins.join('、')}肌肤`}。` : `这款主要适合${skins.join('、')}肌肤，${said}用的话我帮您换一款更合适的。`;
  return { ...part, text: `${part.text.replace(/[。！～]?\s*$/u, '。')}${line}` };
}
