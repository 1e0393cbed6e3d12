/**
 * The one entry point for the job layer: `createAssistant(deps).suggest(input)` → a Suggestion.
 * Picks the engine (LLM with offline fallback, or offline), runs the guardrails on every draft, and
 * returns a result that passes `suggestionSchema` with only library tag ids.
 */
import { buildContext } from './context.ts';
import { buildDialogueState } from './dialogue/build-dialogue-state.ts';
import { describeState, stateData } from './dialogue/describe-state.ts';
import type { Directory, DraftCandidate, EngineRequest, EngineResult, SuggestInput } from './engine-types.ts';
import { checkDraft } from './guardrails/check-draft.ts';
import { cleanNote } from './guardrails/clean-note.ts';
import { maskPii } from './pii.ts';
import { scopeKnowledge, type StoreScope } from './knowledge/scope-knowledge.ts';
import type { KnowledgeSource } from './knowledge/watch-knowledge.ts';
import type { CorpTagLibraryInput } from './knowledge/schemas.ts';
import type { LlmEngine } from './llm/llm-engine.ts';
import { runOfflineEngine } from './offline/offline-engine.ts';
import { suggestionSchema } from './suggestion-schema.ts';
import { runLiveSuggestion, type LiveHooks, type LiveSuggestion } from './suggest-live.ts';
import type { Draft, FallbackReason, Suggestion, Usage } from './suggestion-schema.ts';
import { buildAssistLibrary } from './tags/build-assist-library.ts';

export interface AssistantDeps {
  knowledge: KnowledgeSource;
  /** The corp tag library (the platform's cache of get_corp_tag_list, or tags.yaml offline). */
  corpTags: () => CorpTagLibraryInput;
  engine?: 'offline' | 'llm';
  /** Required when engine is 'llm'. */
  llm?: LlmEngine;
  directory?: Directory;
  /** The stores a guide works in: scripts limited to other stores never reach their drafts (default: company-wide only). */
  storesOf?: (guideId: string) => StoreScope;
  /** Messages the engines see. */
  windowSize?: number;
  /** Monotonic clock for latencyMs (performance.now by default). */
  measure?: () => number;
}

export interface Assistant {
  suggest(input: SuggestInput): Promise<Suggestion>;
  /** LLM mode only (undefined otherwise, or while the model's circuit is open): offline drafts at once, model drafts as they come. */
  suggestLive(input: SuggestInput, hooks: LiveHooks): LiveSuggestion | undefined;
}

type Outcome = Pick<Suggestion, 'engine' | 'fallbackReason' | 'usage' | 'modelStatus'>;

const NO_DIRECTORY: Directory = { guideName: () => undefined, storeName: () => undefined };

function guard(request: EngineRequest, candidates: readonly DraftCandidate[], first = 0): Draft[] {
  return candidates.slice(0, 3).map((candidate, at) => {
    const index = first + at;
    const checked = checkDraft(request.kb, candidate.text, {
      products: candidate.products,
      ...(candidate.approvedText ? { approvedText: candidate.approvedText } : {}),
    });
    const skus = [...new Set([...candidate.products.map((p) => p.sku), ...checked.skus])];
    return {
      id: `d${index + 1}`,
      source: candidate.source,
      ...(candidate.sourceId ? { sourceId: candidate.sourceId } : {}),
      text: candidate.text,
      skus,
      flags: checked.flags,
      needsApproval: checked.needsApproval,
    };
  });
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const measure = deps.measure ?? (() => performance.now());
  const directory = deps.directory ?? NO_DIRECTORY;

  const requestOf = (input: SuggestInput): EngineRequest => {
    const kb = scopeKnowledge(deps.knowledge.current(), deps.storesOf?.(input.guideId) ?? []);
    const context = buildContext(input.conversation, deps.windowSize ?? 12);
    const state = buildDialogueState(kb, { conversation: context.window, profile: input.profile, guideId: input.guideId, now: input.now, instruction: input.instruction });
    return { input, kb, library: buildAssistLibrary(deps.corpTags(), kb), context, directory, state };
  };
  const assemble = (request: EngineRequest, result: EngineResult, started: number, outcome: Outcome): Suggestion => {
    const { context } = request;
    const answered = context.answering.length > 0 ? context.answering : context.lastCustomer ? [context.lastCustomer] : [];
    const state = result.state ?? (request.state ? stateData(request.state) : undefined);
    const suggestion: Suggestion = {
      drafts: guard(request, result.drafts),
      // Only tags of the library, whatever the engine said.
      tags: result.tags.filter((t) => request.library.byId.get(t.tagId)?.key === t.tag),
      // A model's notes for the guide pass the same checks as drafts (masked, links cut, promises dropped);
      // the offline notes are the dialogue state and fixed advice, with the customer's own words masked.
      summary: outcome.engine === 'llm' ? cleanNote(request.kb, result.summary) : maskPii(request.state ? describeState(request.state) : result.summary),
      nextAction: outcome.engine === 'llm' ? cleanNote(request.kb, result.nextAction) : result.nextAction,
      ...(state ? { state } : {}),
      engine: outcome.engine,
      ...(outcome.fallbackReason ? { fallbackReason: outcome.fallbackReason } : {}),
      latencyMs: Math.round((measure() - started) * 100) / 100,
      ...(outcome.usage ? { usage: outcome.usage } : {}),
      answeredMessageIds: answered.map((m) => m.id),
      ...(outcome.modelStatus ? { modelStatus: outcome.modelStatus } : {}),
    };
    return suggestionSchema.parse(suggestion);
  };

  return {
    async suggest(input) {
      const started = measure();
      const request = requestOf(input);
      let result: EngineResult | undefined;
      let engine: Suggestion['engine'] = 'offline';
      let fallbackReason: FallbackReason | undefined;
      let usage: Usage | undefined;
      if (deps.engine === 'llm' && deps.llm) {
        const run = await deps.llm.run(request);
        usage = run.usage;
        if (run.ok) {
          result = run.result;
          engine = 'llm';
        } else {
          fallbackReason = run.reason;
        }
      }
      result ??= runOfflineEngine(request);
      return assemble(request, result, started, { engine, ...(fallbackReason ? { fallbackReason } : {}), ...(usage ? { usage } : {}) });
    },

    suggestLive(input, hooks) {
      if (deps.engine !== 'llm' || !deps.llm || deps.llm.breaker.state(input.now) === 'open') return undefined;
      const started = measure();
      const request = requestOf(input);
      return runLiveSuggestion(
        {
          llm: deps.llm,
          request,
          offline: () => runOfflineEngine(request),
          assemble: (result, outcome) => assemble(request, result, started, outcome),
          guardDraft: (candidate, index) => guard(request, [candidate], index)[0] as Draft,
        },
        hooks,
      );
    },
  };
}
