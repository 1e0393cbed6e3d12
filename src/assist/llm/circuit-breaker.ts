/**
 * A circuit breaker for the model provider: after `failureThreshold` consecutive failures it opens for
 * `cooldownMs`, sending every suggestion straight to the offline engine; then one trial call decides
 * (half-open). Time is passed in, so tests need no sleeps.
 */

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface CircuitBreaker {
  /** May a call go out now? In half-open state only one trial call is let through. */
  tryAcquire(now: number): boolean;
  onSuccess(): void;
  onFailure(now: number): void;
  /** The call was called off by the caller (its answer went stale): no verdict, and a trial slot is free again. */
  onCancel(): void;
  state(now: number): BreakerState;
}

export interface BreakerOptions {
  failureThreshold?: number;
  cooldownMs?: number;
}

export function createCircuitBreaker(options: BreakerOptions = {}): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const cooldownMs = options.cooldownMs ?? 30_000;
  let failures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;

  const state = (now: number): BreakerState => {
    if (openedAt === undefined) return 'closed';
    return now - openedAt >= cooldownMs ? 'half_open' : 'open';
  };

  return {
    state,
    tryAcquire(now) {
      const current = state(now);
      if (current === 'closed') return true;
      if (current === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    onSuccess() {
      failures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    onCancel() {
      trialInFlight = false;
    },
    onFailure(now) {
      failures++;
      // A failed trial re-opens at once; otherwise open on reaching the threshold.
      if (trialInFlight || failures >= threshold) openedAt = now;
      trialInFlight = false;
    },
  };
}
