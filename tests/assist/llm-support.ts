/**
 * LLM test setup: the real `openai` SDK pointed at the fake model server, an assistant with the LLM
 * engine over the fixture knowledge, and builders for model answers.
 */
import OpenAI from 'openai';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { CorpTagLibrary } from '../../src/assist/knowledge/schemas.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import { createCircuitBreaker } from '../../src/assist/llm/circuit-breaker.ts';
import { createLlmEngine } from '../../src/assist/llm/llm-engine.ts';
import type { LlmEngine } from '../../src/assist/llm/llm-engine.ts';
import type { FakeLlmServer } from '../support/fake-llm-server.ts';

export interface LlmSetup {
  assistant: Assistant;
  engine: LlmEngine;
}

export function llmAssistant(
  server: FakeLlmServer,
  kb: KnowledgeBase,
  corp: CorpTagLibrary,
  options: { timeoutMs?: number; failureThreshold?: number; cooldownMs?: number } = {},
): LlmSetup {
  const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'test-key', maxRetries: 0 });
  const engine = createLlmEngine({
    client,
    model: 'fake-model',
    timeoutMs: options.timeoutMs ?? 5000,
    breaker: createCircuitBreaker({ failureThreshold: options.failureThreshold ?? 5, cooldownMs: options.cooldownMs ?? 60_000 }),
  });
  const assistant = createAssistant({
    knowledge: staticKnowledge(kb),
    corpTags: () => corp,
    engine: 'llm',
    llm: engine,
    directory: { guideName: () => '林晓', storeName: () => '静安嘉里店' },
  });
  return { assistant, engine };
}

export interface ModelTag {
  tag_id: string;
  evidence: string;
  message_id: string;
  confidence: number;
}

/** A well-formed model answer. */
export function modelAnswer(drafts: string[], tags: ModelTag[] = [], extra: { source_id?: string | null } = {}): Record<string, unknown> {
  return {
    drafts: drafts.map((text) => ({ text, source_id: extra.source_id ?? null })),
    tags,
    summary: '顾客咨询大衣价格和尺码',
    next_action: '确认尺码后发送链接',
  };
}

export function tagId(corp: CorpTagLibrary, key: string): string {
  const [group, name] = key.split('/');
  const id = corp.groups.find((g) => g.name === group)?.tags.find((t) => t.name === name)?.id;
  if (!id) throw new Error(`no tag ${key} in the library`);
  return id;
}
