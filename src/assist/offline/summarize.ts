/**
 * One line for the guide: what the customer wants, about which product, with the tags that matter,
 * and the next best action.
 */
import type { Product } from '../knowledge/schemas.ts';
import type { TagProposal } from '../suggestion-schema.ts';

const SUMMARY_GROUPS = ['意向品类', '预算', '尺码', '肤质', '场合', '购买阶段', '客户状态'];

function snippet(text: string, max = 24): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function summarize(intent: string | undefined, lastCustomerText: string | undefined, focus: readonly Product[], tags: readonly TagProposal[]): string {
  const parts: string[] = [];
  parts.push(intent ?? '咨询');
  if (focus[0]) parts.push(focus[0].name);
  const tagNames = [...tags]
    .sort((a, b) => SUMMARY_GROUPS.indexOf(a.tag.slice(0, a.tag.indexOf('/'))) - SUMMARY_GROUPS.indexOf(b.tag.slice(0, b.tag.indexOf('/'))))
    .map((t) => t.tag.slice(t.tag.indexOf('/') + 1))
    .slice(0, 4);
  if (tagNames.length > 0) parts.push(tagNames.join('、'));
  const head = parts.join('｜');
  return lastCustomerText ? `${head}：顾客说“${snippet(lastCustomerText)}”` : head;
}

const has = (tags: readonly TagProposal[], name: string): boolean => tags.some((t) => t.tag.endsWith(`/${name}`));

/** The next best action, most urgent first: an unhappy customer before a sale. */
export function nextBestAction(intent: string | undefined, tags: readonly TagProposal[], focus: readonly Product[]): string {
  if (has(tags, '投诉') || intent === '投诉安抚') return '先真诚致歉并安抚情绪，记录问题和照片，当天给出处理方案；需要时请店长介入';
  if (has(tags, '负面情绪')) return '先回应顾客的情绪，再说明处理办法，避免急于推荐商品';
  if (intent === '售后' || has(tags, '售后')) return '核实订单和问题照片，按退换货或维修政策给出办理方式和时效';
  if (has(tags, '准备购买') || has(tags, '高意向') || intent === '促成下单') return '确认款式、颜色、尺码和金额后发送商品链接或小程序订单，促成下单';
  if (intent === '物流') return '查询订单物流并告知预计送达时间，异常时主动跟进';
  if (intent === '尺码咨询') return '询问身高体重和平时尺码，对照尺码表推荐，并提醒可七天无理由退换';
  if (has(tags, '比较')) return '对比两款的差异和适合场景，给出明确建议，可邀请到店试穿';
  if (has(tags, '送礼') || intent === '送礼推荐') return '了解送礼对象、场合和预算，推荐2-3款礼盒并提供免费礼盒包装';
  if (intent === '肤质推荐' || tags.some((t) => t.tag.startsWith('肤质/'))) return '确认肤质和诉求后推荐对应系列，可先送小样试用';
  if (intent === '预约到店') return '约定到店时间，提前备好款式尺码并预留试衣间';
  if (intent === '告别') return '礼貌收尾，约定后续跟进时间';
  if (focus[0]) return `介绍${focus[0].name}的卖点并询问尺码或颜色偏好`;
  return '了解需求（品类、场合、预算、尺码），推荐2-3款合适的商品';
}
