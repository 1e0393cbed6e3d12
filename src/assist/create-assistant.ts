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
import type { KnowledgeSource } from './knowledge/watch-knowledge.ts';
import type { CorpTagLibraryInput } from './knowledge/schemas.ts';
import type { LlmEngine } from './llm/llm-engine.ts';
import { runOfflineEngine } from './offline/offline-engine.ts';
import { suggestionSchema } from './suggestion-schema.ts';
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
  /** Messages the engines see. */
  windowSize?: number;
  /** Monotonic clock for latencyMs (performance.now by default). */
  measure?: () => number;
}

export interface Assistant {
  suggest(input: SuggestInput): Promise<Suggestion>;
}

const NO_DIRECTORY: Directory = { guideName: () => undefined, storeName: () => undefined };

function guard(request: EngineRequest, candidates: readonly DraftCandidate[]): Draft[] {
  return candidates.slice(0, 3).map((candidate, index) => {
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

  return {
    async suggest(input) {
      const started = measure();
      const kb = deps.knowledge.current();
      const context = buildContext(input.conversation, deps.windowSize ?? 12);
      const state = buildDialogueState(kb, { conversation: context.window, profile: input.profile, guideId: input.guideId, now: input.now, instruction: input.instruction });
      const request: EngineRequest = { input, kb, library: buildAssistLibrary(deps.corpTags(), kb), context, directory, state };
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
      const answered = context.answering.length > 0 ? context.answering : context.lastCustomer ? [context.lastCustomer] : [];
      const suggestion: Suggestion = {
        drafts: guard(request, result.drafts),
        // Only tags of the library, whatever the engine said.
        tags: result.tags.filter((t) => request.library.byId.get(t.tagId)?.key === t.tag),
        // A model's notes for the guide pass the same checks as drafts (masked, links cut, promises dropped);
        // the offline notes are the state and fixed advice, with the customer's own words masked.
        summary: engine === 'llm' ? cleanNote(kb, result.summary) : maskPii(describeState(state)),
        nextAction: engine === 'llm' ? cleanNote(kb, result.nextAction) : result.nextAction,
        state: result.state ?? stateData(state),
        engine,
        ...(fallbackReason ? { fallbackReason } : {}),
        latencyMs: Math.round((measure() - started) * 100) / 100,
        ...(usage ? { usage } : {}),
        answeredMessageIds: answered.map((m) => m.id),
      };
      return suggestionSchema.parse(suggestion);
    },
  };
}
