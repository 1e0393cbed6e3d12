/**
 * `tags` task: each line's text is one customer message; output the proposed tags and the mentions.
 * Metrics: P/R/F1 per tag group, per tag and per mention type, micro overall, and accuracy for
 * single-choice groups (the predicted tag of the group equals the gold one).
 */
import { z } from 'zod';
import { extractMentions } from '../../src/assist/tags/extract-mentions.ts';
import { extractTags } from '../../src/assist/tags/extract-tags.ts';
import type { TagLibrary } from '../../src/assist/tags/tag-library.ts';
import { CountTable, compareMultiset, formatPrf, prf } from './metrics.ts';

const lineSchema = z.object({
  text: z.string(),
  tags: z.array(z.string()).optional(),
  mentions: z.array(z.object({ type: z.string(), text: z.string() })).optional(),
});

const group = (tag: string): string => tag.slice(0, tag.indexOf('/'));
const key = (m: { type: string; text: string }): string => `${m.type}\u0000${m.text.toLowerCase()}`;

export interface TaskResult {
  outputs: unknown[];
  metrics: Record<string, unknown>;
  lines: string[];
}

export function runTagsTask(records: readonly unknown[], library: TagLibrary, brands: ReadonlySet<string>): TaskResult {
  const groupTable = new CountTable();
  const tagTable = new CountTable();
  const mentionTable = new CountTable();
  const single = new Map(library.groups.filter((g) => !g.multi).map((g) => [g.name, { correct: 0, total: 0 }]));
  let taggedLines = 0;
  let mentionLines = 0;
  const started = performance.now();
  const outputs = records.map((raw, index) => {
    const line = lineSchema.parse(raw);
    const tags = extractTags(library, [{ id: `m${index}`, text: line.text }]).map((p) => p.tag);
    const mentions = extractMentions(line.text, { brands }).map((m) => ({ type: m.type, text: m.text }));
    if (line.tags) {
      taggedLines++;
      compareMultiset(groupTable, group, tags, line.tags);
      compareMultiset(tagTable, (tag) => tag, tags, line.tags);
      for (const [name, score] of single) {
        const gold = line.tags.find((tag) => group(tag) === name);
        if (!gold) continue;
        score.total++;
        if (tags.includes(gold)) score.correct++;
      }
    }
    if (line.mentions) {
      mentionLines++;
      compareMultiset(mentionTable, (item) => item.slice(0, item.indexOf('\u0000')), mentions.map(key), line.mentions.map(key));
    }
    return { tags, mentions };
  });
  const elapsed = performance.now() - started;
  const metrics: Record<string, unknown> = { task: 'tags', lines: records.length, ms_per_line: Math.round((elapsed / Math.max(records.length, 1)) * 1000) / 1000 };
  const lines: string[] = [];
  if (taggedLines > 0) {
    const accuracy = Object.fromEntries([...single].filter(([, s]) => s.total > 0).map(([name, s]) => [name, Math.round((s.correct / s.total) * 10_000) / 10_000]));
    metrics.tags = { micro: prf(tagTable.micro()), groups: groupTable.report(), tags: tagTable.report(), accuracy };
    lines.push('tags by group:', ...groupTable.keys().map((k) => `  ${formatPrf(k, prf(groupTable.get(k)))}`));
    lines.push('tags:', ...tagTable.keys().map((k) => `  ${formatPrf(k, prf(tagTable.get(k)))}`));
    lines.push(`  ${formatPrf('micro', prf(tagTable.micro()))}`);
    for (const [name, value] of Object.entries(accuracy)) lines.push(`accuracy ${name}: ${value.toFixed(4)}`);
  }
  if (mentionLines > 0) {
    metrics.mentions = { micro: prf(mentionTable.micro()), types: mentionTable.report() };
    lines.push('mentions by type:', ...mentionTable.keys().map((k) => `  ${formatPrf(k, prf(mentionTable.get(k)))}`));
    lines.push(`  ${formatPrf('micro', prf(mentionTable.micro()))}`);
  }
  return { outputs, metrics, lines };
}
