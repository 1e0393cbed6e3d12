import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import type { LiveEvent } from '../../src/suggestions/live-feed.ts';
import type { StoredSuggestion } from '../../src/suggestions/suggestion-store.ts';
import { chunkGate } from '../support/chunk-gate.ts';
import { api, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { startFakeLlmServer, json, type FakeLlmServer, type Step } from '../support/fake-llm-server.ts';
import { approvalIdOf } from '../../src/suggestions/approval-store.ts';
import { llmEnv, RISKY_DRAFT, SAFE_DRAFT } from '../support/risky-model.ts';
import { startTestService } from '../support/service-fixture.ts';

let service: Service;
let model: FakeLlmServer;
let stop: () => Promise<void>;
let guide: ReturnType<typeof api>;
let customers: string[];

const DRAFTS = ['您好，这款有M码，要帮您留一件吗？', '这款版型偏宽松，平时穿M选M就好。', '您方便的话可以到店试穿。'];
const answer = (drafts = DRAFTS): string => JSON.stringify({ drafts: drafts.map((text) => ({ text, source_id: null })), tags: [], summary: '顾客问尺码', next_action: '确认尺码' });
/** The answer in pieces that each end right after one draft (and one last piece). */
function afterEachDraft(content: string, drafts = DRAFTS): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const text of drafts) {
    const at = content.indexOf('}', content.indexOf(JSON.stringify(text), from)) + 1;
    parts.push(content.slice(from, at));
    from = at;
  }
  return [...parts, content.slice(from)];
}

beforeAll(async () => {
  model = await startFakeLlmServer();
  ({ service, stop } = await startTestService({ ...llmEnv(model), ASSIST_DEBOUNCE_MS: '20' }));
  await eventually(() => service.stores.store.listFollowed('guide.lin'), (list) => list.length === 8);
  customers = await service.stores.store.listFollowed('guide.lin');
  guide = api(service, (await signIn(service, 'guide.lin')).cookie);
});

afterAll(async () => {
  await stop();
  await model.close();
});

const suggestionEvents = async (customerId: string, after = '0-0'): Promise<Array<Extract<LiveEvent, { type: 'suggestion' }>>> =>
  (await service.stores.feed.since('guide.lin', after, 500))
    .map((e) => e.event)
    .filter((e): e is Extract<LiveEvent, { type: 'suggestion' }> => e.type === 'suggestion' && e.customerId === customerId);
const stored = (customerId: string): Promise<StoredSuggestion | undefined> => service.stores.suggestions.get('guide.lin', customerId);

async function say(customerId: string, text: string): Promise<void> {
  const res = await guide.post(`/api/customers/${customerId}/paste`, { text });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

describe('the suggestion job in LLM mode', () => {
  it('publishes the offline drafts at once, then each model draft as an update of the same suggestion', async () => {
    const customer = customers[0] as string;
    const gate = chunkGate();
    const content = answer();
    model.enqueue({ kind: 'content', content, chunks: afterEachDraft(content), gate: gate.gate });
    await say(customer, '这件大衣有M码吗？');

    const first = await eventually(() => stored(customer), (s) => s?.modelStatus === 'streaming');
    expect(first).toMatchObject({ engine: 'offline', modelStatus: 'streaming', status: 'fresh' });
    expect(first?.drafts.every((d) => d.source !== 'model')).toBe(true);
    // The feed is written just after the store: wait for it, then there is exactly one (the model is held).
    expect(await eventually(() => suggestionEvents(customer), (events) => events.length > 0)).toHaveLength(1);

    gate.open(0);
    const second = await eventually(() => stored(customer), (s) => s?.drafts[0]?.source === 'model');
    // Published while the model is still held after its first draft.
    expect(second).toMatchObject({ id: first?.id, modelStatus: 'streaming' });
    expect(second?.drafts[0]).toMatchObject({ id: 'd1', text: DRAFTS[0], needsApproval: false });
    expect(await eventually(() => suggestionEvents(customer), (events) => events.length > 1)).toHaveLength(2);

    gate.openAll();
    const done = await eventually(() => stored(customer), (s) => s?.modelStatus === 'done');
    expect(done).toMatchObject({ id: first?.id, engine: 'llm', modelStatus: 'done' });
    expect(done?.drafts.map((d) => d.text)).toEqual(DRAFTS);
    const events = await suggestionEvents(customer);
    expect(events.length).toBeGreaterThan(2);
    expect(new Set(events.map((e) => e.suggestionId))).toEqual(new Set([first?.id]));
  });

  it('holds a risky model draft before it is visible, and sends it to review with the final state', async () => {
    const customer = customers[3] as string;
    const gate = chunkGate();
    const drafts = [RISKY_DRAFT, SAFE_DRAFT];
    const content = answer(drafts);
    model.enqueue({ kind: 'content', content, chunks: afterEachDraft(content, drafts), gate: gate.gate });
    await say(customer, '今天买有折扣吗？');
    gate.open(0);
    const held = await eventually(() => stored(customer), (s) => s?.drafts[0]?.source === 'model');
    expect(held?.modelStatus).toBe('streaming');
    expect(held?.drafts[0]).toMatchObject({ id: 'd1', text: RISKY_DRAFT, needsApproval: true });
    expect(held?.drafts[0]?.flags.length).toBeGreaterThan(0);

    gate.openAll();
    const done = await eventually(() => stored(customer), (s) => s?.modelStatus === 'done');
    expect(done?.drafts.map((d) => [d.text, d.needsApproval])).toEqual([
      [RISKY_DRAFT, true],
      [SAFE_DRAFT, false],
    ]);
    const approvals = await eventually(() => service.stores.approvals.many([approvalIdOf(done?.id ?? '', 'd1')]), (a) => a.length === 1);
    expect(approvals[0]).toMatchObject({ state: 'pending', originalText: RISKY_DRAFT, customerId: customer });
  });

  it('aborts the model call when the customer writes again, and drops the rest of it', async () => {
    const customer = customers[1] as string;
    const gate = chunkGate();
    const content = answer();
    model.enqueue({ kind: 'content', content, chunks: afterEachDraft(content), gate: gate.gate }, json(JSON.parse(answer(['好的，黑色也有M码。']))));
    await say(customer, '这件大衣有M码吗？');
    gate.open(0);
    const stale = await eventually(() => stored(customer), (s) => s?.drafts[0]?.source === 'model');
    const abortedBefore = model.aborted();

    await say(customer, '黑色的呢？');
    const next = await eventually(() => stored(customer), (s) => s?.modelStatus === 'done');
    expect(next?.id).not.toBe(stale?.id);
    expect(next?.drafts.map((d) => d.text)).toEqual(['好的，黑色也有M码。']);
    // The old job sees the newer message and ends its model call.
    expect(await eventually(async () => model.aborted(), (n) => n > abortedBefore)).toBeGreaterThan(abortedBefore);
    gate.openAll();
    // The abandoned answer never came back as an update.
    const ids = (await suggestionEvents(customer)).map((e) => e.suggestionId);
    expect(ids.filter((id) => id === stale?.id)).toHaveLength(2);
  });

  it('keeps the offline drafts and says why when the stream breaks and the plain call fails too', async () => {
    const customer = customers[2] as string;
    model.enqueue({ kind: 'broken_stream', content: answer(), after: 3 }, { kind: 'status', status: 503, message: 'overloaded' });
    await say(customer, '可以到店试穿吗？');
    const failed = await eventually(() => stored(customer), (s) => s?.modelStatus === 'failed');
    expect(failed).toMatchObject({ engine: 'offline', fallbackReason: 'server_error' });
    expect(failed?.drafts.every((d) => d.source !== 'model')).toBe(true);
  });

  it('one hanging model never delays another conversation: every offline suggestion is out while all model calls hang', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    model.setDefault(() => ({ kind: 'hang', release: released, answer: json(JSON.parse(answer(['您好，我帮您看看。']))) } satisfies Step));
    const six = customers.slice(2, 8);
    const before = model.requests.length;
    for (const customer of six) await say(customer, '有新款吗？');

    const firsts = await eventually(
      () => Promise.all(six.map((c) => stored(c))),
      (all) => all.every((s) => s?.modelStatus === 'streaming' && s.answeredMessageIds.length > 0),
    );
    expect(firsts.map((s) => s?.engine)).toEqual(six.map(() => 'offline'));
    // Every model call is in flight and none has an answer yet.
    await eventually(async () => model.requests.length - before, (n) => n === six.length);
    expect(model.requests.length - before).toBe(six.length);

    release();
    const done = await eventually(
      () => Promise.all(six.map((c) => stored(c))),
      (all) => all.every((s) => s?.modelStatus === 'done'),
    );
    expect(done.map((s) => s?.drafts[0]?.text)).toEqual(six.map(() => '您好，我帮您看看。'));
    expect(done.map((s) => s?.id)).toEqual(firsts.map((s) => s?.id));
  });
});
