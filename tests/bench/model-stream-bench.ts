import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { startService, type Service } from '../../src/main.ts';
import { signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { startFakeLlmServer, type Step } from '../support/fake-llm-server.ts';
import { llmEnv } from '../support/risky-model.ts';
import { openSse } from '../support/sse-client.ts';
import { deleteUnder, testConfig } from '../support/test-service.ts';

/**
 * LLM mode through the whole service (a real signed 微信客服 callback from the emulator, the debounced job,
 * the live feed), against the local fake OpenAI-compatible server:
 * - llm_first_draft_p95_ms: customer message → the first model draft on the live feed, with a model that
 *   streams 40 tokens/s after a 500 ms first-token delay (a token taken as 2 characters of its JSON).
 *   Goal ≤ 2,500 ms with the 600 ms debounce.
 * - offline_first_draft_p95_ms_model_hanging: customer message → the first (offline) drafts on the live
 *   feed while every model call hangs, 6 conversations writing at once per round. Goal ≤ 1,000 ms.
 */
const TOKEN_CHARS = 2;
const TOKENS_PER_SEC = 40;
const FIRST_TOKEN_MS = 500;
const QUESTIONS = ['这件大衣有M码吗？', '预算一千左右有什么推荐', '送女朋友生日礼物买什么好', '面霜适合干皮吗', '快递几天能到', '会员有折扣吗'];
const ANSWER = JSON.stringify({
  drafts: [
    { text: '您好，这款目前有货，您平时穿什么尺码呢？我帮您看看合适的码数。', source_id: null },
    { text: '这款版型偏宽松，平时穿M的选M就好，不确定的话可以到店试穿。', source_id: null },
    { text: '您方便的话可以说下身高体重，我帮您推荐更合适的尺码和颜色。', source_id: null },
  ],
  tags: [],
  summary: '顾客咨询尺码',
  next_action: '确认尺码后推荐',
});

const p95 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] as number);
};

export async function benchModelStream(samples = 20, rounds = 4): Promise<{ llm_first_draft_p95_ms: number; offline_first_draft_p95_ms_model_hanging: number }> {
  const model = await startFakeLlmServer();
  const streaming: Step = { kind: 'content', content: ANSWER, chunkChars: TOKEN_CHARS, pace: { firstMs: FIRST_TOKEN_MS, everyMs: 1000 / TOKENS_PER_SEC } };
  model.setDefault(() => streaming);
  const config = testConfig({ REDIS_PREFIX: `bench:${randomUUID().slice(0, 8)}:`, ...llmEnv(model) });
  const service: Service = await startService(config, { log: pino({ level: 'silent' }) });
  let release = (): void => undefined;
  try {
    await eventually(() => service.stores.store.isFollowing('guide.lin', 'wmLT0001'), Boolean);
    const { cookie } = await signIn(service, 'guide.lin');
    const live = openSse(`${service.url}/api/live`, cookie);
    await live.ready;
    const customers = await service.stores.store.listFollowed('guide.lin');
    const say = (customer: string, i: number) => service.emulator!.actions.say({ guide: 'guide.lin', customer, from: 'customer', text: QUESTIONS[i % QUESTIONS.length] as string });

    // Model drafts streaming in: one conversation at a time, until its first model draft is on the feed.
    const firstModel: number[] = [];
    for (let i = 0; i < samples; i++) {
      const customer = customers[i % customers.length] as string;
      const previous = (await service.stores.suggestions.get('guide.lin', customer))?.id;
      const before = live.events.length;
      const started = performance.now();
      await say(customer, i);
      let checked = 0;
      await eventually(
        async () => {
          const mine = live.events.slice(before).filter((e) => e.event === 'suggestion' && e.data.customerId === customer);
          if (mine.length === checked) return false;
          checked = mine.length;
          // What the sidebar does on the event: fetch the suggestion.
          const s = await service.stores.suggestions.get('guide.lin', customer);
          return s !== undefined && s.id !== previous && s.drafts.some((d) => d.source === 'model');
        },
        Boolean,
        2000,
        5,
      );
      firstModel.push(performance.now() - started);
      await eventually(() => service.stores.suggestions.get('guide.lin', customer), (s) => s?.modelStatus !== 'streaming', 2000, 10);
    }

    // A model that never answers: six conversations write at once, each must see its offline drafts.
    const hanging = new Promise<void>((resolve) => (release = resolve));
    model.setDefault(() => ({ kind: 'hang', release: hanging, answer: streaming }));
    const offlineFirst: number[] = [];
    const six = customers.slice(0, 6);
    for (let round = 0; round < rounds; round++) {
      const before = live.events.length;
      await Promise.all(
        six.map(async (customer, i) => {
          const started = performance.now();
          await say(customer, round + i);
          await eventually(async () => live.events.slice(before), (e) => e.some((x) => x.event === 'suggestion' && x.data.customerId === customer), 2000, 5);
          offlineFirst.push(performance.now() - started);
        }),
      );
    }
    live.close();
    console.log(
      `LLM mode, model streaming ${TOKENS_PER_SEC} tokens/s after ${FIRST_TOKEN_MS} ms: customer message → first model draft on the live stream p50 ${Math.round([...firstModel].sort((a, b) => a - b)[Math.floor(firstModel.length / 2)] as number)} ms, p95 ${p95(firstModel)} ms (${samples} samples, debounce ${config.assist.debounceMs} ms)`,
    );
    console.log(`LLM mode, model hanging: customer message → offline drafts on the live stream p95 ${p95(offlineFirst)} ms (${offlineFirst.length} samples, 6 conversations at once)`);
    return { llm_first_draft_p95_ms: p95(firstModel), offline_first_draft_p95_ms_model_hanging: p95(offlineFirst) };
  } finally {
    release();
    await service.close();
    await model.close();
    await deleteUnder(config.redis.prefix);
  }
}
