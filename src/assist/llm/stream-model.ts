/**
 * One chat-completion call with `stream: true`: the text is handed to `onText` as it arrives, so the
 * engine can pass each finished draft on before the model has written the rest. The SDK's own timeout
 * ends when the response headers arrive, so the whole stream is bounded here instead; `signal` aborts
 * it early (a newer customer message made the answer stale).
 *
 * A provider that does not stream properly — rejects `stream` with a 400 that names it, answers a
 * stream request with plain JSON (no chunk at all), or sends chunks that are not JSON — is reported with
 * `streamBroken`, and the engine falls back to the plain call for good (as it does for json_schema).
 */
import { BadRequestError } from 'openai';
import type { CallFailure, CallOptions, CallResult } from './call-model.ts';
import { classifyError, responseFormat } from './call-model.ts';

export interface StreamFailure extends CallFailure {
  /** The provider does not stream (or not well): worth repeating without `stream`. */
  streamBroken: boolean;
  /** Ended by the caller's signal, not by the provider or the clock. */
  aborted: boolean;
}

export interface StreamOptions extends CallOptions {
  onText: (text: string) => void;
  signal?: AbortSignal;
}

const failure = (base: CallFailure, extra: Partial<Pick<StreamFailure, 'streamBroken' | 'aborted'>> = {}): StreamFailure => ({ ...base, streamBroken: false, aborted: false, ...extra });

export async function streamModel(options: StreamOptions): Promise<CallResult | StreamFailure> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, Math.max(1, Math.round(options.timeoutMs)));
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  const ended = (): StreamFailure | undefined => {
    if (options.signal?.aborted) return failure({ ok: false, reason: 'timeout', schemaRejected: false, message: 'aborted by the caller' }, { aborted: true });
    if (timedOut) return failure({ ok: false, reason: 'timeout', schemaRejected: false, message: `no complete answer within ${options.timeoutMs} ms` });
    return undefined;
  };

  let content = '';
  let chunks = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  try {
    const stream = await options.client.chat.completions.create(
      {
        model: options.model,
        messages: options.messages,
        response_format: responseFormat(options.mode),
        temperature: options.temperature ?? 0.3,
        stream: true,
        stream_options: { include_usage: true },
      },
      { timeout: Math.max(1, Math.round(options.timeoutMs)), maxRetries: 0, signal: controller.signal },
    );
    for await (const chunk of stream) {
      chunks++;
      const text = chunk.choices[0]?.delta?.content;
      if (text) {
        content += text;
        options.onText(text);
      }
      if (chunk.usage) {
        promptTokens = chunk.usage.prompt_tokens;
        completionTokens = chunk.usage.completion_tokens;
      }
    }
    // The SDK ends an aborted stream quietly: tell an abort from a finished answer here.
    const stopped = ended();
    if (stopped) return stopped;
    if (chunks === 0) return failure({ ok: false, reason: 'invalid_output', schemaRejected: false, message: 'the stream request got no chunks' }, { streamBroken: true });
    return { ok: true, content, promptTokens, completionTokens };
  } catch (error) {
    const stopped = ended();
    if (stopped) return stopped;
    const base = classifyError(error, options.mode);
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof BadRequestError && /stream/iu.test(message)) return failure({ ...base, schemaRejected: false }, { streamBroken: true });
    // A chunk that is not JSON: the provider's stream is not what the protocol says.
    if (error instanceof SyntaxError) {
      return failure({ ...base, reason: 'invalid_output' }, { streamBroken: true });
    }
    return failure(base);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
