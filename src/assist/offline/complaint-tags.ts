/**
 * Every complaint is tagged: when the keyword rules missed it, the after-sales tag (and for harm,
 * service and wrong-item complaints the complaint tag) is proposed with the customer's own words as evidence;
 * a complaint tag the keyword rules proposed for a fear, a hypothetical, praise or their own doing is dropped.
 */
import type { CustomerProfile } from '../../conversation/model.ts';
import { aboutOwnPurchase } from '../dialogue/about-purchase.ts';
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import { REPLACEMENT } from '../dialogue/complaint-words.ts';
import type { TagProposal } from '../suggestion-schema.ts';
import { existingTagIds } from '../tags/propose-tags.ts';
import type { TagLibrary } from '../tags/tag-library.ts';

const AFTER_SALES = '购买阶段/售后';
const COMPLAINT = '客户状态/投诉';

export function withComplaintTags(tags: TagProposal[], state: DialogueState, library: TagLibrary, profile: CustomerProfile | undefined, guideId: string): TagProposal[] {
  // "我退的那件大衣 钱什么时候能退回来": after-sales about their own purchase, with no complaint in it.
  const afterSales = !state.complaint && ['售后', '换货进度', '退款进度', '洗护', '价保'].includes(state.intents[0]?.intent ?? '') && aboutOwnPurchase(state);
  const complaint = state.complaint ?? (afterSales ? { kind: 'general' as const, messageId: state.newestMessageId ?? '', quote: state.newestSaid.slice(0, 40) } : undefined);
  // "万一开线了咋整", "便宜得离谱": a complaint word with no complaint read is no complaint tag.
  // "皮带扣子坏了 想给他买条新的": an old one worn out, and a new one wanted.
  const replacing = REPLACEMENT.test(state.newestText) && ['商品推荐', '送礼推荐'].includes(state.intents[0]?.intent ?? '');
  const notHad = replacing || /万一|要是|如果|怕|担心|会不会|以为|到时候|以后|得离谱|到哭|怪我自己|手滑|没看洗标/u.test(state.newestText);
  if (!complaint) return notHad && !state.intents.some((h) => h.intent === '投诉安抚') ? tags.filter((t) => t.tag !== COMPLAINT) : tags;
  const existing = existingTagIds(profile, guideId);
  const wanted = afterSales ? [AFTER_SALES] : complaint.kind === 'harm' || complaint.kind === 'service' || complaint.kind === 'wrong_item' ? [AFTER_SALES, COMPLAINT] : [AFTER_SALES];
  const out = [...tags];
  for (const key of wanted) {
    const tag = library.byKey.get(key);
    if (!tag || existing.has(tag.id) || out.some((t) => t.tag === key)) continue;
    // A single-choice group keeps one tag: 售后 replaces 浏览/比较 for a customer with a problem.
    const group = library.groups.find((g) => g.tags.some((t) => t.key === key));
    if (group && !group.multi) for (let i = out.length - 1; i >= 0; i--) if (group.tags.some((t) => t.key === out[i]?.tag)) out.splice(i, 1);
    out.push({ tag: key, tagId: tag.id, evidence: complaint.quote, messageId: complaint.messageId, confidence: 0.8 });
  }
  return out;
}
