/**
 * The shape of a suggestion as stored and pushed to the sidebar. The job layer validates what it
 * reads back with `suggestionSchema`; the types below are inferred from it so they cannot drift.
 */
import { z } from 'zod';
import { severitySchema } from './knowledge/schemas.ts';

export const tagProposalSchema = z.object({
  /** "组/标签" */
  tag: z.string().min(3),
  tagId: z.string().min(1),
  /** A verbatim quote of the customer's message. */
  evidence: z.string().min(1),
  messageId: z.string().min(1),
  confidence: z.number().min(0).max(1),
});
export type TagProposal = z.infer<typeof tagProposalSchema>;

export const flagSchema = z.object({
  rule: z.string().min(1),
  /** [start, end) in the draft text (UTF-16 code units, as String.prototype.slice takes them). */
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  text: z.string(),
  /** For the guide and the manager, in Chinese. */
  reason: z.string().min(1),
  severity: severitySchema,
});
export type Flag = z.infer<typeof flagSchema>;

export const draftSourceSchema = z.enum(['script', 'faq', 'model']);
export type DraftSource = z.infer<typeof draftSourceSchema>;

export const draftSchema = z.object({
  id: z.string().min(1),
  source: draftSourceSchema,
  /** The script or FAQ id the draft came from (a model draft may cite one). */
  sourceId: z.string().optional(),
  text: z.string().min(1),
  /** Catalog products the draft names, so the sidebar can show cards with catalog prices. */
  skus: z.array(z.string()).default([]),
  flags: z.array(flagSchema),
  needsApproval: z.boolean(),
});
export type Draft = z.infer<typeof draftSchema>;

export const llmCallSchema = z.object({
  attempt: z.enum(['first', 'retry', 'repair', 'json_object', 'no_stream']),
  latencyMs: z.number().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  outcome: z.string(),
});
export type LlmCall = z.infer<typeof llmCallSchema>;

export const usageSchema = z.object({
  model: z.string(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  calls: z.array(llmCallSchema),
  /** Model tags dropped because they were not in the library or did not quote the customer. */
  droppedTags: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof usageSchema>;

export const fallbackReasonSchema = z.enum(['timeout', 'rate_limited', 'server_error', 'connection_error', 'circuit_open', 'invalid_output', 'request_error']);
export type FallbackReason = z.infer<typeof fallbackReasonSchema>;

const slotDataSchema = z.object({ value: z.string(), messageId: z.string(), quote: z.string() });
/** The dialogue state the suggestion was built from (see src/assist/dialogue), each slot with its message. */
export const stateDataSchema = z.object({
  newestMessageId: z.string().optional(),
  intents: z.array(z.string()),
  complaint: z.object({ kind: z.string(), quote: z.string(), messageId: z.string() }).optional(),
  slots: z.record(z.string(), slotDataSchema),
  relationship: z.object({ isNew: z.boolean(), returning: z.boolean(), purchases: z.array(z.string()) }),
});

export const suggestionSchema = z.object({
  drafts: z.array(draftSchema).max(3),
  tags: z.array(tagProposalSchema),
  summary: z.string(),
  nextAction: z.string(),
  engine: z.enum(['offline', 'llm']),
  fallbackReason: fallbackReasonSchema.optional(),
  latencyMs: z.number().nonnegative(),
  usage: usageSchema.optional(),
  answeredMessageIds: z.array(z.string()),
  state: stateDataSchema.optional(),
  /**
   * LLM mode shows the offline drafts at once and the model's as they arrive: `streaming` while the model
   * is still writing, then `done` (engine 'llm') or `failed` (the offline drafts stay, with fallbackReason).
   */
  modelStatus: z.enum(['streaming', 'done', 'failed']).optional(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
