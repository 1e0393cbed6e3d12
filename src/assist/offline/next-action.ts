/** The next best action for the guide, from the dialogue state: an unhappy customer before a sale. */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { Product } from '../knowledge/schemas.ts';
import type { TagProposal } from '../suggestion-schema.ts';
import { nextBestAction } from './summarize.ts';

const COMPLAINT_ACTIONS: Record<string, string> = {
  harm: '先致歉并请顾客停用，请顾客发产品、批号和皮肤照片，登记后按售后流程处理；可邀请到店处理，情况严重时请店长介入',
  quality: '先致歉，请顾客发问题部位和吊牌照片，按质量问题30天包换办理；可邀请到店当场处理',
  wrong_item: '先致歉，请顾客发商品和面单照片，核实后安排换货，并跟进物流',
  package: '先致歉，请顾客拍外箱、面单和商品照片，确认商品是否完好，需要时安排换货并反馈物流',
  delay: '先致歉，要订单号查询物流并告知预计送达时间，异常时主动跟进',
  refund: '先致歉，要订单号核实退款进度（收到退货后1-3个工作日原路退回），有异常请店长跟进',
  service: '先致歉并倾听，记录具体情况，请店长介入并当天给出处理方案',
  general: '先致歉并了解具体情况，请顾客发照片，按售后政策给出处理方式；需要时请店长介入',
};

export function nextActionFor(state: DialogueState, tags: readonly TagProposal[]): string {
  if (state.complaint) return COMPLAINT_ACTIONS[state.complaint.kind] ?? COMPLAINT_ACTIONS.general ?? '';
  const intent = state.intents[0]?.intent;
  const focus: Product[] = state.slots.focus ? [state.slots.focus.value] : [];
  if (intent === '发票') return '确认订单和发票抬头、税号，在小程序代为申请电子发票';
  if (intent === '功效咨询') return '如实说明效果因人而异，不承诺见效时间，可送小样试用';
  if (intent === '议价') return '说明门店统一价和现有活动（满减、会员折扣），帮顾客算最划算的买法';
  if (intent === '营业时间' || intent === '门店地址') return '告知门店营业时间和地址，可约定到店时间并备好款式';
  if ((intent === '商品推荐' || intent === '送礼推荐') && !state.slots.budget) return '确认预算和尺码，再推荐2-3款合适的商品';
  return nextBestAction(intent, tags, focus);
}
