/**
 * Shared test setup: a knowledge directory made of the small fixtures plus the project's real rule
 * files (policy, guardrails, tag rules), the demo corp tags, and a conversation builder.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll } from 'vitest';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import { loadCorpTags, loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import { parseContextLine } from '../../src/assist/offline/rank-replies.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { emptyProfile } from '../../src/conversation/model.ts';
import type { ChatMessage } from '../../src/conversation/model.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const DEMO_DIR = join(ROOT, 'config/demo');
const FIXTURES = join(here, 'fixtures/knowledge');

export interface TempKnowledge {
  dir: string;
  cleanup(): Promise<void>;
}

/** A fresh directory with the fixture catalog/FAQ/scripts and the real policy, guardrails and tag rules. */
export async function makeKnowledgeDir(): Promise<TempKnowledge> {
  const dir = join(tmpdir(), `assist-test-${randomUUID()}`);
  await mkdir(dir, { recursive: true });
  for (const file of ['catalog.yaml', 'faq.yaml', 'scripts.yaml']) await copyFile(join(FIXTURES, file), join(dir, file));
  for (const file of ['policy.yaml', 'guardrails.yaml', 'tag-rules.yaml']) await copyFile(join(DEMO_DIR, file), join(dir, file));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

let fixtureKb: Promise<KnowledgeBase> | undefined;

/** The fixture knowledge base, loaded once per test file (read-only). */
export function fixtureKnowledge(): Promise<KnowledgeBase> {
  fixtureKb ??= (async () => {
    const temp = await makeKnowledgeDir();
    try {
      return await loadKnowledge(temp.dir);
    } finally {
      await temp.cleanup();
    }
  })();
  return fixtureKb;
}

let demoTags: Promise<CorpTagLibrary> | undefined;

export function demoCorpTags(): Promise<CorpTagLibrary> {
  demoTags ??= loadCorpTags(join(DEMO_DIR, 'tags.yaml'));
  return demoTags;
}

/** The offline assistant on the demo tenant's knowledge, as the demo runs it. */
export async function demoAssistant(): Promise<{ kb: KnowledgeBase; assistant: Assistant }> {
  const kb = await loadKnowledge(DEMO_DIR);
  const corp = await demoCorpTags();
  return { kb, assistant: createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corp }) };
}

/** "顾客: ..." / "导购: ..." lines → messages m1, m2, ... (unprefixed lines are the customer's). */
export function chat(...lines: string[]): ChatMessage[] {
  return lines.map((line, index) => {
    const { speaker, text } = parseContextLine(line);
    return { id: `m${index + 1}`, guideId: 'guide.lin', customerId: 'wmCUST', speaker, text, source: 'paste', at: 1_700_000_000_000 + index * 1000 };
  });
}

export const CHAT_NOW = 1_700_000_100_000;

/** The demo assistant asked about a chat, as the sidebar asks it: all suggestions, or the top draft's text. */
export interface ChatAsker {
  suggest: (...lines: string[]) => Promise<Suggestion>;
  top: (...lines: string[]) => Promise<string>;
}

export function askDemo(assistant: () => Assistant): ChatAsker {
  const suggest = (...lines: string[]): Promise<Suggestion> => assistant().suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: CHAT_NOW });
  return { suggest, top: async (...lines) => (await suggest(...lines)).drafts[0]?.text ?? '' };
}

/** A woman asking on 2026-11-28 (the eval clock) who bought `sku` twenty days before (none when undefined). */
export function askAfterPurchase(assistant: () => Assistant): (sku: string | undefined, ...lines: string[]) => Promise<Suggestion> {
  const now = Date.parse('2026-11-28T10:00:00+08:00');
  return (sku, ...lines) =>
    assistant().suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now, profile: { ...emptyProfile('wmCUST', now), gender: 2, facts: sku ? [{ key: 'purchase', value: sku, at: now - 20 * 86_400_000 }] : [] } });
}

/** askAfterPurchase on the demo assistant, loaded once before the calling file's tests. */
export function askDemoAfterPurchase(): (sku: string | undefined, ...lines: string[]) => Promise<Suggestion> {
  let assistant: Assistant | undefined;
  beforeAll(async () => {
    ({ assistant } = await demoAssistant());
  });
  return askAfterPurchase(() => {
    if (!assistant) throw new Error('the demo assistant is not loaded yet');
    return assistant;
  });
}

/** Whether a complaint or after-sales tag is proposed. */
export const complaintTagged = (s: Suggestion): boolean => s.tags.some((t) => /投诉|售后/u.test(t.tag));
/** The top draft's text. */
export const topText = (s: Suggestion): string => s.drafts[0]?.text ?? '';
