/**
 * The LLM engine: prompt → model (bounded time, one retry for transient errors, JSON schema or JSON
 * mode) → zod validation with one repair round → tags constrained to the library. Any failure returns
 * a reason instead of a result, and createAssistant falls back to the offline engine.
 *
 * The model is asked to stream: each draft of the first answer is handed to `live.onDraft` as soon as it
 * is complete (the job shows it before the rest arrives); the whole answer is still validated at the end.
 * A provider that cannot stream gets the plain call from then on (see stream-model.ts).
 */
import { describeState, stateData } from '../dialogue/describe-state.ts';
import type { DraftCandidate, EngineRequest, EngineResult } from '../engine-types.ts';
import { findFocusProducts } from '../offline/focus-products.ts';
import { pickProducts } from '../offline/pick-products.ts';
import { detectIntent, topIntent } from '../offline/detect-intent.ts';
import { nextBestAction, summarize } from '../offline/summarize.ts';
import type { FallbackReason, LlmCall, Usage } from '../suggestion-schema.ts';
import { existingTagIds } from '../tags/propose-tags.ts';
import { buildPrompt } from './build-prompt.ts';
import type { PromptMessage } from './build-prompt.ts';
import { callModel } from './call-model.ts';
import type { CallFailure, CallResult, ChatClient, OutputMode } from './call-model.ts';
import { createCircuitBreaker } from './circuit-breaker.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { parseLlmOutput } from './llm-output.ts';
import { mapLlmDraft, mapLlmOutput } from './map-llm-output.ts';
import { createDraftStreamParser } from './parse-draft-stream.ts';
import { streamModel } from './stream-model.ts';

export interface LlmEngineOptions {
  client: ChatClient;
  model: string;
  /** Budget for the whole model round (calls, retry and repair together). Default 15 s. */
  timeoutMs?: number;
  breaker?: CircuitBreaker;
  /** Monotonic clock for latency and the time budget (performance.now by default). */
  measure?: () => number;
  /** Start in JSON mode for providers known not to support json_schema. */
  mode?: OutputMode;
  temperature?: number;
  /** Ask for a streamed answer (default true); false for providers known not to stream. */
  stream?: boolean;
}

/** For a caller that shows drafts as they come. */
export interface LiveRun {
  /** A model draft (slot `index`, 0-based) is complete; the final result may still differ after a repair. */
  onDraft?: (draft: DraftCandidate, index: number) => void;
  /** Abort the model call: its answer is no longer wanted. */
  signal?: AbortSignal;
}

export type LlmRun = { ok: true; result: EngineResult; usage: Usage } | { ok: false; reason: FallbackReason; usage?: Usage; aborted?: boolean };

export interface LlmEngine {
  run(request: EngineRequest, live?: LiveRun): Promise<LlmRun>;
  readonly breaker: CircuitBreaker;
}

const RETRYABLE = new Set<FallbackReason>(['server_error', 'connection_error', 'rate_limited']);

export function createLlmEngine(options: LlmEngineOptions): LlmEngine {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const breaker = options.breaker ?? createCircuitBreaker();
  const measure = options.measure ?? (() => performance.now());
  let mode: OutputMode = options.mode ?? 'json_schema';
  let streaming = options.stream ?? true;

  async function run(request: EngineRequest, live: LiveRun = {}): Promise<LlmRun> {
    const { kb, library, context, input } = request;
    if (!breaker.tryAcquire(input.now)) return { ok: false, reason: 'circuit_open' };
    const deadline = measure() + timeoutMs;
    const remaining = (): number => deadline - measure();
    const calls: LlmCall[] = [];
    const usage = (dropped = 0): Usage => {
      const promptTokens = calls.reduce((n, c) => n + c.promptTokens, 0);
      const completionTokens = calls.reduce((n, c) => n + c.completionTokens, 0);
      return { model: options.model, promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, calls, droppedTags: dropped };
    };
    const fail = (reason: FallbackReason): LlmRun => {
      // A stale answer says nothing about the provider: no breaker failure.
      if (live.signal?.aborted) {
        breaker.onCancel();
        return { ok: false, reason, usage: usage(), aborted: true };
      }
      breaker.onFailure(input.now);
      return { ok: false, reason, usage: usage() };
    };

    const attempt = async (kind: LlmCall['attempt'], messages: PromptMessage[]): Promise<CallResult | CallFailure> => {
      const once = async (label: LlmCall['attempt']): Promise<CallResult | CallFailure> => {
        const started = measure();
        const call = () => ({
          client: options.client,
          model: options.model,
          messages,
          mode,
          timeoutMs: Math.max(1, remaining()),
          ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
          ...(live.signal ? { signal: live.signal } : {}),
        });
        if (!streaming) return record(label, started, await callModel(call()));
        // Only the first answer's drafts are shown early; a repaired answer arrives as the final result.
        const onText = label === 'repair' ? () => undefined : streamDrafts();
        const streamed = await streamModel({ ...call(), onText });
        if (streamed.ok || !streamed.streamBroken || remaining() <= 0) return record(label, started, streamed);
        streaming = false;
        record(label, started, streamed);
        return record('no_stream', measure(), await callModel(call()));
      };
      const record = (label: LlmCall['attempt'], started: number, result: CallResult | CallFailure): CallResult | CallFailure => {
        calls.push({
          attempt: label,
          latencyMs: Math.round((measure() - started) * 100) / 100,
          promptTokens: result.ok ? result.promptTokens : 0,
          completionTokens: result.ok ? result.completionTokens : 0,
          outcome: result.ok ? 'ok' : result.reason,
        });
        return result;
      };
      const result = await once(kind);
      if (live.signal?.aborted) return result;
      // The provider does not take json_schema: switch this engine to JSON mode for good and ask again.
      if (!result.ok && result.schemaRejected && mode === 'json_schema' && remaining() > 0) {
        mode = 'json_object';
        return once('json_object');
      }
      return result;
    };

    // The product in focus and the catalog products that meet the customer's stated needs go to the model first.
    const picked = request.state && (request.state.slots.category || request.state.slots.recipient || request.state.slots.skinType) ? pickProducts(kb, request.state, input.profile, { n: 3 }).fits : [];
    const focus = [...(request.state?.slots.focus ? [request.state.slots.focus.value] : findFocusProducts(kb, context)), ...picked];
    const state = request.state ? stateData(request.state) : undefined;
    const prompt = buildPrompt(kb, library, context, focus, input.instruction, state);
    /** A fresh parser per answer: its drafts fill the slots from the first again. */
    const streamDrafts = (): ((text: string) => void) => {
      const parser = createDraftStreamParser();
      const shown: string[] = [];
      return (text) => {
        for (const draft of parser.push(text)) {
          const candidate = shown.length < 3 ? mapLlmDraft(kb, draft, prompt.knowledgeIds) : undefined;
          if (!candidate || shown.includes(candidate.text)) continue;
          shown.push(candidate.text);
          live.onDraft?.(candidate, shown.length - 1);
        }
      };
    };
    let result = await attempt('first', prompt.messages);
    if (!result.ok && !live.signal?.aborted && RETRYABLE.has(result.reason) && remaining() > timeoutMs * 0.25) result = await attempt('retry', prompt.messages);
    if (!result.ok) return fail(result.reason);

    let parsed = parseLlmOutput(result.content);
    if (!parsed.ok) {
      if (remaining() <= 0 || live.signal?.aborted) return fail('invalid_output');
      const repair: PromptMessage[] = [
        ...prompt.messages,
        { role: 'assistant', content: result.content.slice(0, 4000) },
        { role: 'user', content: `上面的输出不符合要求：\n${parsed.error.slice(0, 1500)}\n请只输出一个符合格式的 JSON 对象。` },
      ];
      const repaired = await attempt('repair', repair);
      if (!repaired.ok) return fail(repaired.reason);
      parsed = parseLlmOutput(repaired.content);
      if (!parsed.ok) return fail('invalid_output');
    }

    const mapped = mapLlmOutput(kb, library, context, parsed.value, prompt.knowledgeIds, existingTagIds(input.profile, input.guideId));
    if (mapped.drafts.length === 0) return fail('invalid_output');
    breaker.onSuccess();
    const intent = topIntent(detectIntent(context.lastCustomer?.text ?? ''))?.intent;
    return {
      ok: true,
      result: {
        drafts: mapped.drafts,
        tags: mapped.tags,
        summary: parsed.value.summary.trim() || (request.state ? describeState(request.state) : summarize(intent, context.lastCustomer?.text, focus, mapped.tags)),
        nextAction: parsed.value.next_action.trim() || nextBestAction(intent, mapped.tags, focus),
      },
      usage: usage(mapped.droppedTags),
    };
  }

  return { run, breaker };
}
