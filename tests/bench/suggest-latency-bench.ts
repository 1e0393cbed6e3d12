import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { startService } from '../../src/main.ts';
import { signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { openSse } from '../support/sse-client.ts';
import { deleteUnder, testConfig } from '../support/test-service.ts';

/**
 * The sidebar's latency goal: from a customer's message reaching the webhook (the emulator sends it as a
 * real signed 微信客服 callback) to the suggestion event on the guide's live stream, offline engine, default
 * debounce. The page fetches the suggestion right after the event (a few ms on loopback).
 */
export async function benchSuggestLatency(samples = 20): Promise<{ suggest_p50_ms: number; suggest_p95_ms: number; debounce_ms: number }> {
  const config = testConfig({ REDIS_PREFIX: `bench:${randomUUID().slice(0, 8)}:` });
  const service = await startService(config, { log: pino({ level: 'silent' }) });
  try {
    await eventually(() => service.stores.store.isFollowing('guide.lin', 'wmLT0001'), Boolean);
    const { cookie } = await signIn(service, 'guide.lin');
    const live = openSse(`${service.url}/api/live`, cookie);
    await live.ready;
    const customers = await service.stores.store.listFollowed('guide.lin');
    const questions = ['这件大衣有M码吗？', '预算一千左右有什么推荐', '送女朋友生日礼物买什么好', '面霜适合干皮吗', '快递几天能到', '会员有折扣吗'];
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const customer = customers[i % customers.length] as string;
      const before = live.events.length;
      const started = performance.now();
      await service.emulator!.actions.say({ guide: 'guide.lin', customer, from: 'customer', text: questions[i % questions.length] as string });
      await eventually(async () => live.events.slice(before), (e) => e.some((x) => x.event === 'suggestion' && x.data.customerId === customer), 400, 10);
      latencies.push(performance.now() - started);
    }
    live.close();
    latencies.sort((a, b) => a - b);
    const at = (p: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] as number);
    console.log(`customer message → suggestion on the live stream (${samples} samples, debounce ${config.assist.debounceMs} ms): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
    return { suggest_p50_ms: at(0.5), suggest_p95_ms: at(0.95), debounce_ms: config.assist.debounceMs };
  } finally {
    await service.close();
    await deleteUnder(config.redis.prefix);
  }
}
