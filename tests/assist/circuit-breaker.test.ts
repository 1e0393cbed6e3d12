import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../src/assist/llm/circuit-breaker.ts';

describe('circuit breaker', () => {
  it('opens after N consecutive failures, lets one trial through after the cool-down, closes on success', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 1000 });
    const t0 = 1_000_000;
    for (let i = 0; i < 2; i++) {
      expect(breaker.tryAcquire(t0)).toBe(true);
      breaker.onFailure(t0);
    }
    expect(breaker.state(t0)).toBe('closed');
    expect(breaker.tryAcquire(t0)).toBe(true);
    breaker.onFailure(t0);
    expect(breaker.state(t0 + 1)).toBe('open');
    expect(breaker.tryAcquire(t0 + 999)).toBe(false);
    expect(breaker.state(t0 + 1000)).toBe('half_open');
    expect(breaker.tryAcquire(t0 + 1000)).toBe(true);
    expect(breaker.tryAcquire(t0 + 1001)).toBe(false);
    breaker.onSuccess();
    expect(breaker.state(t0 + 1002)).toBe('closed');
    expect(breaker.tryAcquire(t0 + 1002)).toBe(true);
  });

  it('re-opens at once when the trial call fails, and a success resets the count', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2, cooldownMs: 500 });
    breaker.onFailure(0);
    breaker.onSuccess();
    breaker.onFailure(10);
    expect(breaker.state(10)).toBe('closed');
    breaker.onFailure(20);
    expect(breaker.state(20)).toBe('open');
    expect(breaker.tryAcquire(520)).toBe(true);
    breaker.onFailure(520);
    expect(breaker.state(521)).toBe('open');
    expect(breaker.tryAcquire(1019)).toBe(false);
    expect(breaker.tryAcquire(1020)).toBe(true);
  });

  it('a trial call the caller called off frees the trial slot without a verdict', () => {
    const breaker = createCircuitBreaker({ failureThreshold: 1, cooldownMs: 500 });
    breaker.onFailure(0);
    expect(breaker.tryAcquire(500)).toBe(true);
    expect(breaker.tryAcquire(501)).toBe(false);
    breaker.onCancel();
    expect(breaker.state(502)).toBe('half_open');
    expect(breaker.tryAcquire(502)).toBe(true);
  });
});
