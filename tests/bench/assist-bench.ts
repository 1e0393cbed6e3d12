/**
 * Assist engine benchmark.
 * - offline_p95_ms: offline suggestion latency (p95) with a 5,000-item knowledge base, synthesised from
 *   the demo catalog by variation (colour lines and sizes of each product), over the dev-set conversations.
 * - llm_overhead_ms: the LLM path minus the model round trips (p95), against the local fake server
 *   answering at once: prompt building, retrieval, validation, tag constraint, guardrails.
 * Goals: offline p95 ≤ 20 ms, LLM overhead ≤ 10 ms. Run alone: `npx tsx tests/bench/assist-bench.ts`.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import OpenAI from 'openai';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import { buildKnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { loadCorpTags, loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import type { Product } from '../../src/assist/knowledge/schemas.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import { createLlmEngine } from '../../src/assist/llm/llm-engine.ts';
import { readJsonl } from '../eval/jsonl.ts';
import { percentile, toConversation } from '../eval/task-suggest.ts';
import { json, startFakeLlmServer } from '../support/fake-llm-server.ts';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DEMO = join(ROOT, 'config/demo');
const ITEMS = 5000;
const LINES = ['经典', '轻奢', '都市', '度假', '简约', '复古', '森系', '极简', '通勤', '周末', '限定', '基础'];

/** Variations of the demo products until the knowledge base holds `items` entries. */
function synthesise(base: KnowledgeBase, items: number): KnowledgeBase {
  const target = items - base.faqs.length - base.scripts.length;
  const products: Product[] = [...base.products];
  for (let i = 0; products.length < target; i++) {
    const source = base.products[i % base.products.length] as Product;
    const line = LINES[Math.floor(i / base.products.length) % LINES.length] ?? '';
    const round = Math.floor(i / (base.products.length * LINES.length));
    products.push({
      ...source,
      sku: `${source.sku}-V${i}`,
      name: `${line}${round > 0 ? round : ''}·${source.name}`,
      price: Math.round(source.price * (0.8 + ((i * 37) % 40) / 100)),
      description: `${line}系列。${source.description}`,
    });
  }
  return buildKnowledgeBase({ ...base, products }, `${base.source} (synthesised ×${items})`);
}

async function conversations(): Promise<string[][]> {
  const lines = (await readJsonl(join(ROOT, 'tests/eval/dev.suggest.jsonl'))) as { context: string[] }[];
  return lines.map((l) => l.context);
}

export async function benchAssist(): Promise<{ offline_p95_ms: number; llm_overhead_ms: number }> {
  const base = await loadKnowledge(DEMO);
  const kb = synthesise(base, ITEMS);
  const corp = await loadCorpTags(join(DEMO, 'tags.yaml'));
  const contexts = await conversations();
  const input = (i: number) => ({ conversation: toConversation(contexts[i % contexts.length] ?? ['顾客: 在吗']), guideId: 'bench-guide', customerId: 'bench-customer', now: 1_700_000_000_000 + i });

  const offline = createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corp });
  for (let i = 0; i < 30; i++) await offline.suggest(input(i));
  const offlineTimes: number[] = [];
  for (let i = 0; i < Math.max(400, contexts.length * 2); i++) offlineTimes.push((await offline.suggest(input(i))).latencyMs);

  const server = await startFakeLlmServer();
  server.setDefault(() =>
    json({ drafts: [{ text: '您好，这款现在有货，价格是{price:AP-1001}元。', source_id: null }, { text: '您平时穿什么尺码呢？', source_id: null }], tags: [], summary: '顾客咨询', next_action: '确认尺码' }),
  );
  const overheads: number[] = [];
  try {
    const engine = createLlmEngine({ client: new OpenAI({ baseURL: server.baseURL, apiKey: 'bench', maxRetries: 0 }), model: 'bench-model' });
    const llm = createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corp, engine: 'llm', llm: engine });
    for (let i = 0; i < 30; i++) await llm.suggest(input(i));
    for (let i = 0; i < 300; i++) {
      const s = await llm.suggest(input(i));
      if (s.engine !== 'llm') throw new Error(`the LLM path fell back (${s.fallbackReason ?? 'unknown'})`);
      const waiting = (s.usage?.calls ?? []).reduce((sum, call) => sum + call.latencyMs, 0);
      overheads.push(Math.max(0, s.latencyMs - waiting));
    }
  } finally {
    await server.close();
  }
  console.log(
    `offline: ${kb.products.length + kb.faqs.length + kb.scripts.length} items, p50 ${percentile(offlineTimes, 50)} ms, p95 ${percentile(offlineTimes, 95)} ms, max ${percentile(offlineTimes, 100)} ms`,
  );
  console.log(`llm overhead: p50 ${percentile(overheads, 50).toFixed(2)} ms, p95 ${percentile(overheads, 95).toFixed(2)} ms`);
  return { offline_p95_ms: percentile(offlineTimes, 95), llm_overhead_ms: Math.round(percentile(overheads, 95) * 100) / 100 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchAssist()
    .then((result) => console.log(`BENCH ${JSON.stringify(result)}`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
