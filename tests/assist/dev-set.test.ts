/**
 * Regression guard on the shipped dev sets (tests/eval/dev.*.jsonl) with the real demo knowledge:
 * tag F1, on-topic drafts, reply ranking. Thresholds sit a little under today's figures so a change that
 * makes the engine worse fails here before it reaches a store.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import { suggestionSchema } from '../../src/assist/suggestion-schema.ts';
import { readJsonl } from '../eval/jsonl.ts';
import { CountTable, compareMultiset, prf } from '../eval/metrics.ts';
import { isOnTopic } from '../eval/on-topic.ts';
import { runRankTask } from '../eval/task-rank.ts';
import { runTagsTask } from '../eval/task-tags.ts';
import { toConversation } from '../eval/task-suggest.ts';
import { buildAssistLibrary } from '../../src/assist/tags/build-assist-library.ts';
import { DEMO_DIR, ROOT, demoCorpTags } from './support.ts';

interface SuggestLine {
  context: string[];
  tags?: string[];
  reply?: string;
  intent?: string;
}

let kb: KnowledgeBase;
let corp: CorpTagLibrary;
beforeAll(async () => {
  kb = await loadKnowledge(DEMO_DIR);
  corp = await demoCorpTags();
});

describe('offline engine on the dev sets', () => {
  it('tags and drafts dev.suggest.jsonl well enough', async () => {
    const lines = (await readJsonl(join(ROOT, 'tests/eval/dev.suggest.jsonl'))) as SuggestLine[];
    expect(lines.length).toBeGreaterThanOrEqual(150);
    const assistant = createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corp });
    const table = new CountTable();
    const libraryIds = new Set(corp.groups.flatMap((g) => g.tags.map((t) => t.id)));
    let onTopic = 0;
    for (const line of lines) {
      const s = await assistant.suggest({ conversation: toConversation(line.context), guideId: 'eval-guide', customerId: 'eval-customer', now: 0 });
      expect(suggestionSchema.safeParse(s).success).toBe(true);
      for (const tag of s.tags) expect(libraryIds.has(tag.tagId)).toBe(true);
      for (const draft of s.drafts) expect(draft.text).not.toMatch(/\{[a-z_]+(?::[^}]*)?\}/u);
      compareMultiset(table, (tag) => tag, s.tags.map((t) => t.tag), line.tags ?? []);
      if (isOnTopic(kb, s.drafts, { intent: line.intent, reply: line.reply })) onTopic++;
    }
    const tags = prf(table.micro());
    expect(tags.f1).toBeGreaterThanOrEqual(0.88);
    expect(onTopic / lines.length).toBeGreaterThanOrEqual(0.75);
  });

  it('tags dev.tags.jsonl well enough', async () => {
    const records = await readJsonl(join(ROOT, 'tests/eval/dev.tags.jsonl'));
    expect(records.length).toBeGreaterThanOrEqual(100);
    const result = runTagsTask(records, buildAssistLibrary(corp, kb), new Set());
    const tags = result.metrics.tags as { micro: { f1: number } };
    expect(tags.micro.f1).toBeGreaterThanOrEqual(0.92);
  });

  it('ranks the acceptable reply first in dev.rank.jsonl most of the time', async () => {
    const records = await readJsonl(join(ROOT, 'tests/eval/dev.rank.jsonl'));
    expect(records.length).toBeGreaterThanOrEqual(100);
    const result = runRankTask(records);
    expect(result.metrics.r_at_1).toBeGreaterThanOrEqual(0.82);
    expect(result.metrics.mrr).toBeGreaterThanOrEqual(0.87);
  });
});
