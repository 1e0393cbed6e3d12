/**
 * Getting the piece to the customer: an order or a hold for the one in view ("帮我拿一条", "帮我留一件"),
 * the same again in the colour and size said ("我再要一双焦糖色的 还是37"), and a transfer between stores.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { saidNow } from '../dialogue/said-now.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { answerFromFaq } from './answer-policy.ts';
import { priceTag } from './describe-product.ts';
import { colours, hasColour, hasSize, sizesOf } from './pick-products.ts';

export function answerOrder(state: DialogueState): Part | undefined {
  const product = state.slots.focus?.value;
  if (!product) return undefined;
  const size = state.slots.size?.value;
  const colour = state.slots.colour?.value ?? '';
  // "帮我留一件 周六去拿": a hold for pick-up in store, within the store's 48 hours.
  if (/留|去拿|过来拿|到店拿|自提|去店里/u.test(state.newestText)) {
    return { text: `好的，${product.name}${colour}${size ? `${size}码` : ''}我先帮您留着，门店可以预留48小时，您到店直接找我就行～`, products: [product] };
  }
  return { text: `好的，${product.name}${size ? `${size}码` : ''}我这就给您发小程序订单链接，您确认款式、尺码和金额后付款就可以～`, products: [product] };
}

export function answerReorder(state: DialogueState): Part {
  const focus = state.slots.focus;
  const bought = state.relationship.purchases[0] ?? focus?.value;
  // "我再要一双焦糖色的 还是37": the colour and size said with it, checked against the product.
  const colour = saidNow(state, 'colour');
  const size = saidNow(state, 'size');
  const spec = bought ? `${colour && hasColour(bought, colour) ? colour : ''}${size && hasSize(bought, size) ? `${size}码` : ''}` : '';
  const missing = bought ? [colour && !hasColour(bought, colour) ? colour : '', size && !hasSize(bought, size) ? `${size}码` : ''].filter(Boolean).join('、') : '';
  if (bought && missing) return { text: `${bought.name}（${priceTag(bought)}）没有${missing}，这款是${colour && !hasColour(bought, colour) ? colours(bought).join('、') : `${sizesOf(bought).join('/')}码`}，您看换个${colour && !hasColour(bought, colour) ? '颜色' : '码'}可以吗？`, products: [bought] };
  return bought
    ? { text: `好的～还是${bought.name}${spec}（${priceTag(bought)}）对吧？我这就给您发小程序订单链接，您确认后付款就可以。`, products: [bought] }
    : { text: `好的～上次您买的是哪一款${state.slots.category?.value.word ?? ''}呢？发我名字或者拍一下瓶身，我这就帮您下单。`, products: [] };
}

export function answerTransfer(kb: KnowledgeBase, state: DialogueState, text: string): Part | undefined {
  const focus = state.slots.focus;
  const transfer = answerFromFaq(kb, '调货', `${text} 门店没有我的尺码 可以从别的店调吗`);
  // "卡其XS 湖滨店要是没有 能从上海调过来吗": the piece asked for, then how it gets there.
  const piece = focus?.value;
  // "能调过来吗 要几天" after the guide found it in the other store: that piece, in the size in play.
  if (transfer && piece && !saidNow(state, 'size') && !saidNow(state, 'colour')) {
    const held = state.slots.size?.value;
    return { ...transfer, text: `可以的，${piece.name}${held && hasSize(piece, held) ? `${held}码` : ''}我帮您从另一家店调过来。${transfer.text.replace(/^可以[。，]?/u, '')}`, products: [piece] };
  }
  const size = saidNow(state, 'size');
  const colour = saidNow(state, 'colour');
  if (!transfer || !piece || (!size && !colour)) return transfer;
  const has = (!size || hasSize(piece, size)) && (!colour || hasColour(piece, colour));
  const head = has ? `${piece.name}${colour ?? ''}${size ? `${size}码` : ''}有的，我先帮您查一下门店现货。` : `${piece.name}没有${colour ?? ''}${size ? `${size}码` : ''}，`;
  return has ? { ...transfer, text: `${head}${transfer.text.replace(/^可以[。，]?/u, '门店没有的话')}`, products: [piece] } : { text: `${head}这款是${sizesOf(piece).join('/')}码，调货也调不到，我帮您看看有没有类似的款～`, products: [piece] };
}
