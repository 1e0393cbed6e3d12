/**
 * The dialogue dev-set line (tests/eval/dev.dialogue.jsonl, holdout.dialogue.jsonl): the suggest line
 * ({context, tags, reply, intent}) plus who the customer is and what a store guide expects of the reply.
 * Every new field is optional, so a plain suggest line is a dialogue line without expectations.
 */
import { z } from 'zod';

const budgetSchema = z.union([
  z.object({ around: z.number().positive() }).strict(),
  z.object({ min: z.number().nonnegative().optional(), max: z.number().positive().optional() }).strict().refine((b) => b.min !== undefined || b.max !== undefined, 'a budget needs around, min or max'),
]);
export type Budget = z.infer<typeof budgetSchema>;

export const productExpectSchema = z
  .object({
    category: z.string().min(1).optional(),
    /** One of these subcategories. */
    subcategory: z.array(z.string().min(1)).min(1).optional(),
    budget: budgetSchema.optional(),
    /** A clothing size (尺码) or a shoe size (鞋码). */
    size: z.string().min(1).optional(),
    colour: z.string().min(1).optional(),
    /** A skin type as the catalog's 肤质 writes it (干性, 油性, 混合性, 敏感性, 中性). */
    skin: z.string().min(1).optional(),
    /** Who will wear or use it (the customer or the recipient). */
    gender: z.enum(['female', 'male']).optional(),
  })
  .strict();
export type ProductExpect = z.infer<typeof productExpectSchema>;

export const expectSchema = z
  .object({
    /** Term groups the top draft must contain one of each, in this order. */
    answers: z.array(z.array(z.string().min(1)).min(1)).min(1).optional(),
    product: productExpectSchema.optional(),
    /** No catalog product meets the request: the honest answer says so. */
    nothingFits: z.boolean().optional(),
    complaint: z.boolean().optional(),
    /** The top draft should name no product (a logistics question, a risky ask ...). */
    noProduct: z.boolean().optional(),
    mustNot: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Expect = z.infer<typeof expectSchema>;

export const customerSchema = z
  .object({
    name: z.string().min(1).optional(),
    gender: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    addedMinutesAgo: z.number().nonnegative().optional(),
    daysSinceLastChat: z.number().nonnegative().optional(),
    purchases: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type EvalCustomer = z.infer<typeof customerSchema>;

export const dialogueLineSchema = z.object({
  id: z.string().min(1).optional(),
  context: z.array(z.string()).min(1),
  tags: z.array(z.string()).optional(),
  reply: z.string().optional(),
  intent: z.string().optional(),
  /** What kind of conversation it is (for reading the report): topic_switch, budget, complaint ... */
  kind: z.string().optional(),
  customer: customerSchema.optional(),
  expect: expectSchema.optional(),
});
export type DialogueLine = z.infer<typeof dialogueLineSchema>;
