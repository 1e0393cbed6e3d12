/**
 * The top draft: one answer part per intent of the newest message, in the state's order (the newest
 * question first), joined into one reply. A complaint replaces everything with the apology and the
 * policy path. Returns the parts so the engine can offer the pieces as alternatives too.
 */
import type { CustomerProfile } from '../../conversation/model.ts';
import type { DialogueState, IntentHit } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { answerComplaint } from './answer-complaint.ts';
import { answerFarewell, answerGreeting } from './answer-greeting.ts';
import type { Names } from './answer-greeting.ts';
import { answerFromFaq, answerOffers } from './answer-policy.ts';
import { answerEfficacy, answerMaterial, answerPrice, answerSize, answerStock } from './answer-product.ts';
import type { Part } from './answer-product.ts';
import { answerRecommend } from './answer-recommend.ts';

export interface ComposeInput {
  kb: KnowledgeBase;
  state: DialogueState;
  profile?: CustomerProfile | undefined;
  names: Names;
}

const RECOMMENDING = new Set(['搭配建议', '送礼推荐', '肤质推荐', '商品推荐']);
const FAQ_INTENTS = new Set(['售后', '物流', '会员积分', '发票', '营业时间', '门店地址', '预约到店']);

function orderPart(input: ComposeInput): Part | undefined {
  const product = input.state.slots.focus?.value;
  if (!product) return undefined;
  const size = input.state.slots.size?.value;
  return { text: `好的，${product.name}${size ? `${size}码` : ''}我这就给您发小程序订单链接，您确认款式、尺码和金额后付款就可以～`, products: [product] };
}

export function answerIntent(input: ComposeInput, hit: IntentHit): Part | undefined {
  const { kb, state, profile, names } = input;
  const male = profile?.gender === 1;
  const focus = state.slots.focus;
  const text = hit.clause || state.newestText;
  switch (hit.intent) {
    case '问候':
      return answerGreeting(state, names);
    case '告别':
      return answerFarewell(names);
    case '尺码咨询':
      return focus || !state.slots.category ? answerSize(state, male, kb) : answerRecommend(kb, state, profile);
    case '价格咨询':
      return answerPrice(state, kb) ?? answerRecommend(kb, state, profile);
    case '库存咨询':
      return answerStock(state) ?? (state.slots.category ? answerRecommend(kb, state, profile) : answerFromFaq(kb, hit.intent, text));
    case '材质咨询':
      return /洗|保养|打理|熨/u.test(text) ? (answerFromFaq(kb, hit.intent, text) ?? answerMaterial(state)) : (answerMaterial(state) ?? answerFromFaq(kb, hit.intent, text));
    case '功效咨询':
      return answerEfficacy(state);
    case '优惠活动':
      return answerOffers(kb, state, false);
    case '议价':
      return answerOffers(kb, state, true);
    case '促成下单':
      return orderPart(input) ?? answerFromFaq(kb, hit.intent, text);
    case '投诉安抚':
      return answerComplaint(kb, state, state.complaint ?? { kind: 'general', messageId: state.newestMessageId ?? '', quote: text })[0];
    default:
      if (RECOMMENDING.has(hit.intent)) return answerRecommend(kb, state, profile);
      if (FAQ_INTENTS.has(hit.intent)) return answerFromFaq(kb, hit.intent, text, 0, names.store);
      return undefined;
  }
}

function join(parts: readonly Part[]): Part | undefined {
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  const text = parts.map((p, i) => (i === 0 ? p.text : `另外，${p.text.replace(/^好的[，,]/u, '')}`)).join('');
  const approved = parts.flatMap((p) => (p.approvedText ? [p.approvedText] : [])).join('\n');
  return { text, products: [...new Map(parts.flatMap((p) => p.products).map((p) => [p.sku, p])).values()], ...(approved ? { approvedText: approved } : {}) };
}

/** The top draft, then alternatives made from the same state. */
export function composeAnswer(input: ComposeInput): Part[] {
  const { state } = input;
  if (state.complaint) return answerComplaint(input.kb, state, state.complaint);
  const parts: Part[] = [];
  for (const hit of state.intents.slice(0, 3)) {
    const part = answerIntent(input, hit);
    if (part && !parts.some((p) => p.text === part.text)) parts.push(part);
  }
  const top = join(parts);
  if (!top) return [];
  // A first reply to a brand-new contact opens with a welcome; any first reply opens politely.
  if (!state.relationship.guideHasSpoken && !state.intents.some((h) => h.intent === '问候')) {
    top.text = `${state.relationship.isNew ? '您好，很高兴加上您！' : '您好，'}${top.text}`;
  }
  return [top, ...(parts.length > 1 ? parts : [])];
}
