/**
 * `npm run eval -- suggest --engine llm` end to end: the real command in a child process, the real
 * openai SDK, the local fake model server answering per conversation. The properties must come from
 * the model's drafts, and a line the model failed must show its offline fallback.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelAnswer } from '../assist/llm-support.ts';
import { ROOT } from '../assist/support.ts';
import { startFakeLlmServer } from '../support/fake-llm-server.ts';
import type { ChatRequestBody, FakeLlmServer } from '../support/fake-llm-server.ts';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules/.bin/tsx');

let server: FakeLlmServer;
let dir: string;
beforeAll(async () => {
  server = await startFakeLlmServer();
  dir = await mkdtemp(join(tmpdir(), 'eval-llm-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const lines = [
  { id: 'invoice', context: ['顾客: 买了不合适能退吗', '导购: 七天内吊牌完好可以无理由退换。', '顾客: 可以开发票吗'], expect: { answers: [['发票', '开票']] } },
  { id: 'hours', context: ['顾客: 你们门店几点关门'], expect: { answers: [['22:00', '营业']], noProduct: true } },
  { id: 'broken', context: ['顾客: 大衣有M码吗'] },
];

function userText(body: ChatRequestBody): string {
  return body.messages.map((m) => m.content).join('\n');
}

function envWith(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  for (const name of ['LLM_BASE_URL', 'LLM_MODEL', 'LLM_API_KEY', 'LLM_TIMEOUT_MS']) delete env[name];
  for (const [name, value] of Object.entries(overrides)) if (value !== undefined) env[name] = value;
  return env;
}

describe('npm run eval -- suggest --engine llm', () => {
  it('judges the model drafts and records the engine and every fallback', async () => {
    server.setDefault((body) => {
      const text = userText(body);
      if (text.includes('可以开发票吗')) return { kind: 'content', content: JSON.stringify(modelAnswer(['可以开电子发票，付款后在小程序订单详情里填写抬头申请。'])) };
      if (text.includes('几点关门')) return { kind: 'content', content: JSON.stringify(modelAnswer(['您好，有什么可以帮您？'])) };
      return { kind: 'content', content: 'not json at all' };
    });
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    await writeFile(input, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const env = envWith({ LLM_BASE_URL: server.baseURL, LLM_MODEL: 'fake-model', LLM_API_KEY: 'test-key', LLM_TIMEOUT_MS: '5000' });
    const { stdout } = await run(TSX, ['tests/eval/run.ts', 'suggest', '--engine', 'llm', '--input', input, '--output', output], { cwd: ROOT, env });

    const evalLine = stdout.trim().split('\n').at(-1) ?? '';
    expect(evalLine.startsWith('EVAL ')).toBe(true);
    const metrics = JSON.parse(evalLine.slice(5)) as { engine: string; fallbacks: number; properties: Record<string, number>; counts: Record<string, number> };
    expect(metrics.engine).toBe('llm');
    expect(metrics.fallbacks).toBe(1);
    expect(metrics.properties.answers_newest).toBe(0.5);
    expect(metrics.counts.answers_newest).toBe(2);
    expect(metrics.properties.no_product).toBe(1);

    const out = (await readFile(output, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { id?: string; engine: string; fallbackReason: string | null; drafts: { text: string }[]; tags: string[]; checks?: Record<string, boolean> });
    expect(out.map((o) => o.id)).toEqual(['invoice', 'hours', 'broken']);
    expect(out[0]).toMatchObject({ engine: 'llm', fallbackReason: null, checks: { answers_newest: true, sendable_top1: true } });
    expect(out[0]?.drafts[0]?.text).toBe('可以开电子发票，付款后在小程序订单详情里填写抬头申请。');
    expect(out[1]).toMatchObject({ engine: 'llm', fallbackReason: null, checks: { answers_newest: false, no_product: true, sendable_top3: false } });
    expect(out[2]).toMatchObject({ engine: 'offline', fallbackReason: 'invalid_output' });
    expect(out[2]?.checks).toBeUndefined();
    expect(Array.isArray(out[2]?.tags)).toBe(true);
    const prompts = server.requests.map((r) => userText(r));
    expect(prompts.some((p) => p.includes('可以开发票吗'))).toBe(true);
    expect(server.requests.every((r) => r.model === 'fake-model')).toBe(true);
  });

  it('stops with one line naming each missing LLM_* variable', async () => {
    const input = join(dir, 'in.jsonl');
    const failure = await run(TSX, ['tests/eval/run.ts', 'suggest', '--engine', 'llm', '--input', input, '--output', join(dir, 'never.jsonl')], {
      cwd: ROOT,
      env: envWith({ LLM_BASE_URL: server.baseURL }),
    }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe('--engine llm needs LLM_MODEL, LLM_API_KEY (an OpenAI-compatible endpoint, its model name and key)');
  });
});
