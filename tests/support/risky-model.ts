import { startFakeLlmServer, json, type FakeLlmServer } from './fake-llm-server.ts';

/** The text a careless model writes: a discount the store does not offer (a guardrail holds it). */
export const RISKY_DRAFT = '这件我给您打8折，今天下单就行～';
export const SAFE_DRAFT = '您好，这款目前有货，您平时穿什么尺码呢？我帮您看看合适的码数。';

/** A fake model provider that always answers with one risky and one safe draft. */
export async function startRiskyModel(): Promise<FakeLlmServer> {
  const server = await startFakeLlmServer();
  server.setDefault(() =>
    json({
      drafts: [
        { text: RISKY_DRAFT, source_id: null },
        { text: SAFE_DRAFT, source_id: null },
      ],
      tags: [],
      summary: '顾客询问优惠',
      next_action: '确认尺码后推荐',
    }),
  );
  return server;
}

export function llmEnv(server: FakeLlmServer): Record<string, string> {
  return { ASSIST_ENGINE: 'llm', LLM_BASE_URL: server.baseURL, LLM_MODEL: 'test-model', LLM_API_KEY: 'test-key' };
}
