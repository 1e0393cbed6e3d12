import { describe, expect, it } from 'vitest';
import type { Draft } from '../../web/sidebar/src/api-types.ts';
import { modelSlots } from '../../web/sidebar/src/model-slots.ts';

const draft = (id: string, source: Draft['source']): Draft => ({ id, source, text: `${source} ${id}`, skus: [], flags: [], needsApproval: false });
const offline = [draft('d1', 'script'), draft('d2', 'faq'), draft('d3', 'script')];

describe('modelSlots', () => {
  const cases: Array<{ name: string; drafts: Draft[]; modelStatus?: 'streaming' | 'done' | 'failed'; status?: 'fresh' | 'stale'; pending: boolean[]; more: boolean; streaming: boolean }> = [
    { name: 'offline engine: nothing pending', drafts: offline, pending: [false, false, false], more: false, streaming: false },
    { name: 'just started: every offline slot waits for a model draft', drafts: offline, modelStatus: 'streaming', pending: [true, true, true], more: false, streaming: true },
    { name: 'one model draft in: the other two slots still wait', drafts: [draft('d1', 'model'), offline[1]!, offline[2]!], modelStatus: 'streaming', pending: [false, true, true], more: false, streaming: true },
    { name: 'fewer offline drafts than slots: one more may come', drafts: [draft('d1', 'model')], modelStatus: 'streaming', pending: [false], more: true, streaming: true },
    { name: 'no offline draft at all: a placeholder while the model writes', drafts: [], modelStatus: 'streaming', pending: [], more: true, streaming: true },
    { name: 'model done', drafts: [draft('d1', 'model'), draft('d2', 'model')], modelStatus: 'done', pending: [false, false], more: false, streaming: false },
    { name: 'model failed: offline drafts, nothing pending', drafts: offline, modelStatus: 'failed', pending: [false, false, false], more: false, streaming: false },
    { name: 'a stale suggestion waits for nothing', drafts: offline, modelStatus: 'streaming', status: 'stale', pending: [false, false, false], more: false, streaming: false },
  ];
  it.each(cases)('$name', (c) => {
    const result = modelSlots({ drafts: c.drafts, status: c.status ?? 'fresh', ...(c.modelStatus ? { modelStatus: c.modelStatus } : {}) });
    expect(result.slots.map((s) => s.pending)).toEqual(c.pending);
    expect(result.slots.map((s) => s.draft)).toEqual(c.drafts);
    expect(result.more).toBe(c.more);
    expect(result.streaming).toBe(c.streaming);
  });
});
