import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { startService } from '../../src/main.ts';
import { signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { openSse } from '../support/sse-client.ts';
import { deleteUnder, testConfig } from '../support/test-service.ts';

/**
 * A customer-group question to a draft on the guide's live feed: a customer @mentions the guide in the
 * demo group; the line enters the emulated chat archive, the emulator sends a signed msgaudit_notify, the
 * worker pulls the archive, records the line in the group (consent checked), schedules the guide's group
 * suggestion (default debounce), and the suggestion event reaches the guide's SSE stream. Offline engine.
 */
export async function benchGroupDraft(samples = 20): Promise<{ group_first_draft_p50_ms: number; group_first_draft_p95_ms: number }> {
  const config = testConfig({ REDIS_PREFIX: `bench:${randomUUID().slice(0, 8)}:` });
  const service = await startService(config, { log: pino({ level: 'silent' }) });
  const chatId = 'wrLTjingan0001VIP';
  try {
    await eventually(() => service.stores.groups.getGroup(chatId), Boolean);
    const { cookie } = await signIn(service, 'guide.lin');
    const live = openSse(`${service.url}/api/live`, cookie);
    await live.ready;
    const askers = ['wmLT0002', 'wmLT0007', 'wmLT0003'];
    const questions = ['这件大衣有M码吗？', '预算一千左右有什么推荐', '送女朋友生日礼物买什么好', '面霜适合干皮吗', '快递几天能到', '会员有折扣吗'];
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const before = live.events.length;
      const started = performance.now();
      await service.emulator!.actions.groupSay({ chatId, from: askers[i % askers.length] as string, text: `@澜庭-林晓 ${questions[i % questions.length] as string}` });
      await eventually(async () => live.events.slice(before), (e) => e.some((x) => x.event === 'suggestion' && x.data.customerId === chatId), 400, 10);
      latencies.push(performance.now() - started);
    }
    live.close();
    latencies.sort((a, b) => a - b);
    const at = (p: number): number => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] as number);
    console.log(`group @mention → group draft on the live stream (${samples} samples, through the archive, debounce ${config.assist.debounceMs} ms): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
    return { group_first_draft_p50_ms: at(0.5), group_first_draft_p95_ms: at(0.95) };
  } finally {
    await service.close();
    await deleteUnder(config.redis.prefix);
  }
}
