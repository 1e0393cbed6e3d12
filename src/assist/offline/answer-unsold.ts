/** "你们家有洗发水吗": the kind the store does not carry said plainly, with what it does carry. */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { describeBudget } from '../dialogue/describe-state.ts';
import { categoriesSold } from '../dialogue/read-unsold.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { speakOfRecipient } from './speak-of-recipient.ts';

export function answerUnsold(kb: KnowledgeBase, state: DialogueState): Part | undefined {
  const unsold = state.slots.unsold;
  if (!unsold) return undefined;
  // "想送老师一支钢笔 五百左右": the gift or the budget can still be met with something else.
  const who = state.slots.recipient ? `送${speakOfRecipient(state.slots.recipient.value)}` : '';
  const within = state.slots.budget ? `在${describeBudget(state.slots.budget.value)}的预算里` : '';
  const offer = who || within ? `如果想${who}别的，我可以${within}帮您挑几样～` : '您要是想看这些，我随时帮您挑～';
  return { text: `不好意思，我们家暂时没有${unsold.value}，主要是${categoriesSold(kb).join('、')}。${offer}`, products: [] };
}
