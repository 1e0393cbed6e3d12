/**
 * The LLM engine for `npm run eval -- suggest --engine llm`, from the same LLM_* variables the service
 * reads (mirrors src/compose/assistant.ts, which takes a whole Config). A missing variable is one line.
 */
import OpenAI from 'openai';
import { createCircuitBreaker } from '../../src/assist/llm/circuit-breaker.ts';
import { createLlmEngine } from '../../src/assist/llm/llm-engine.ts';
import type { LlmEngine } from '../../src/assist/llm/llm-engine.ts';

export interface LlmSettings {
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export function readLlmSettings(env: NodeJS.ProcessEnv): LlmSettings {
  const missing = ['LLM_BASE_URL', 'LLM_MODEL', 'LLM_API_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`--engine llm needs ${missing.join(', ')} (an OpenAI-compatible endpoint, its model name and key)`);
  const timeout = env.LLM_TIMEOUT_MS === undefined || env.LLM_TIMEOUT_MS === '' ? DEFAULT_TIMEOUT_MS : Number(env.LLM_TIMEOUT_MS);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new Error(`LLM_TIMEOUT_MS must be a positive whole number of milliseconds, got "${env.LLM_TIMEOUT_MS}"`);
  return { baseUrl: env.LLM_BASE_URL ?? '', model: env.LLM_MODEL ?? '', apiKey: env.LLM_API_KEY ?? '', timeoutMs: timeout };
}

export function llmEngineFrom(settings: LlmSettings): LlmEngine {
  return createLlmEngine({
    client: new OpenAI({ baseURL: settings.baseUrl, apiKey: settings.apiKey, maxRetries: 0, timeout: settings.timeoutMs }),
    model: settings.model,
    timeoutMs: settings.timeoutMs,
    // An eval measures the model: a streak of failures must not turn the rest of the run offline.
    // Each failure still falls back for its own line and is counted in `fallbacks`.
    breaker: createCircuitBreaker({ failureThreshold: Number.MAX_SAFE_INTEGER }),
  });
}
