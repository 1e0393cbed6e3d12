/**
 * LLM mode without waiting on the model: the offline suggestion is returned at once (modelStatus
 * 'streaming'), each model draft that has passed the guardrails takes the next slot (the first model
 * draft replaces the first offline one, and so on) and is handed to `onUpdate` as the merged suggestion,
 * and `finish()` settles with the model's whole, validated answer (engine 'llm'), or the offline drafts
 * with the reason the model failed, or undefined when the caller aborted (the answer went stale).
 *
 * The model call starts only with `finish()`: building the prompt costs CPU that the offline drafts must
 * not wait for (the caller publishes `first`, then starts the model).
 */
import type { DraftCandidate, EngineRequest, EngineResult } from './engine-types.ts';
import type { LlmEngine } from './llm/llm-engine.ts';
import type { Draft, Suggestion } from './suggestion-schema.ts';

export interface LiveHooks {
  /** Aborting it ends the model call and drops the rest of its answer. */
  signal: AbortSignal;
  /** The suggestion with one more model draft in it, ready to show. */
  onUpdate: (suggestion: Suggestion) => void;
}

export interface LiveSuggestion {
  first: Suggestion;
  /** Starts the model call; call it once. */
  finish: () => Promise<Suggestion | undefined>;
}

export interface LiveParts {
  llm: LlmEngine;
  request: EngineRequest;
  offline: () => EngineResult;
  assemble: (result: EngineResult, outcome: Pick<Suggestion, 'engine' | 'fallbackReason' | 'usage' | 'modelStatus'>) => Suggestion;
  /** The guardrails on one draft, numbered for its slot. */
  guardDraft: (candidate: DraftCandidate, index: number) => Draft;
}

export function runLiveSuggestion(parts: LiveParts, hooks: LiveHooks): LiveSuggestion {
  const offline = parts.offline();
  const first = parts.assemble(offline, { engine: 'offline', modelStatus: 'streaming' });
  const model: Draft[] = [];
  const onDraft = (candidate: DraftCandidate, index: number): void => {
    if (hooks.signal.aborted) return;
    // Index 0 again means a new answer (a retry): its drafts replace the earlier attempt's from the top.
    if (index === 0) model.length = 0;
    model[index] = parts.guardDraft(candidate, index);
    const drafts = [...model, ...first.drafts.slice(model.length)].slice(0, 3);
    hooks.onUpdate({ ...first, drafts });
  };
  const finish = async (): Promise<Suggestion | undefined> => {
    if (hooks.signal.aborted) return undefined;
    const run = await parts.llm.run(parts.request, { signal: hooks.signal, onDraft });
    if (hooks.signal.aborted) return undefined;
    if (run.ok) return parts.assemble(run.result, { engine: 'llm', usage: run.usage, modelStatus: 'done' });
    return parts.assemble(offline, { engine: 'offline', fallbackReason: run.reason, modelStatus: 'failed', ...(run.usage ? { usage: run.usage } : {}) });
  };
  return { first, finish };
}
