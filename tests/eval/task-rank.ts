/**
 * `rank` task: given the conversation, order the candidate replies best first. Metrics R@1 and MRR
 * over lines with a gold index.
 */
import { z } from 'zod';
import { rankReplies } from '../../src/assist/offline/rank-replies.ts';
import type { TaskResult } from './task-tags.ts';

const lineSchema = z.object({
  context: z.array(z.string()),
  candidates: z.array(z.string()).min(1),
  gold: z.number().int().nonnegative().optional(),
});

export function runRankTask(records: readonly unknown[]): TaskResult {
  let judged = 0;
  let hits = 0;
  let reciprocal = 0;
  const started = performance.now();
  const outputs = records.map((raw) => {
    const line = lineSchema.parse(raw);
    const order = rankReplies(line.context, line.candidates);
    if (line.gold !== undefined) {
      judged++;
      const rank = order.indexOf(line.gold) + 1;
      if (rank === 1) hits++;
      if (rank > 0) reciprocal += 1 / rank;
    }
    return { order };
  });
  const elapsed = performance.now() - started;
  const round = (x: number): number => Math.round(x * 10_000) / 10_000;
  const metrics: Record<string, unknown> = { task: 'rank', lines: records.length, ms_per_line: round(elapsed / Math.max(records.length, 1)) };
  const lines: string[] = [];
  if (judged > 0) {
    metrics.r_at_1 = round(hits / judged);
    metrics.mrr = round(reciprocal / judged);
    metrics.judged = judged;
    lines.push(`R@1 ${(hits / judged).toFixed(4)}  MRR ${(reciprocal / judged).toFixed(4)}  (n=${judged})`);
  }
  return { outputs, metrics, lines };
}
