import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import { suggestionSchema } from '../../src/assist/suggestion-schema.ts';
import { json, startFakeLlmServer } from '../support/fake-llm-server.ts';
import type { FakeLlmServer } from '../support/fake-llm-server.ts';
import { llmAssistant, modelAnswer, tagId } from './llm-support.ts';
import { chat, demoCorpTags, fixtureKnowledge } from './support.ts';

let server: FakeLlmServer;
let kb: KnowledgeBase;
let corp: CorpTagLibrary;
const NOW = 1_700_000_000_000;

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

const conversation = chat('顾客: 双面羊毛呢大衣多少钱', '顾客: 我是干皮 电话13812345678');

describe('LLM engine through the real openai SDK', () => {
  it('uses a valid answer: model drafts, catalog prices, library tags, usage and latency', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue(
      json(
        modelAnswer(
          ['双面羊毛呢大衣是{price:T-COAT-1}元，金卡会员可以享95折。', '这款{price:NO-SUCH-SKU}元', '您平时穿什么尺码呢？'],
          [{ tag_id: tagId(corp, '肤质/干性'), evidence: '我是干皮', message_id: 'm2', confidence: 0.9 }],
        ),
      ),
    );
    const s = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.engine).toBe('llm');
    expect(s.fallbackReason).toBeUndefined();
    expect(s.drafts.map((d) => d.text)).toEqual(['双面羊毛呢大衣是1299元，金卡会员可以享95折。', '您平时穿什么尺码呢？']);
    expect(s.drafts.every((d) => d.source === 'model')).toBe(true);
    expect(s.drafts[0]?.skus).toEqual(['T-COAT-1']);
    expect(s.drafts[0]?.flags).toEqual([]);
    expect(s.tags).toEqual([{ tag: '肤质/干性', tagId: tagId(corp, '肤质/干性'), evidence: '我是干皮', messageId: 'm2', confidence: 0.9 }]);
    expect(s.usage?.calls).toHaveLength(1);
    expect(s.usage?.promptTokens).toBe(120);
    expect(s.usage?.totalTokens).toBe(160);
    expect(s.usage?.calls[0]?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(suggestionSchema.safeParse(s).success).toBe(true);

    const request = server.requests[0];
    expect(request?.model).toBe('fake-model');
    expect(request?.response_format?.type).toBe('json_schema');
    const system = request?.messages[0]?.content ?? '';
    expect(system).toContain('满1000减100');
    expect(system).toContain('只是数据');
    const user = request?.messages[1]?.content ?? '';
    expect(user).toContain('138****5678');
    expect(user).not.toContain('13812345678');
    expect(user).toContain(tagId(corp, '肤质/干性'));
  });

  it('hands the model the dialogue state as data: intents, slots with their message, the fitting products', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue(json(modelAnswer(['好的，我帮您看看。'])));
    const talk = chat('顾客: 想买件大衣 预算一千五左右', '导购: 好的，您穿什么码？', '顾客: M码，电话13812345678');
    const s = await assistant.suggest({ conversation: talk, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.engine).toBe('llm');
    const user = server.requests[0]?.messages[1]?.content ?? '';
    const data = JSON.parse(user.slice(user.indexOf('{'))) as { dialogue_state: { slots: Record<string, { value: string; messageId: string }> }; knowledge: { products: { sku: string }[] } };
    expect(data.dialogue_state.slots.budget).toMatchObject({ value: '1500左右', messageId: 'm1' });
    expect(data.dialogue_state.slots.size).toMatchObject({ value: 'M', messageId: 'm3' });
    expect(user).not.toContain('13812345678');
    // Products that meet the stated needs are offered to the model.
    const offered = data.knowledge.products.map((p) => kb.productBySku.get(p.sku));
    expect(offered.some((p) => p?.subcategory === '大衣' && p.price >= 1125 && p.price <= 1875)).toBe(true);
    expect(server.requests[0]?.messages[0]?.content).toContain('dialogue_state');
    expect(s.state?.slots.budget?.value).toBe('1500左右');
  });

  it('repairs an invalid answer once by sending the validation error back', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue({ kind: 'content', content: '好的，以下是回复：{"drafts": [' }, json(modelAnswer(['您好，这款是双面羊毛呢大衣。'])));
    const s = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.engine).toBe('llm');
    expect(s.usage?.calls.map((c) => c.attempt)).toEqual(['first', 'repair']);
    const repair = server.requests[1]?.messages ?? [];
    expect(repair.at(-2)?.role).toBe('assistant');
    expect(repair.at(-1)?.content).toContain('不符合要求');
  });

  it('falls back to the offline engine when the repair is invalid too', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue(json({ drafts: [] }), json({ answer: 'still wrong' }));
    const s = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.engine).toBe('offline');
    expect(s.fallbackReason).toBe('invalid_output');
    expect(s.drafts.length).toBeGreaterThan(0);
    expect(s.drafts.every((d) => d.source !== 'model')).toBe(true);
    expect(s.usage?.calls).toHaveLength(2);
  });

  it('drops tags outside the library or without a verbatim quote, and counts them', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue(
      json(
        modelAnswer(
          ['好的，我帮您看看。'],
          [
            { tag_id: 'not-a-tag', evidence: '我是干皮', message_id: 'm2', confidence: 0.9 },
            { tag_id: tagId(corp, '肤质/油性'), evidence: '我是油皮', message_id: 'm2', confidence: 0.8 },
            { tag_id: tagId(corp, '肤质/干性'), evidence: '我是干皮', message_id: 'm9', confidence: 0.8 },
            { tag_id: tagId(corp, '意向品类/服装'), evidence: '双面羊毛呢大衣', message_id: 'm1', confidence: 0.7 },
          ],
        ),
      ),
    );
    const s = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.tags.map((t) => t.tag)).toEqual(['意向品类/服装']);
    expect(s.usage?.droppedTags).toBe(3);
  });

  it('keeps one tag per single-choice group', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue(
      json(
        modelAnswer(
          ['好的'],
          [
            { tag_id: tagId(corp, '肤质/干性'), evidence: '我是干皮', message_id: 'm2', confidence: 0.9 },
            { tag_id: tagId(corp, '肤质/敏感性'), evidence: '我是干皮', message_id: 'm2', confidence: 0.5 },
          ],
        ),
      ),
    );
    const s = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.tags.map((t) => t.tag)).toEqual(['肤质/干性']);
  });

  it('falls back on a slow answer without retrying', async () => {
    const { assistant } = llmAssistant(server, kb, corp, { timeoutMs: 300 });
    server.enqueue(json(modelAnswer(['太慢了']), 5000));
    const s = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.engine).toBe('offline');
    expect(s.fallbackReason).toBe('timeout');
    expect(s.usage?.calls.map((c) => c.outcome)).toEqual(['timeout']);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 429 or 500 once, then falls back', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue({ kind: 'status', status: 429 }, json(modelAnswer(['第二次就好了'])));
    const retried = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(retried.engine).toBe('llm');
    expect(retried.usage?.calls.map((c) => c.attempt)).toEqual(['first', 'retry']);

    server.enqueue({ kind: 'status', status: 429 }, { kind: 'status', status: 429 });
    const limited = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(limited.fallbackReason).toBe('rate_limited');

    server.enqueue({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    const down = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(down.engine).toBe('offline');
    expect(down.fallbackReason).toBe('server_error');
    expect(down.usage?.calls).toHaveLength(2);
  });

  it('switches to JSON mode for good when the provider rejects json_schema', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.setDefault(() => ({ kind: 'no_json_schema', otherwise: json(modelAnswer(['JSON 模式也可以'])) }));
    const first = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(first.engine).toBe('llm');
    expect(first.usage?.calls.map((c) => c.attempt)).toEqual(['first', 'json_object']);
    const second = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(second.usage?.calls.map((c) => c.attempt)).toEqual(['first']);
    expect(server.requests.map((r) => r.response_format?.type)).toEqual(['json_schema', 'json_object', 'json_object']);
  });

  it('opens the circuit after consecutive failures and closes it after a good trial', async () => {
    const { assistant, engine } = llmAssistant(server, kb, corp, { failureThreshold: 2, cooldownMs: 60_000 });
    server.setDefault(() => ({ kind: 'status', status: 500 }));
    for (let i = 0; i < 2; i++) {
      const s = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW + i });
      expect(s.fallbackReason).toBe('server_error');
    }
    expect(engine.breaker.state(NOW + 2)).toBe('open');
    const sent = server.requests.length;
    const open = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW + 1000 });
    expect(open.fallbackReason).toBe('circuit_open');
    expect(open.engine).toBe('offline');
    expect(server.requests).toHaveLength(sent);

    server.setDefault(() => json(modelAnswer(['恢复了'])));
    const trial = await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW + 61_000 });
    expect(trial.engine).toBe('llm');
    expect(engine.breaker.state(NOW + 61_001)).toBe('closed');
  });
});
