/** The FAQ answer for an ask, searched within the topics that answer it so a word in common is not enough. */
import type { KnowledgeBase } from '../knowledge/build-knowledge-base.ts';
import { toQuery } from '../knowledge/bm25-index.ts';
import type { Faq } from '../knowledge/schemas.ts';
import { tokenize } from '../knowledge/segment.ts';

export const INTENT_TOPICS: Record<string, Faq['topic'][]> = {
  售后: ['退换货', '维修', '保养'],
  投诉安抚: ['退换货', '配送', '维修'],
  物流: ['配送'],
  会员积分: ['会员', '积分'],
  优惠活动: ['会员'],
  议价: ['会员'],
  发票: ['支付'],
  私人转账: ['支付'],
  促成下单: ['支付', '门店'],
  营业时间: ['门店'],
  门店地址: ['门店'],
  预约到店: ['门店'],
  库存咨询: ['门店', '配送'],
  材质咨询: ['保养'],
};

/** Words that name the ask in the FAQ's own terms, for short questions ("店在哪") that share few words with it. */
const HINTS: Record<string, string> = { 营业时间: '门店 几点 营业', 门店地址: '门店 在哪里 地址', 发票: '开发票 发票', 物流: '快递', 会员积分: '会员 积分' };

export function findFaqs(kb: KnowledgeBase, intent: string, text: string, n = 2): Faq[] {
  const topics = INTENT_TOPICS[intent];
  if (!topics) return [];
  const query = toQuery(tokenize(text));
  const hint = HINTS[intent];
  if (hint) toQuery(tokenize(hint), 1.5, query);
  return kb.faqIndex
    .search(query, 40)
    .map((hit) => kb.faqs[hit.doc])
    .filter((faq): faq is Faq => faq !== undefined && topics.includes(faq.topic))
    .slice(0, n);
}
