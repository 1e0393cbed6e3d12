import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import type { LiveEvent } from '../suggestions/live-feed.ts';

export type LiveListener = (id: string, event: LiveEvent) => void;

/**
 * One pattern subscription per web process fans the guides' live channels out to the SSE connections this
 * process holds, so any web process can serve any guide.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly prefix: string;

  constructor(
    private readonly subscriber: RedisClient,
    keys: Keys,
  ) {
    this.prefix = keys.guideChannel('');
    subscriber.on('pmessage', (_pattern, channel: string, message: string) => {
      const guideId = channel.slice(this.prefix.length);
      const set = this.listeners.get(guideId);
      if (!set) return;
      const { id, event } = JSON.parse(message) as { id: string; event: LiveEvent };
      for (const listener of set) listener(id, event);
    });
  }

  async start(): Promise<void> {
    await this.subscriber.psubscribe(`${this.prefix}*`);
  }

  add(guideId: string, listener: LiveListener): () => void {
    const set = this.listeners.get(guideId) ?? new Set();
    set.add(listener);
    this.listeners.set(guideId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(guideId);
    };
  }

  get connections(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.subscriber.punsubscribe().catch(() => undefined);
    this.subscriber.disconnect();
  }
}

/** Stream ids are "<ms>-<seq>"; compares them in order. */
export function streamIdAfter(a: string, b: string): boolean {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am > bm || (am === bm && as > bs);
}
