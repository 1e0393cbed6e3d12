import type { WecomEvent } from '../wecom/events.ts';

/** The queue every verified callback lands in. */
export const EVENT_QUEUE = 'wecom-events';

/** What the callback route hands to the worker: the parsed event, never re-parsed. */
export interface EventJob {
  dedupeKey: string;
  event: WecomEvent;
  /** Epoch ms when the callback was acknowledged. */
  receivedAt: number;
}

/** BullMQ job ids may not contain ':' (it is BullMQ's key separator). */
export function jobIdOf(dedupeKey: string): string {
  return dedupeKey.replaceAll(':', '_');
}
