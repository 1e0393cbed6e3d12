import type { z } from 'zod';
import { BUSY_ERRCODES, TOKEN_ERRCODES, WecomApiError, beforeSending, wecomBadResponse, wecomUnreachable } from './wecom-api-error.ts';

export interface RetryPolicy {
  /** Retries after -1 / 45009 / 45033 (so at most maxRetries + 1 attempts). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface Transport {
  /** e.g. `https://qyapi.weixin.qq.com/cgi-bin` or the emulator's `<url>/cgi-bin`. */
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export interface WecomRequest<T> {
  method: 'GET' | 'POST';
  /** Relative to the base URL, e.g. `externalcontact/get`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  schema: z.ZodType<T>;
}

/** How a call gets its access_token; absent for gettoken itself. */
export interface TokenSource {
  get(): Promise<string>;
  invalidate(token: string): Promise<void>;
}

function buildUrl(transport: Transport, request: WecomRequest<unknown>, token: string | undefined): string {
  const url = new URL(`${transport.baseUrl.replace(/\/+$/, '')}/${request.path}`);
  if (token !== undefined) url.searchParams.set('access_token', token);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

async function sendOnce(transport: Transport, request: WecomRequest<unknown>, token: string | undefined): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(buildUrl(transport, request, token), {
      method: request.method,
      signal: AbortSignal.timeout(transport.timeoutMs),
      ...(request.body === undefined
        ? {}
        : { body: JSON.stringify(request.body), headers: { 'content-type': 'application/json; charset=utf-8' } }),
    });
  } catch (cause) {
    throw wecomUnreachable(request.path, cause);
  }
  if (!response.ok) throw wecomUnreachable(request.path, new Error(`HTTP ${response.status}`));
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw wecomBadResponse(request.path, cause);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw wecomBadResponse(request.path, new Error('not an object'));
  return json as Record<string, unknown>;
}

/** Full jitter: a random wait in [0, min(max, base · 2^attempt)). */
function backoffMs(transport: Transport, attempt: number): number {
  const ceiling = Math.min(transport.retry.maxDelayMs, transport.retry.baseDelayMs * 2 ** attempt);
  return Math.floor(transport.random() * ceiling);
}

/**
 * One WeCom call with the error algorithm in one place (全局错误码, doc 90455):
 * token errcodes → drop the token, fetch a new one, retry once; busy errcodes → bounded jittered retries;
 * any other nonzero errcode → WecomApiError. Network failures are not retried here: the call may have
 * taken effect (a sent message), so the job that asked decides.
 */
export async function callWecom<T>(transport: Transport, request: WecomRequest<T>, tokens?: TokenSource): Promise<T> {
  let tokenRetried = false;
  let busyRetries = 0;
  for (;;) {
    // Every earlier turn of this loop was answered with an errcode, so a failure here means nothing was applied.
    const token = tokens ? await tokens.get().catch((error: unknown) => Promise.reject(beforeSending(error))) : undefined;
    const json = await sendOnce(transport, request, token);
    const errcode = typeof json.errcode === 'number' ? json.errcode : 0;
    if (errcode === 0) {
      const parsed = request.schema.safeParse(json);
      if (!parsed.success) throw wecomBadResponse(request.path, parsed.error);
      return parsed.data;
    }
    if (tokens && token !== undefined && TOKEN_ERRCODES.has(errcode) && !tokenRetried) {
      tokenRetried = true;
      await tokens.invalidate(token);
      continue;
    }
    if (BUSY_ERRCODES.has(errcode) && busyRetries < transport.retry.maxRetries) {
      await transport.sleep(backoffMs(transport, busyRetries));
      busyRetries += 1;
      continue;
    }
    throw new WecomApiError(errcode, request.path, { retries: busyRetries });
  }
}
