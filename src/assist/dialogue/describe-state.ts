/**
 * The dialogue state in words (the customer card's summary line) and as plain data (the LLM prompt and
 * the stored suggestion), each slot with the id of the message it came from.
 */
import { formatPrice } from '../offline/fill-template.ts';
import type { Budget, DialogueState } from './dialogue-state.ts';

export function describeBudget(budget: Budget): string {
  const p = formatPrice;
  switch (budget.kind) {
    case 'max':
      return `${p(budget.hi)}以内`;
    case 'min':
      return `${p(budget.lo)}以上`;
    case 'around':
      return `${p(budget.lo)}左右`;
    default:
      return `${p(budget.lo)}-${p(budget.hi)}`;
  }
}

const COMPLAINT_LABEL: Record<string, string> = { harm: '使用后不适', quality: '质量问题', wrong_item: '发错货', package: '包裹破损', service: '服务投诉', delay: '物流延误', refund: '退款未到账', general: '投诉' };

export function describeState(state: DialogueState): string {
  const { slots } = state;
  const parts: string[] = [];
  const intents = state.intents.map((h) => h.intent).join('+');
  parts.push(state.complaint ? `售后·${COMPLAINT_LABEL[state.complaint.kind] ?? '投诉'}` : intents || '咨询');
  const need = [slots.category?.value.word, slots.occasion?.value].filter(Boolean).join('·');
  if (need) parts.push(need);
  if (slots.budget) parts.push(`预算${describeBudget(slots.budget.value)}`);
  if (slots.size) parts.push(slots.size.value === '均码' ? '均码' : `${slots.size.value}码`);
  else if (slots.body) parts.push([slots.body.value.heightCm && `${slots.body.value.heightCm}cm`, slots.body.value.weightJin && `${slots.body.value.weightJin}斤`].filter(Boolean).join('/'));
  if (slots.colour) parts.push(slots.colour.value);
  if (slots.skinType) parts.push(`${slots.skinType.value}肌肤`);
  if (slots.recipient) parts.push(`送${slots.recipient.value.who}`);
  if (slots.focus) parts.push(`在看：${slots.focus.value.name}`);
  const said = state.newestSaid.replace(/\s+/gu, ' ').trim();
  const quote = said.length > 24 ? `${said.slice(0, 24)}…` : said;
  return quote ? `${parts.join('｜')}：顾客说“${quote}”` : parts.join('｜');
}

export interface StateData {
  newestMessageId?: string;
  intents: string[];
  complaint?: { kind: string; quote: string; messageId: string };
  slots: Record<string, { value: string; messageId: string; quote: string }>;
  relationship: { isNew: boolean; returning: boolean; purchases: string[] };
}

export function stateData(state: DialogueState): StateData {
  const slots: StateData['slots'] = {};
  const put = (key: string, slot: { messageId: string; quote: string } | undefined, value: string | undefined): void => {
    if (slot && value) slots[key] = { value, messageId: slot.messageId, quote: slot.quote };
  };
  const s = state.slots;
  put('category', s.category, s.category && [s.category.value.category, ...s.category.value.subcategories].join('/'));
  put('budget', s.budget, s.budget && describeBudget(s.budget.value));
  put('size', s.size, s.size?.value);
  put('body', s.body, s.body && JSON.stringify(s.body.value));
  put('colour', s.colour, s.colour?.value);
  put('skinType', s.skinType, s.skinType?.value);
  put('skinTone', s.skinTone, s.skinTone && { fair: '偏白', yellow: '偏黄', deep: '偏深' }[s.skinTone.value]);
  put('occasion', s.occasion, s.occasion?.value);
  put('recipient', s.recipient, s.recipient && `${s.recipient.value.who}${s.recipient.value.gender ? `(${s.recipient.value.gender === 'male' ? '男' : '女'})` : ''}`);
  put('colourChoice', s.colourChoice, s.colourChoice?.value.join('/'));
  put('colourWish', s.colourWish, s.colourWish && [s.colourWish.value.avoid.length > 0 ? `不要${s.colourWish.value.avoid.join('/')}` : '', s.colourWish.value.depth === 'deep' ? '深一点' : s.colourWish.value.depth === 'light' ? '浅一点' : '', s.colourWish.value.another ? '换个颜色' : ''].filter(Boolean).join('，'));
  put('shownProducts', s.shown, s.shown?.value.map((p) => `${p.name} ${p.sku}`).join('; '));
  put('focusProduct', s.focus, s.focus && `${s.focus.value.name} ${s.focus.value.sku}`);
  return {
    ...(state.newestMessageId ? { newestMessageId: state.newestMessageId } : {}),
    intents: state.intents.map((h) => h.intent),
    ...(state.complaint ? { complaint: { kind: state.complaint.kind, quote: state.complaint.quote, messageId: state.complaint.messageId } } : {}),
    slots,
    relationship: { isNew: state.relationship.isNew, returning: state.relationship.returning, purchases: state.relationship.purchases.map((p) => p.sku) },
  };
}
