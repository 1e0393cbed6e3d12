/**
 * Is a suggestion on topic for a dev-set line? Yes when one of its drafts serves the line's intent
 * (the script's intent, the FAQ topic's intents, or for model text its detected intent) or says much
 * the same as the acceptable reply (token overlap).
 */
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { tokenize } from '../../src/assist/knowledge/segment.ts';
import { FAQ_TOPIC_INTENTS, detectIntent, topIntent } from '../../src/assist/offline/detect-intent.ts';
import type { Draft } from '../../src/assist/suggestion-schema.ts';

/** Intents the offline engine answers without a script of their own, in the script library's intents. */
const COMPOSED_AS: Record<string, string[]> = { 商品推荐: ['搭配建议', '送礼推荐', '肤质推荐'], 营业时间: ['预约到店'], 门店地址: ['预约到店'], 议价: ['优惠活动', '价格咨询'], 发票: ['促成下单', '售后'], 功效咨询: ['材质咨询', '肤质推荐'] };

export function draftIntents(kb: KnowledgeBase, draft: Pick<Draft, 'source' | 'sourceId' | 'text'>): string[] {
  // A composed draft ("compose:尺码咨询+营业时间") says which intents it was built to answer.
  if (draft.sourceId?.startsWith('compose:')) {
    const intents = draft.sourceId.slice('compose:'.length).split(':')[0]?.split('+') ?? [];
    return intents.flatMap((intent) => [intent, ...(COMPOSED_AS[intent] ?? [])]);
  }
  if (draft.source === 'script' && draft.sourceId) {
    const script = kb.scriptById.get(draft.sourceId);
    if (script) return [script.intent];
  }
  if (draft.source === 'faq' && draft.sourceId) {
    const faq = kb.faqById.get(draft.sourceId);
    if (faq) return FAQ_TOPIC_INTENTS[faq.topic] ?? [];
  }
  const top = topIntent(detectIntent(draft.text));
  return top ? [top.intent] : [];
}

export function overlap(a: string, b: string): number {
  const x = new Set(tokenize(a));
  const y = new Set(tokenize(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const token of x) if (y.has(token)) shared++;
  return (2 * shared) / (x.size + y.size);
}

export function isOnTopic(kb: KnowledgeBase, drafts: readonly Pick<Draft, 'source' | 'sourceId' | 'text'>[], gold: { intent?: string | undefined; reply?: string | undefined }): boolean {
  return drafts.slice(0, 3).some((draft) => {
    if (gold.intent && draftIntents(kb, draft).includes(gold.intent)) return true;
    return gold.reply !== undefined && overlap(draft.text, gold.reply) >= 0.35;
  });
}
