import type { LiveEvent, LiveEventType } from './api-types.ts';
import { parseLiveEvent } from './live-refetch.ts';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveStreamHandlers {
  onEvent(event: LiveEvent): void;
  onStatus(status: LiveStatus): void;
  /** The stream is back after a gap; refetch in case the gap was longer than the server's replay. */
  onResumed(): void;
  /** Asked before a new connection is made after the browser gave up; false stops (e.g. signed out). */
  mayReconnect(): Promise<boolean>;
}

const TYPES: readonly LiveEventType[] = ['suggestion', 'suggestion_stale', 'message', 'tags', 'approval', 'task', 'group'];
const BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * The guide's Server-Sent Events stream. While the browser retries by itself it resumes with Last-Event-ID
 * and the server replays what was missed; when it gives up (an HTTP error closes the stream), a new
 * connection is made with backoff, naming the last event seen (`?lastEventId=`) so the replay still works.
 * Returns a function that closes the stream for good.
 */
export function openLiveStream(url: string, handlers: LiveStreamHandlers): () => void {
  let source: EventSource | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hadGap = false;
  let closed = false;
  let lastEventId = '';

  const reconnect = async (): Promise<void> => {
    if ((await handlers.mayReconnect()) && !closed) connect();
  };

  const connect = (): void => {
    const resumeFrom = lastEventId ? `${url}${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}` : url;
    const current = new EventSource(resumeFrom);
    source = current;
    current.addEventListener('open', () => {
      attempt = 0;
      handlers.onStatus('live');
      if (hadGap) handlers.onResumed();
      hadGap = false;
    });
    current.addEventListener('error', () => {
      hadGap = true;
      handlers.onStatus('reconnecting');
      if (current.readyState !== EventSource.CLOSED || closed) return;
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 30_000;
      attempt++;
      timer = setTimeout(() => void reconnect(), delay);
    });
    for (const type of TYPES) {
      current.addEventListener(type, (message) => {
        const { data, lastEventId: id } = message as MessageEvent<string>;
        if (id) lastEventId = id;
        const event = parseLiveEvent(type, data);
        if (event) handlers.onEvent(event);
      });
    }
  };

  handlers.onStatus('connecting');
  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
