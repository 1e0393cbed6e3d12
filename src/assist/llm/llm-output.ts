/**
 * The JSON the model must return: a zod schema to validate it and the same shape as a JSON Schema for
 * `response_format` (strict mode wants every property required, nullables instead of optionals).
 */
import { z } from 'zod';

export const llmOutputSchema = z.object({
  drafts: z
    .array(z.object({ text: z.string().trim().min(1).max(500), source_id: z.string().nullable() }))
    .min(1)
    .max(3),
  tags: z
    .array(
      z.object({
        tag_id: z.string().min(1),
        evidence: z.string().min(1),
        message_id: z.string().min(1),
        confidence: z.number().min(0).max(1),
      }),
    )
    .max(12),
  summary: z.string().max(200),
  next_action: z.string().max(200),
});
export type LlmOutput = z.infer<typeof llmOutputSchema>;

export const llmOutputJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['drafts', 'tags', 'summary', 'next_action'],
  properties: {
    drafts: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'source_id'],
        properties: { text: { type: 'string' }, source_id: { type: ['string', 'null'] } },
      },
    },
    tags: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['tag_id', 'evidence', 'message_id', 'confidence'],
        properties: {
          tag_id: { type: 'string' },
          evidence: { type: 'string' },
          message_id: { type: 'string' },
          confidence: { type: 'number' },
        },
      },
    },
    summary: { type: 'string' },
    next_action: { type: 'string' },
  },
} as const;

/** Parses the model's text as the output; the error message is what a repair request sends back. */
export function parseLlmOutput(content: string): { ok: true; value: LlmOutput } | { ok: false; error: string } {
  let data: unknown;
  try {
    // Some providers wrap JSON mode output in a code fence.
    data = JSON.parse(content.trim().replace(/^```(?:json)?\s*/u, '').replace(/\s*```$/u, ''));
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  const result = llmOutputSchema.safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: z.prettifyError(result.error) };
}
