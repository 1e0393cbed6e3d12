import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { chunkGate } from '../support/chunk-gate.ts';
import { json, startFakeLlmServer } from '../support/fake-llm-server.ts';
import type { FakeLlmServer } from '../support/fake-llm-server.ts';
import { eventually } from '../support/eventually.ts';
import { llmAssistant, modelAnswer } from './llm-support.ts';
import { chat, demoCorpTags, fixtureKnowledge } from './support.ts';

let server: FakeLlmServer;
let kb: KnowledgeBase;
let corp: CorpTagLibrary;
const NOW = 1_700_000_000_000;
const conversation = chat('顾客: 双面羊毛呢大衣多少钱', '顾客: 有M码吗');
const input = { conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW };
const DRAFTS = ['双面羊毛呢大衣是{price:T-COAT-1}元，您平时穿什么码？', '这款M码有货，要帮您留一件吗？', '您可以到店试穿，我们帮您预留。'];

beforeAll(async () => {
  server = await startFakeLlmServer();
  kb = await fixtureKnowledge();
  corp = await demoCorpTags();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  server.setDefault(() => ({ kind: 'status', status: 500, message: 'unscripted request' }));
});

/** The answer split so that piece i ends right after draft i closes (the rest is one last piece). */
function splitAfterDrafts(answer: string, texts: string[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const text of texts) {
    const at = answer.indexOf('}', answer.indexOf('"source_id"', answer.indexOf(JSON.stringify(text), from))) + 1;
    parts.push(answer.slice(from, at));
    from = at;
  }
  parts.push(answer.slice(from));
  return parts;
}

describe('model drafts stream in', () => {
  it('shows the offline drafts at once and each model draft as soon as it is complete', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    const answer = JSON.stringify(modelAnswer(DRAFTS));
    const gate = chunkGate();
    server.enqueue({ kind: 'content', content: answer, chunks: splitAfterDrafts(answer, DRAFTS), gate: gate.gate });
    const updates: Suggestion[] = [];
    const live = assistant.suggestLive(input, { signal: new AbortController().signal, onUpdate: (s) => updates.push(s) });
    const finished = live?.finish();
    expect(live).toBeDefined();
    expect(live?.first.engine).toBe('offline');
    expect(live?.first.modelStatus).toBe('streaming');
    expect(live?.first.drafts.length).toBeGreaterThan(0);
    expect(live?.first.drafts.every((d) => d.source !== 'model')).toBe(true);

    gate.open(0);
    await eventually(async () => updates.length, (n) => n === 1);
    // The stream is held after the first draft: it is on the way before the model has written the rest.
    expect(updates[0]?.drafts[0]).toMatchObject({ id: 'd1', source: 'model', text: '双面羊毛呢大衣是1299元，您平时穿什么码？', skus: ['T-COAT-1'] });
    expect(updates[0]?.drafts.slice(1)).toEqual(live?.first.drafts.slice(1));
    gate.open(1);
    await eventually(async () => updates.length, (n) => n === 2);
    expect(updates[1]?.drafts.slice(0, 2).map((d) => [d.id, d.source])).toEqual([
      ['d1', 'model'],
      ['d2', 'model'],
    ]);
    gate.openAll();
    const final = await finished;
    expect(updates).toHaveLength(3);
    expect(final).toMatchObject({ engine: 'llm', modelStatus: 'done' });
    expect(final?.drafts.map((d) => d.text)).toEqual(updates[2]?.drafts.map((d) => d.text));
    expect(server.requests[0]?.stream).toBe(true);
  });

  it('aborts the model call when the caller says the answer is stale, and drops the rest', async () => {
    const { assistant, engine } = llmAssistant(server, kb, corp, { failureThreshold: 1 });
    const answer = JSON.stringify(modelAnswer(DRAFTS));
    const gate = chunkGate();
    server.enqueue({ kind: 'content', content: answer, chunks: splitAfterDrafts(answer, DRAFTS), gate: gate.gate });
    const controller = new AbortController();
    const updates: Suggestion[] = [];
    const live = assistant.suggestLive(input, { signal: controller.signal, onUpdate: (s) => updates.push(s) });
    const finished = live?.finish();
    gate.open(0);
    await eventually(async () => updates.length, (n) => n === 1);
    const abortedBefore = server.aborted();
    controller.abort();
    expect(await finished).toBeUndefined();
    await eventually(async () => server.aborted(), (n) => n === abortedBefore + 1);
    gate.openAll();
    expect(updates).toHaveLength(1);
    // A stale answer is not the provider's failure.
    expect(engine.breaker.state(NOW)).toBe('closed');
  });

  it('falls back to the plain call once on a broken stream, and remembers it', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    const answer = JSON.stringify(modelAnswer(DRAFTS.slice(1)));
    server.enqueue({ kind: 'broken_stream', content: answer, after: 2 }, json(modelAnswer(DRAFTS.slice(1))), json(modelAnswer(DRAFTS.slice(2))));
    const first = await assistant.suggest(input);
    expect(first.engine).toBe('llm');
    expect(first.usage?.calls.map((c) => [c.attempt, c.outcome])).toEqual([
      ['first', 'invalid_output'],
      ['no_stream', 'ok'],
    ]);
    expect(first.drafts.map((d) => d.text)).toEqual(DRAFTS.slice(1));
    expect(server.requests.map((r) => r.stream ?? false)).toEqual([true, false]);
    const second = await assistant.suggest(input);
    expect(second.drafts.map((d) => d.text)).toEqual(DRAFTS.slice(2));
    expect(server.requests.map((r) => r.stream ?? false)).toEqual([true, false, false]);
  });

  it('falls back to the plain call when the provider answers a stream request with plain JSON', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    const answer = JSON.stringify(modelAnswer(DRAFTS.slice(0, 1)));
    server.enqueue({ kind: 'content', content: answer, ignoreStream: true }, json(modelAnswer(DRAFTS.slice(0, 1))));
    const s = await assistant.suggest(input);
    expect(s.engine).toBe('llm');
    expect(s.usage?.calls.map((c) => c.attempt)).toEqual(['first', 'no_stream']);
    expect(server.requests.map((r) => r.stream ?? false)).toEqual([true, false]);
  });

  it('falls back to the plain call when the provider rejects stream with a 400 that names it, keeping json_schema', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue({ kind: 'status', status: 400, message: "'stream' is not supported by this model" }, json(modelAnswer(DRAFTS.slice(0, 1))));
    const s = await assistant.suggest(input);
    expect(s.engine).toBe('llm');
    expect(s.usage?.calls.map((c) => c.attempt)).toEqual(['first', 'no_stream']);
    expect(server.requests.map((r) => [r.stream ?? false, r.response_format?.type])).toEqual([
      [true, 'json_schema'],
      [false, 'json_schema'],
    ]);
  });

  it('ends with the offline drafts and the reason when the model times out mid-stream', async () => {
    const { assistant } = llmAssistant(server, kb, corp, { timeoutMs: 300 });
    const answer = JSON.stringify(modelAnswer(DRAFTS));
    const gate = chunkGate();
    server.enqueue({ kind: 'content', content: answer, chunks: splitAfterDrafts(answer, DRAFTS), gate: gate.gate });
    const updates: Suggestion[] = [];
    const live = assistant.suggestLive(input, { signal: new AbortController().signal, onUpdate: (s) => updates.push(s) });
    const finished = live?.finish();
    gate.open(0);
    const final = await finished;
    gate.openAll();
    expect(updates).toHaveLength(1);
    expect(final).toMatchObject({ engine: 'offline', modelStatus: 'failed', fallbackReason: 'timeout' });
    expect(final?.drafts).toEqual(live?.first.drafts);
  });

  it('has no live path while the circuit is open', async () => {
    const { assistant } = llmAssistant(server, kb, corp, { failureThreshold: 1 });
    server.setDefault(() => ({ kind: 'status', status: 503, message: 'overloaded' }));
    expect((await assistant.suggest(input)).fallbackReason).toBe('server_error');
    expect(assistant.suggestLive(input, { signal: new AbortController().signal, onUpdate: () => undefined })).toBeUndefined();
  });
});
