/**
 * Asks with one right answer a guide gives in their own words: the customer's apology, a visit planned as
 * the chat closes, an invoice for more than was paid, points moved to someone else, a hold on an item, how
 * long a pickup waits. Store facts come from the FAQ; nothing here promises what the policy does not.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import type { Part } from './answer-product.ts';
import { answerFromFaq } from './answer-policy.ts';

const WHEN = /明天|后天|周末|周[一二三四五六日天]|今晚|下午|晚上/u;

export function answerMoment(kb: KnowledgeBase, state: DialogueState, intent: string): Part | undefined {
  const text = state.newestText;
  const focus = state.slots.focus?.value;
  switch (intent) {
    case '道歉':
      return { text: '没关系没关系～完全理解，谁都有心情不好的时候，您别放在心上。有什么需要随时找我就好～', products: [] };
    case '到店告别': {
      const when = WHEN.exec(text)?.[0];
      return { text: `好的～${when ? `${when}` : '到时候'}等您，到了直接找我就行，想试的款我先帮您准备好，路上慢点～`, products: [] };
    }
    case '虚开发票':
      return { text: '这个真的没办法哦，发票只能按实际付款金额如实开具，多开金额我们这边开不了，也是为了您报销合规～实付多少我就帮您开多少，抬头和税号发我就行。', products: [] };
    case '积分转赠': {
      const faq = answerFromFaq(kb, '会员积分', '积分 转赠 兑换现金', 0, undefined, '积分不能兑换现金 转赠');
      return { text: '不好意思，会员积分不能转赠他人，也不能合并到别的账户，只能本人账户消费时抵扣～您妈妈的积分可以她自己来买的时候用，或者您陪她来店里一起挑。', products: [], ...(faq ? { approvedText: faq.approvedText ?? faq.text, faqId: faq.faqId } : {}) };
    }
    case '留货': {
      const faq = answerFromFaq(kb, '预约到店', '预留 48小时 留货 放回货架', 0, undefined, '预留48小时');
      const what = focus ? `${focus.name}${state.slots.size ? `${state.slots.size.value}码` : ''}` : '您要的那件';
      return faq && { ...faq, text: `好的～${what}我先帮您留着：${faq.text.replace(/^可以[，。]?/u, '')}如果超过48小时才能来，您提前跟我说，我再帮您想办法。`, products: focus ? [focus] : [] };
    }
    case '自提时限':
      return { text: '到店后商品会在门店帮您保留7天，这周没空的话不着急，7天内任何时候来拿都可以，到店报手机号后四位就行～', products: [] };
    default:
      return undefined;
  }
}
