/**
 * Eval harness (a contract other tools read):
 *   npm run eval -- <tags|rank|suggest> --input IN.jsonl --output OUT.jsonl [--library TAGS.yaml] [--knowledge DIR]
 *     [--engine offline|llm]   (suggest only; llm reads LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS)
 * Writes one JSON line per input line, in order; prints metrics where the input has gold labels; the
 * last line printed is `EVAL {...}`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpTags, loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import { buildAssistLibrary } from '../../src/assist/tags/build-assist-library.ts';
import { buildTagLibrary } from '../../src/assist/tags/tag-library.ts';
import { readJsonl, writeJsonl } from './jsonl.ts';
import { llmEngineFrom, readLlmSettings } from './llm-engine-from-env.ts';
import { runRankTask } from './task-rank.ts';
import { runSuggestTask } from './task-suggest.ts';
import { runTagsTask } from './task-tags.ts';
import type { TaskResult } from './task-tags.ts';

const usage = 'usage: npm run eval -- <tags|rank|suggest> --input IN.jsonl --output OUT.jsonl [--library TAGS.yaml] [--knowledge DIR] [--engine offline|llm]';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      output: { type: 'string' },
      library: { type: 'string' },
      knowledge: { type: 'string', default: 'config/demo' },
      engine: { type: 'string', default: 'offline' },
    },
  });
  const task = positionals[0];
  if (!task || !values.input || !values.output) throw new Error(usage);
  const engine = values.engine;
  if (engine !== 'offline' && engine !== 'llm') throw new Error(`unknown engine "${engine}" (offline or llm)\n${usage}`);
  // Before any work, so a missing variable is the only thing printed.
  const llm = engine === 'llm' ? llmEngineFrom(readLlmSettings(process.env)) : undefined;
  const knowledgeDir = resolve(values.knowledge);
  const records = await readJsonl(values.input);
  // An explicit library carries its own rules; the default is the tenant's tags, rules and catalog.
  const kb = await loadKnowledge(knowledgeDir);
  const corp = await loadCorpTags(values.library ?? resolve(knowledgeDir, 'tags.yaml'));
  const library = values.library ? buildTagLibrary(corp) : buildAssistLibrary(corp, kb);
  const brands = new Set(kb.products.map((p) => p.brand.toLowerCase()).filter((b) => b.length > 0));
  let result: TaskResult;
  switch (task) {
    case 'tags':
      result = runTagsTask(records, library, brands);
      break;
    case 'rank':
      result = runRankTask(records);
      break;
    case 'suggest':
      result = await runSuggestTask(records, corp, kb, { engine, ...(llm ? { llm } : {}) });
      break;
    default:
      throw new Error(`unknown task "${task}"\n${usage}`);
  }
  await writeJsonl(values.output, result.outputs);
  for (const line of result.lines) console.log(line);
  console.log(`EVAL ${JSON.stringify({ ...result.metrics, input: values.input })}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
