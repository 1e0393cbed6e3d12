import { describe, expect, it } from 'vitest';
import type { StoredSuggestion } from '../../web/sidebar/src/api-types.ts';
import { FeedbackLedger, type KeyValueStore } from '../../web/sidebar/src/feedback-ledger.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function suggestion(id: string, draftIds: string[]): StoredSuggestion {
  return {
    id,
    guideId: 'guide.lin',
    customerId: 'wmLT0001',
    createdAt: 1,
    status: 'fresh',
    drafts: draftIds.map((d) => ({ id: d, source: 'script', text: d, skus: [], flags: [], needsApproval: false })),
    tags: [],
    summary: '',
    nextAction: '',
    engine: 'offline',
    latencyMs: 1,
    answeredMessageIds: [],
  };
}

describe('FeedbackLedger', () => {
  it('reports a draft as newly shown once, also after a reload on the same store', () => {
    const store = memoryStore();
    const ledger = new FeedbackLedger(store);
    expect(ledger.markShown('s1', 'd1')).toBe(true);
    expect(ledger.markShown('s1', 'd1')).toBe(false);
    expect(ledger.markShown('s1', 'd2')).toBe(true);
    const reloaded = new FeedbackLedger(store);
    expect(reloaded.markShown('s1', 'd1')).toBe(false);
    expect(reloaded.markShown('s2', 'd1')).toBe(true);
  });

  it('a send is never downgraded by a later copy', () => {
    const ledger = new FeedbackLedger();
    ledger.markActed('s1', 'd1', 'copied');
    ledger.markActed('s1', 'd1', 'sent');
    ledger.markActed('s1', 'd1', 'copied');
    expect(ledger.outcomeOf('s1', 'd1')).toBe('sent');
  });

  it('drafts shown and untouched count as ignored once, when the guide replaces them', () => {
    const store = memoryStore();
    const ledger = new FeedbackLedger(store);
    const first = suggestion('s1', ['d1', 'd2', 'd3']);
    for (const d of ['d1', 'd2', 'd3']) ledger.markShown('s1', d);
    ledger.markActed('s1', 'd2', 'sent');
    expect(ledger.takeUntouched(first)).toEqual(['d1', 'd3']);
    expect(ledger.takeUntouched(first)).toEqual([]);
    expect(ledger.takeUntouched(null)).toEqual([]);
    expect(new FeedbackLedger(store).outcomeOf('s1', 'd1')).toBe('ignored');
    expect(new FeedbackLedger(store).outcomeOf('s1', 'd2')).toBe('sent');
  });

  it('a draft never shown (held for review) is not ignored', () => {
    const ledger = new FeedbackLedger();
    ledger.markShown('s1', 'd1');
    expect(ledger.takeUntouched(suggestion('s1', ['d1', 'held']))).toEqual(['d1']);
  });

  it('survives a store that holds garbage or refuses writes', () => {
    const broken: KeyValueStore = {
      getItem: () => '{"shown": 5, "acted": [["s1:d1", "exploded"], 7]}',
      setItem: () => {
        throw new Error('quota');
      },
    };
    const ledger = new FeedbackLedger(broken);
    expect(ledger.outcomeOf('s1', 'd1')).toBeUndefined();
    expect(ledger.markShown('s1', 'd1')).toBe(true);
    expect(ledger.markShown('s1', 'd1')).toBe(false);
  });
});
