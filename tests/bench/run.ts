// npm run bench: measurements, not tests. The last line is the contract: BENCH {...}.
import { benchArchivePull } from './archive-pull-bench.ts';
import { benchAssist } from './assist-bench.ts';
import { benchCallback } from './callback-bench.ts';
import { benchGroupDraft } from './group-draft-bench.ts';
import { benchMemory } from './memory-bench.ts';
import { benchModelStream } from './model-stream-bench.ts';
import { benchStartup } from './startup-bench.ts';
import { benchSuggestLatency } from './suggest-latency-bench.ts';

const results: Record<string, number> = { ...(await benchCallback()) };
Object.assign(results, await benchAssist());
Object.assign(results, await benchSuggestLatency());
Object.assign(results, await benchGroupDraft());
Object.assign(results, await benchModelStream());
Object.assign(results, await benchMemory());
Object.assign(results, await benchStartup());
Object.assign(results, await benchArchivePull());
console.log(`BENCH ${JSON.stringify(results)}`);
