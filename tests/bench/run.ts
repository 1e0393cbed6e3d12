// npm run bench: measurements, not tests. The last line is the contract: BENCH {...}.
import { benchCallback } from './callback-bench.ts';

const results: Record<string, number> = { ...(await benchCallback()) };
console.log(`BENCH ${JSON.stringify(results)}`);
