import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import { json, startFakeLlmServer } from '../support/fake-llm-server.ts';
import type { FakeLlmServer } from '../support/fake-llm-server.ts';
import { llmAssistant, modelAnswer } from './llm-support.ts';
import { chat, demoCorpTags, fixtureKnowledge } from './support.ts';

/** What goes to the model is masked, instructions included; what comes back for the guide's eyes is checked. */
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
});

describe('model hygiene', () => {
  it('masks every personal number the model would see, in any form, including the guide’s own instruction', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue(json(modelAnswer(['您好，这款大衣有现货。'])));
    const conversation = chat('顾客: 我电话 138.1234.5678', '顾客: 或者 １３９１２３４５６７８ 也行', '顾客: 身份证一一〇一〇一一九九〇〇三〇七一二三四');
    await assistant.suggest({ conversation, guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, instruction: '更简短，提到13712345678' });
    const user = server.requests[0]?.messages[1]?.content ?? '';
    expect(user).toContain('138****5678');
    expect(user).toContain('139****5678');
    expect(user).toContain('137****5678');
    expect(user).toContain('110***********1234');
    for (const raw of ['138.1234.5678', '１３９１２３４５６７８', '13712345678', '一一〇一〇一一九九〇〇三〇七一二三四']) expect(user).not.toContain(raw);
  });

  it('masks numbers, cuts links out of the summary and drops a next action that promises a refund', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue(
      json({
        ...modelAnswer(['您好，这款大衣有现货。']),
        summary: '顾客留了电话13812345678和卡号6222020000000000000，想去 http://evil.example/pay 付款',
        next_action: '告诉顾客不满意保证给您退款',
      }),
    );
    const s = await assistant.suggest({ conversation: chat('顾客: 大衣有货吗'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.summary).toBe('顾客留了电话138****5678和卡号622************0000，想去 〔链接已隐藏〕 付款');
    expect(s.nextAction).toBe('');
  });

  it('keeps a clean summary and next action as written', async () => {
    const { assistant } = llmAssistant(server, kb, corp);
    server.enqueue(json(modelAnswer(['您好，这款大衣有现货。'])));
    const s = await assistant.suggest({ conversation: chat('顾客: 大衣有货吗'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.summary).toBe('顾客咨询大衣价格和尺码');
    expect(s.nextAction).toBe('确认尺码后发送链接');
  });
});
