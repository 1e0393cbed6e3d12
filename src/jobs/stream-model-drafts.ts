/**
 * The suggestion job in LLM mode: the offline suggestion is stored and published at once (modelStatus
 * 'streaming'), each model draft that passed the guardrails and the store's approval policy is published as
 * an update of the same suggestion, and the final state (model done, or failed with the offline drafts kept)
 * goes through the same path as any suggestion (tag proposals, review of held drafts, figures). A newer
 * customer message — seen when an update is about to go out, or by the periodic check while the model is
 * quiet — aborts the model call and drops the rest.
 *
 * Held drafts reach the review queue with the final state only: a held offline draft that a model draft
 * replaces a moment later must not wait for a manager.
 */
import { randomUUID } from 'node:crypto';
import type { SuggestInput } from '../assist/engine-types.ts';
import type { Suggestion } from '../assist/suggestion-schema.ts';
import type { ChatMessage } from '../conversation/model.ts';
import type { SuggestionDeps, SuggestionOutcome } from './run-suggestion.ts';
import type { SuggestJob } from './suggest-job.ts';
import { lastCustomerMessage, publishSuggestion, storedSuggestion, type SuggestionThread } from './suggestion-thread.ts';

/** Undefined when the assistant has no live path right now (offline engine, open circuit): the caller runs suggest(). */
export async function streamModelDrafts(
  deps: SuggestionDeps,
  job: SuggestJob,
  thread: SuggestionThread,
  input: SuggestInput,
  conversation: readonly ChatMessage[],
  answering: ChatMessage,
): Promise<SuggestionOutcome | undefined> {
  const { now } = deps;
  const controller = new AbortController();
  // Updates go out one at a time, in order, after the first state.
  let chain: Promise<void> = Promise.resolve();
  const live = deps.assistant.suggestLive?.(input, { signal: controller.signal, onUpdate: (s) => void (chain = chain.then(() => show(s))) });
  if (!live) return undefined;

  const isStale = async (): Promise<boolean> => lastCustomerMessage(await thread.load())?.id !== answering.id;
  const id = randomUUID();
  const createdAt = now();
  const stored = (s: Suggestion) => storedSuggestion(deps, job, thread, s, id, createdAt);
  const show = async (s: Suggestion): Promise<void> => {
    if (controller.signal.aborted) return;
    if (await isStale()) {
      controller.abort();
      return;
    }
    await publishSuggestion(deps, thread, stored(s), answering);
  };

  chain = show(live.first);
  await chain;
  if (controller.signal.aborted) return 'stale';
  const watch = setInterval(() => {
    void isStale()
      .then((stale) => stale && controller.abort())
      .catch(() => undefined);
  }, deps.staleCheckMs ?? 500);
  let final: Suggestion | undefined;
  try {
    final = await live.finish();
  } finally {
    clearInterval(watch);
    await chain;
  }
  if (!final || controller.signal.aborted || (await isStale())) {
    controller.abort();
    return 'stale';
  }
  const last = stored(final);
  await publishSuggestion(deps, thread, last, answering, () => deps.onStored?.(last, conversation) ?? Promise.resolve());
  return 'suggested';
}
