/**
 * Zod schemas for the knowledge files an operations admin edits (config/<tenant>/*.yaml).
 * Every file is validated on load so a typo is reported with its path instead of surfacing as a bad draft.
 */
import { z } from 'zod';

/** A tag written "组/标签" (group name / tag name). */
export const tagKeySchema = z.string().regex(/^[^/]+\/.+$/, 'a tag is written "组/标签"');

/** Built-in extractors a tag can opt into besides its keywords (see src/assist/tags/extractors.ts). */
export const extractorNameSchema = z.enum(['negative-sentiment', 'positive-sentiment', 'complaint']);
export type ExtractorName = z.infer<typeof extractorNameSchema>;

function compiles(pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u').source.length > 0;
  } catch {
    return false;
  }
}
const regexSchema = z.string().min(1).refine(compiles, 'not a valid regular expression');

export const tagRuleSchema = z.object({
  keywords: z.array(z.string().min(1)).default([]),
  synonyms: z.array(z.string().min(1)).default([]),
  regexes: z.array(regexSchema).default([]),
  /** Phrases that veto the tag when they cover a keyword hit (e.g. "不是送人" for 送礼). */
  negative: z.array(z.string().min(1)).default([]),
  extractor: extractorNameSchema.optional(),
  /**
   * The group's default: proposed at low confidence when the customer talked about something the
   * library knows (another tag matched) but nothing in this single-choice group did (购买阶段/浏览).
   */
  fallback: z.boolean().optional(),
});
export type TagRule = z.infer<typeof tagRuleSchema>;

export const tagRulesFileSchema = z.object({
  rules: z.record(tagKeySchema, tagRuleSchema).default({}),
});
export type TagRulesFile = z.infer<typeof tagRulesFileSchema>;

/**
 * The corp tag library as get_corp_tag_list returns it (tags.yaml). An eval library may carry the rule
 * fields inline on each tag, so one file can describe both.
 */
export const corpTagSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  keywords: z.array(z.string().min(1)).optional(),
  synonyms: z.array(z.string().min(1)).optional(),
  regexes: z.array(regexSchema).optional(),
  negative: z.array(z.string().min(1)).optional(),
  extractor: extractorNameSchema.optional(),
  fallback: z.boolean().optional(),
});
export const corpTagGroupSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  multi: z.boolean().default(true),
  order: z.number().default(0),
  tags: z.array(corpTagSchema),
});
export const corpTagLibrarySchema = z.object({ groups: z.array(corpTagGroupSchema) });
export type CorpTagLibrary = z.infer<typeof corpTagLibrarySchema>;
export type CorpTagLibraryInput = z.input<typeof corpTagLibrarySchema>;

export const productCategorySchema = z.enum(['服装', '美妆', '鞋履', '配饰']);
export const productSchema = z.object({
  sku: z.string().min(1),
  name: z.string().min(1),
  category: productCategorySchema,
  subcategory: z.string().default(''),
  brand: z.string().default(''),
  price: z.number().nonnegative(),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  description: z.string().default(''),
  tags: z.array(tagKeySchema).optional(),
  image: z.string().optional(),
});
export type Product = z.infer<typeof productSchema>;
export const catalogFileSchema = z.object({ products: z.array(productSchema) });

export const faqTopicSchema = z.enum(['退换货', '配送', '会员', '积分', '维修', '支付', '门店', '保养']);
export const faqSchema = z.object({
  id: z.string().min(1),
  topic: faqTopicSchema,
  question: z.string().min(1),
  answer: z.string().min(1),
  keywords: z.array(z.string()).optional(),
});
export type Faq = z.infer<typeof faqSchema>;
export const faqFileSchema = z.object({ faqs: z.array(faqSchema) });

export const scriptSchema = z.object({
  id: z.string().min(1),
  intent: z.string().min(1),
  text: z.string().min(1),
  tags: z.array(tagKeySchema).optional(),
  /** The stores whose guides may use it (absent: company-wide). */
  stores: z.array(z.string().min(1)).min(1).optional(),
  /**
   * A reply a manager promoted (scripts.learned.yaml): not curated policy text, so its offers and promises
   * are checked in every draft like anyone's words. The loader sets it for that file, whatever it says.
   */
  learned: z.boolean().optional(),
});
export type Script = z.infer<typeof scriptSchema>;
export const scriptsFileSchema = z.object({ scripts: z.array(scriptSchema) });

export const severitySchema = z.enum(['info', 'warn', 'block']);
export type Severity = z.infer<typeof severitySchema>;

export const policySchema = z.object({
  store: z.object({
    name: z.string().min(1),
    role: z.string().default('门店导购'),
    brandVoice: z.string().default(''),
  }),
  /** "X折" offers the store stands behind, e.g. 会员95折 → rate 0.95. */
  discounts: z.array(z.object({ id: z.string(), label: z.string(), rate: z.number().gt(0).lt(1) })).default([]),
  /** 满减: spend `threshold`, take `off` off. */
  reductions: z.array(z.object({ id: z.string(), label: z.string(), threshold: z.number().positive(), off: z.number().positive() })).default([]),
  /** Other promotions allowed verbatim (生日月双倍积分 ...): any of the phrases may appear in a draft. */
  promotions: z.array(z.object({ id: z.string(), label: z.string(), phrases: z.array(z.string().min(1)).default([]) })).default([]),
  /** Service promises the store keeps (七天无理由退换 ...): a refund/compensation phrase inside one of these is fine. */
  promises: z.array(z.object({ id: z.string(), label: z.string(), phrases: z.array(z.string().min(1)).default([]) })).default([]),
  /** Amounts (CNY) that may appear in any draft besides catalog prices: shipping fees, gift card values. */
  amounts: z.array(z.number().nonnegative()).default([]),
  approval: z.object({ severity: severitySchema.default('block') }).default({ severity: 'block' }),
});
export type Policy = z.infer<typeof policySchema>;

const termListSchema = z.object({
  severity: severitySchema,
  reason: z.string().min(1),
  terms: z.array(z.string().min(1)).default([]),
  exceptions: z.array(z.string().min(1)).default([]),
});
export const guardrailsSchema = z.object({
  absolute: termListSchema,
  efficacy: termListSchema,
  competitors: termListSchema,
  promises: z.object({ severity: severitySchema, reason: z.string().min(1), patterns: z.array(regexSchema).default([]) }),
  prices: z.object({ severity: severitySchema, reason: z.string().min(1) }),
  discounts: z.object({ severity: severitySchema, reason: z.string().min(1) }),
  pii: z.object({ severity: severitySchema, reason: z.string().min(1) }),
  /** Links and contact handles (URLs, e-mail, 微信号, QQ); `allow` lists hosts or handles that may appear. */
  contacts: z
    .object({ severity: severitySchema, reason: z.string().min(1), allow: z.array(z.string().min(1)).default([]) })
    .default({ severity: 'block', reason: '含链接或私人联系方式（网址、微信号、QQ 等），不能发给顾客', allow: [] }),
  rules: z
    .array(z.object({ id: z.string().min(1), pattern: regexSchema, reason: z.string().min(1), severity: severitySchema }))
    .default([]),
});
export type GuardrailsConfig = z.infer<typeof guardrailsSchema>;
