/**
 * One chat-completion call through the injected `openai` client: bounded by a timeout, no SDK retries
 * (the engine decides), JSON schema output with a fallback to JSON mode for providers that reject
 * `json_schema` with a 400. Errors become a small set of reasons the engine can act on.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, BadRequestError, RateLimitError } from 'openai';
import type OpenAI from 'openai';
import type { FallbackReason } from '../suggestion-schema.ts';
import { llmOutputJsonSchema } from './llm-output.ts';
import type { PromptMessage } from './build-prompt.ts';

/** The part of the OpenAI client the engine calls (a port: tests pass the real SDK pointed at a fake server). */
export type ChatClient = Pick<OpenAI, 'chat'>;

export type OutputMode = 'json_schema' | 'json_object';

export interface CallResult {
  ok: true;
  content: string;
  promptTokens: number;
  completionTokens: number;
}

export interface CallFailure {
  ok: false;
  reason: FallbackReason;
  /** 400 on `json_schema`: worth repeating in JSON mode. */
  schemaRejected: boolean;
  message: string;
}

export interface CallOptions {
  client: ChatClient;
  model: string;
  messages: PromptMessage[];
  mode: OutputMode;
  timeoutMs: number;
  temperature?: number;
  /** Ends the call early (the answer is no longer wanted). */
  signal?: AbortSignal;
}

export function responseFormat(mode: OutputMode): OpenAI.ChatCompletionCreateParams['response_format'] {
  return mode === 'json_schema'
    ? { type: 'json_schema', json_schema: { name: 'assist_suggestion', strict: true, schema: llmOutputJsonSchema as unknown as Record<string, unknown> } }
    : { type: 'json_object' };
}

export function classifyError(error: unknown, mode: OutputMode): CallFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof APIConnectionTimeoutError) return { ok: false, reason: 'timeout', schemaRejected: false, message };
  if (error instanceof APIUserAbortError) return { ok: false, reason: 'timeout', schemaRejected: false, message };
  if (error instanceof APIConnectionError) return { ok: false, reason: 'connection_error', schemaRejected: false, message };
  if (error instanceof RateLimitError) return { ok: false, reason: 'rate_limited', schemaRejected: false, message };
  if (error instanceof APIError && typeof error.status === 'number' && error.status >= 500) {
    return { ok: false, reason: 'server_error', schemaRejected: false, message };
  }
  if (error instanceof BadRequestError) return { ok: false, reason: 'request_error', schemaRejected: mode === 'json_schema', message };
  return { ok: false, reason: 'request_error', schemaRejected: false, message };
}

export async function callModel(options: CallOptions): Promise<CallResult | CallFailure> {
  try {
    const completion = await options.client.chat.completions.create(
      {
        model: options.model,
        messages: options.messages,
        response_format: responseFormat(options.mode),
        temperature: options.temperature ?? 0.3,
      },
      { timeout: Math.max(1, Math.round(options.timeoutMs)), maxRetries: 0, ...(options.signal ? { signal: options.signal } : {}) },
    );
    const content = completion.choices[0]?.message.content ?? '';
    return {
      ok: true,
      content,
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
    };
  } catch (error) {
    return classifyError(error, options.mode);
  }
}
