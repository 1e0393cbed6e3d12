/**
 * `suggest` task: each line's context is a conversation ("顾客: ..." / "导购: ..."); output the drafts
 * (with their guardrail flags), tags, summary, next action and latency. With gold labels: tag P/R/F1,
 * the share of lines with an on-topic draft in the top 3, and latency percentiles.
 */
import { z } from 'zod';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { CorpTagLibraryInput } from '../../src/assist/knowledge/schemas.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import { parseContextLine } from '../../src/assist/offline/rank-replies.ts';
import type { ChatMessage } from '../../src/conversation/model.ts';
import { CountTable, compareMultiset, formatPrf, prf } from './metrics.ts';
import { isOnTopic } from './on-topic.ts';
import type { TaskResult } from './task-tags.ts';

const lineSchema = z.object({
  context: z.array(z.string()).min(1),
  tags: z.array(z.string()).optional(),
  reply: z.string().optional(),
  intent: z.string().optional(),
});

export function toConversation(context: readonly string[]): ChatMessage[] {
  return context.map((line, index) => {
    const { speaker, text } = parseContextLine(line);
    return { id: `m${index + 1}`, guideId: 'eval-guide', customerId: 'eval-customer', speaker, text, source: 'paste', at: index * 1000 };
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function runSuggestTask(records: readonly unknown[], corp: CorpTagLibraryInput, kb: KnowledgeBase): Promise<TaskResult> {
  const assistant = createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corp });
  const table = new CountTable();
  const latencies: number[] = [];
  let judged = 0;
  let onTopic = 0;
  let tagged = 0;
  const outputs: unknown[] = [];
  for (const raw of records) {
    const line = lineSchema.parse(raw);
    const suggestion = await assistant.suggest({ conversation: toConversation(line.context), guideId: 'eval-guide', customerId: 'eval-customer', now: 0 });
    latencies.push(suggestion.latencyMs);
    const tags = suggestion.tags.map((t) => t.tag);
    if (line.tags) {
      tagged++;
      compareMultiset(table, (tag) => tag.slice(0, tag.indexOf('/')), tags, line.tags);
    }
    if (line.reply !== undefined || line.intent !== undefined) {
      judged++;
      if (isOnTopic(kb, suggestion.drafts, { intent: line.intent, reply: line.reply })) onTopic++;
    }
    outputs.push({
      drafts: suggestion.drafts.map((d) => ({ text: d.text, source: d.source, sourceId: d.sourceId ?? null, flags: d.flags, needsApproval: d.needsApproval })),
      tags,
      flags: suggestion.drafts.flatMap((d) => d.flags),
      summary: suggestion.summary,
      nextAction: suggestion.nextAction,
      latencyMs: suggestion.latencyMs,
    });
  }
  const round = (x: number): number => Math.round(x * 10_000) / 10_000;
  const metrics: Record<string, unknown> = {
    task: 'suggest',
    lines: records.length,
    latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: percentile(latencies, 100) },
  };
  const lines: string[] = [`latency p50 ${percentile(latencies, 50)} ms  p95 ${percentile(latencies, 95)} ms`];
  if (tagged > 0) {
    metrics.tags = { micro: prf(table.micro()), groups: table.report() };
    lines.push('tags by group:', ...table.keys().map((k) => `  ${formatPrf(k, prf(table.get(k)))}`), `  ${formatPrf('micro', prf(table.micro()))}`);
  }
  if (judged > 0) {
    metrics.on_topic_top3 = round(onTopic / judged);
    lines.push(`on-topic draft in top 3: ${(onTopic / judged).toFixed(4)} (n=${judged})`);
  }
  return { outputs, metrics, lines };
}
