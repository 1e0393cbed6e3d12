/**
 * `suggest` task: each line's context is a conversation ("顾客: ..." / "导购: ..."); output the drafts
 * (with their guardrail flags), tags, summary, next action, latency and which engine answered. With
 * gold labels: tag P/R/F1, the share of lines with an on-topic draft in the top 3, latency percentiles;
 * with `expect` (the dialogue dev set): each property's rate and the lines' `checks`.
 */
import { createAssistant } from '../../src/assist/create-assistant.ts';
import type { SuggestInput } from '../../src/assist/engine-types.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { CorpTagLibraryInput } from '../../src/assist/knowledge/schemas.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import type { LlmEngine } from '../../src/assist/llm/llm-engine.ts';
import { parseContextLine } from '../../src/assist/offline/rank-replies.ts';
import type { ChatMessage } from '../../src/conversation/model.ts';
import { checkLine } from './check-properties.ts';
import type { Checks } from './check-properties.ts';
import { dialogueLineSchema } from './dialogue-line.ts';
import type { DialogueLine } from './dialogue-line.ts';
import { CountTable, compareMultiset, formatPrf, prf } from './metrics.ts';
import { isOnTopic } from './on-topic.ts';
import { formatRates, rateProperties } from './property-rates.ts';
import type { TaskResult } from './task-tags.ts';
import { toSuggestInput } from './to-suggest-input.ts';

export interface SuggestTaskOptions {
  engine?: 'offline' | 'llm';
  /** Required for engine 'llm'. */
  llm?: LlmEngine;
}

export function toConversation(context: readonly string[]): ChatMessage[] {
  return context.map((line, index) => {
    const { speaker, text } = parseContextLine(line);
    return { id: `m${index + 1}`, guideId: 'eval-guide', customerId: 'eval-customer', speaker, text, source: 'paste', at: index * 1000 };
  });
}

/** Plain suggest lines keep the input they always had, so their figures stay comparable. */
function inputOf(line: DialogueLine): SuggestInput {
  if (line.expect || line.customer) return toSuggestInput(line);
  return { conversation: toConversation(line.context), guideId: 'eval-guide', customerId: 'eval-customer', now: 0 };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function runSuggestTask(records: readonly unknown[], corp: CorpTagLibraryInput, kb: KnowledgeBase, options: SuggestTaskOptions = {}): Promise<TaskResult> {
  const engine = options.engine ?? 'offline';
  if (engine === 'llm' && !options.llm) throw new Error('the llm engine needs a model client');
  const assistant = createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corp, engine, ...(options.llm ? { llm: options.llm } : {}) });
  const table = new CountTable();
  const latencies: number[] = [];
  const judgedChecks: Checks[] = [];
  let judged = 0;
  let onTopic = 0;
  let tagged = 0;
  let fallbacks = 0;
  const outputs: unknown[] = [];
  for (const [index, raw] of records.entries()) {
    const parsed = dialogueLineSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const line = parsed.data;
    const suggestion = await assistant.suggest(inputOf(line));
    latencies.push(suggestion.latencyMs);
    if (suggestion.fallbackReason) fallbacks++;
    const tags = suggestion.tags.map((t) => t.tag);
    if (line.tags) {
      tagged++;
      compareMultiset(table, (tag) => tag.slice(0, tag.indexOf('/')), tags, line.tags);
    }
    if (line.reply !== undefined || line.intent !== undefined) {
      judged++;
      if (isOnTopic(kb, suggestion.drafts, { intent: line.intent, reply: line.reply })) onTopic++;
    }
    const checks = line.expect ? checkLine(line, { drafts: suggestion.drafts, tags }, kb) : undefined;
    if (checks) judgedChecks.push(checks);
    outputs.push({
      ...(line.id ? { id: line.id } : {}),
      drafts: suggestion.drafts.map((d) => ({ text: d.text, source: d.source, sourceId: d.sourceId ?? null, skus: d.skus, flags: d.flags, needsApproval: d.needsApproval })),
      tags,
      flags: suggestion.drafts.flatMap((d) => d.flags),
      summary: suggestion.summary,
      nextAction: suggestion.nextAction,
      latencyMs: suggestion.latencyMs,
      engine: suggestion.engine,
      fallbackReason: suggestion.fallbackReason ?? null,
      ...(checks ? { checks } : {}),
    });
  }
  const round = (x: number): number => Math.round(x * 10_000) / 10_000;
  const metrics: Record<string, unknown> = {
    task: 'suggest',
    lines: records.length,
    engine,
    fallbacks,
    latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: percentile(latencies, 100) },
  };
  const lines: string[] = [`latency p50 ${percentile(latencies, 50)} ms  p95 ${percentile(latencies, 95)} ms`];
  if (engine === 'llm') lines.push(`engine llm, fell back to offline on ${fallbacks} of ${records.length} lines`);
  if (tagged > 0) {
    metrics.tags = { micro: prf(table.micro()), groups: table.report() };
    lines.push('tags by group:', ...table.keys().map((k) => `  ${formatPrf(k, prf(table.get(k)))}`), `  ${formatPrf('micro', prf(table.micro()))}`);
  }
  if (judged > 0) {
    metrics.on_topic_top3 = round(onTopic / judged);
    lines.push(`on-topic draft in top 3: ${(onTopic / judged).toFixed(4)} (n=${judged})`);
  }
  if (judgedChecks.length > 0) {
    const rates = rateProperties(judgedChecks);
    metrics.properties = rates.properties;
    metrics.counts = rates.counts;
    lines.push(`properties (n=${judgedChecks.length} lines with expectations):`, ...formatRates(rates));
  }
  return { outputs, metrics, lines };
}
