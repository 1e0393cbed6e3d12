import type { Queue } from 'bullmq';
import type { SuggestInput } from '../assist/engine-types.ts';
import type { LiveHooks, LiveSuggestion } from '../assist/suggest-live.ts';
import type { Suggestion } from '../assist/suggestion-schema.ts';

export const SUGGEST_QUEUE = 'suggest';

export interface SuggestJob {
  guideId: string;
  /** The customer; for a group job (`group`), the group's chat id. */
  customerId: string;
  /** A customer group: answer the newest question put to the guide there. */
  group?: boolean;
  /** A regenerate request from the guide ("更简短", "更热情", "推荐同价位"). */
  instruction?: string;
  requestedAt: number;
}

/** What the job needs from the assist engine (src/assist createAssistant satisfies it). */
export interface AssistantPort {
  suggest(input: SuggestInput): Promise<Suggestion>;
  /** LLM mode: the offline suggestion at once and the model's drafts as they arrive (undefined: use suggest). */
  suggestLive?(input: SuggestInput, hooks: LiveHooks): LiveSuggestion | undefined;
}

/**
 * Debounced per conversation: every customer message (re)schedules the conversation's one delayed job and
 * resets its delay, so a burst of messages gives one suggestion made after the burst. A regenerate request
 * runs without delay.
 */
export async function scheduleSuggestion(queue: Queue<SuggestJob>, job: SuggestJob, debounceMs: number): Promise<void> {
  const id = `${job.guideId}|${job.customerId}`;
  if (job.instruction || debounceMs === 0) {
    await queue.add('suggest', job);
    return;
  }
  await queue.add('suggest', job, {
    delay: debounceMs,
    deduplication: { id, ttl: debounceMs, extend: true, replace: true },
  });
}
