/**
 * The dialogue state: what the customer wants right now and what they have told us, each fact with the
 * message it came from. A pure function of the conversation and the profile (buildDialogueState), so it
 * can be recomputed every turn, stored with the suggestion and handed to either engine as data.
 */
import type { Product } from '../knowledge/schemas.ts';
import type { SkinTone } from './read-skin-tone.ts';

/** A fact the customer stated, with where it was said. A later statement replaces an earlier one. */
export interface Slot<T> {
  value: T;
  messageId: string;
  /** The words it was read from, verbatim. */
  quote: string;
}

export interface CategoryNeed {
  /** The word the customer used ("外套", "裤子", "面霜"). */
  word: string;
  category: Product['category'];
  /** Catalog subcategories the word covers (empty: the whole category). */
  subcategories: string[];
  /** A product-name fragment the word requires ("牛仔裤" → 牛仔, "西装裤" → 西装裤), or alternatives joined by | ("项链|锁骨链|吊坠"). */
  nameIncludes?: string;
}

export type BudgetKind = 'max' | 'around' | 'range' | 'min';

export interface Budget {
  kind: BudgetKind;
  lo: number;
  hi: number;
}

export interface ColourWish {
  /** Colours turned down, as catalog colour words (黑色, 驼色). */
  avoid: string[];
  /** "深一点的" / "浅色点". */
  depth?: 'deep' | 'light';
  /** "换个颜色": another of the colours of the product in view. */
  another: boolean;
}

export interface Recipient {
  /** As said: 妈妈, 老公, 闺蜜. */
  who: string;
  gender: 'female' | 'male' | undefined;
  /** An older recipient (parents, in-laws) changes what fits. */
  older: boolean;
  /** A present (送, 礼物), rather than something bought for them to wear. */
  gift?: boolean;
}

export interface Slots {
  category?: Slot<CategoryNeed>;
  budget?: Slot<Budget>;
  /** Letter size (S, M, XL), shoe size ("37") or 均码. */
  size?: Slot<string>;
  /** Height (cm) and weight (斤) when given instead of a size. */
  body?: Slot<{ heightCm?: number; weightJin?: number }>;
  colour?: Slot<string>;
  /** Colours the customer is choosing between ("黑色和驼色哪个好看"), for a "选哪个" that follows. */
  colourChoice?: Slot<string[]>;
  /** Colours turned down ("别黑色了") and the depth wanted ("浅色点"). */
  colourWish?: Slot<ColourWish>;
  skinType?: Slot<string>;
  occasion?: Slot<string>;
  recipient?: Slot<Recipient>;
  /** A material the customer asks for ("羊绒的", "真丝的"), matched on the product's name and 材质. */
  material?: Slot<string>;
  /** A kind the store does not carry ("洗发水", "钢笔"), asked for in the newest message. */
  unsold?: Slot<string>;
  /** For a child: the catalog's clothes and shoes are adults'. */
  child?: Slot<true>;
  /** "当时刻了字母的": the piece bought was engraved or embossed, so made to order. */
  personalised?: Slot<true>;
  /** "我比较白", "偏黄 也不算白": how light or deep the skin is, which a foundation's shade follows. */
  skinTone?: Slot<SkinTone>;
  /** A feature not wanted ("不喜欢那种自动扣的"): products named for it come last. */
  avoid?: Slot<string>;
  /** Who will wear it, when the customer says ("男士的", "女款"). */
  gender?: Slot<'female' | 'male'>;
  /** The products the guide's last message named, when it named several: the options on the table. */
  shown?: Slot<Product[]>;
  /** The product being talked about: named last, or the one the guide recommended last. */
  focus?: Slot<Product>;
  /** The customer's own words from the message that named the kind on ("脚背高", "肩宽", "怕冷"): a product whose description answers them says so. */
  wishes?: Slot<string>;
  /** "阔腿的呢", "换个别的", "便宜点的": another of the focus product's kind (not the ones named), carrying these words. */
  variant?: Slot<{ words: string[]; besides: string[] }>;
}

/** One thing the newest customer message asks or says, in the script library's intent names. */
export interface IntentHit {
  intent: string;
  /** The clause of the newest message it came from. */
  clause: string;
  /** A question (asks something) rather than a statement (gives information). */
  question: boolean;
  score: number;
}

export interface Complaint {
  /** harm: skin reaction or injury; quality: defect; wrong_item: 发错/少发; service: attitude; delay: logistics; refund: a refund not arrived. */
  kind: 'harm' | 'quality' | 'wrong_item' | 'package' | 'service' | 'delay' | 'refund' | 'general';
  messageId: string;
  quote: string;
  /** The problem's own name (起球, 开线) when the customer used one, an apology may echo it; 改衣 for an alteration running late. */
  problem?: string;
  /** Raised before the guide's last message and carried on in the newest one. */
  ongoing?: boolean;
}

export interface Relationship {
  /** Added within the last day: a welcome fits. */
  isNew: boolean;
  /** Back after a long silence (≥ 14 days): 好久不见 fits. */
  returning: boolean;
  /** Products the customer is known to have bought (profile facts or said in the chat). */
  purchases: Product[];
  /** The guide has written in this conversation before. */
  guideHasSpoken: boolean;
  /** Days since the purchase talked about was bought, when said or on record (30 days: exchange or repair). */
  boughtDaysAgo?: number;
}

export interface DialogueState {
  /** The newest customer message (what the top draft answers). */
  newestMessageId: string | undefined;
  newestText: string;
  /** The newest customer message as written (newestText is it read in Mandarin). */
  newestSaid: string;
  /** The newest message's intents in the order asked (earlier unanswered messages only when it asks nothing). */
  intents: IntentHit[];
  slots: Slots;
  complaint?: Complaint;
  relationship: Relationship;
}

