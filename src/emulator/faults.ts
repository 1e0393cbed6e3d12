/** Ways to make the emulated WeCom misbehave on purpose, for tests and the demo. */
export interface Faults {
  /** Added before every `/cgi-bin/` answer. */
  latencyMs: number;
  /** Lifetime (`expires_in`) of tokens issued from now on. */
  tokenExpiresIn: number;
  /** Most items one kf/sync_msg page returns (WeCom's own maximum is 1000). */
  kfPageSize: number;
  /** The next N kf/sync_msg calls answer has_more=1 with an empty list (WeCom does that). */
  kfEmptyPages: number;
  /** The next `count` calls (to `path`, or to any API but gettoken) answer `errcode`. */
  failNext(errcode: number, count?: number, path?: string): void;
  /** Every token issued so far answers 42001 from now on (WeCom revoking tokens early). */
  expireTokens(): void;
  reset(): void;
  /** The errcode to answer for this call, if a failure is queued for it (consumes one). */
  takeFailure(path: string): number | undefined;
  /** Bumped by expireTokens(): a token issued in an older generation is expired. */
  readonly tokenGeneration: number;
}

interface QueuedFailure {
  errcode: number;
  remaining: number;
  path?: string;
}

export function createFaults(): Faults {
  let queue: QueuedFailure[] = [];
  let generation = 0;
  const faults: Faults = {
    latencyMs: 0,
    tokenExpiresIn: 7200,
    kfPageSize: 1000,
    kfEmptyPages: 0,
    failNext(errcode, count = 1, path) {
      queue.push({ errcode, remaining: count, ...(path ? { path: path.replace(/^\/?(cgi-bin\/)?/, '') } : {}) });
    },
    expireTokens() {
      generation += 1;
    },
    reset() {
      queue = [];
      faults.latencyMs = 0;
      faults.tokenExpiresIn = 7200;
      faults.kfPageSize = 1000;
      faults.kfEmptyPages = 0;
    },
    takeFailure(path) {
      const hit = queue.find((f) => (f.path === undefined ? path !== 'gettoken' : f.path === path));
      if (!hit) return undefined;
      hit.remaining -= 1;
      if (hit.remaining <= 0) queue = queue.filter((f) => f !== hit);
      return hit.errcode;
    },
    get tokenGeneration() {
      return generation;
    },
  };
  return faults;
}
