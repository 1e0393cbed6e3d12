import { setTimeout as delay } from 'node:timers/promises';
import { callWecom, type RetryPolicy, type Transport, type WecomRequest } from './call-wecom.ts';
import { createArchiveEndpoints } from './archive-endpoints.ts';
import { createContactEndpoints } from './contact-endpoints.ts';
import { createGroupEndpoints } from './group-endpoints.ts';
import { createInflight, obtainCredential, type CredentialOptions } from './credential.ts';
import { createMessageEndpoints } from './message-endpoints.ts';
import { ticketResponse, tokenResponse } from './response-schemas.ts';
import type { SendGuard } from './send-guard.ts';
import type { CredentialId, TicketKind, TokenCache } from './token-cache.ts';
import type { SecretName, WecomApi } from './wecom-api.ts';

export interface HttpWecomApiOptions {
  /** `https://qyapi.weixin.qq.com/cgi-bin` in production, `<emulator url>/cgi-bin` in demo mode. */
  baseUrl: string;
  corpId: string;
  agentId: number;
  /**
   * corpsecret per secret name. `contact` (客户联系 secret) and `kf` (微信客服) fall back to `app`, which
   * works when the app is listed under 客户联系 → 可调用接口的应用 and authorised for the 客服 account.
   * `archive` (会话内容存档 Secret) is what the msgaudit APIs accept.
   */
  secrets: { app: string; contact?: string; kf?: string; archive?: string };
  tokenCache: TokenCache;
  sendGuard: SendGuard;
  now?: () => number;
  /** Backoff waits; tests pass a recorder that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Upper bound for one HTTP exchange. Default 5000 ms. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How long a refresh may hold the cross-process lock. Default 10 s. */
  lockTtlMs?: number;
  /** Poll interval while another process refreshes. Default 25 ms. */
  pollMs?: number;
}

const TICKET_PATHS: Record<TicketKind, { path: string; query: Record<string, string> }> = {
  jsapi: { path: 'get_jsapi_ticket', query: {} },
  agent_config: { path: 'ticket/get', query: { type: 'agent_config' } },
};

/** The WecomApi adapter over HTTP (global fetch). See call-wecom.ts for the retry algorithm. */
export function createHttpWecomApi(options: HttpWecomApiOptions): WecomApi {
  const now = options.now ?? Date.now;
  const transport: Transport = {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 5000,
    retry: { maxRetries: 3, baseDelayMs: 200, maxDelayMs: 3000, ...options.retry },
    sleep: options.sleep ?? ((ms) => delay(ms).then(() => undefined)),
    random: options.random ?? Math.random,
  };
  const credentials: CredentialOptions = {
    cache: options.tokenCache,
    now,
    lockTtlMs: options.lockTtlMs ?? 10_000,
    pollMs: options.pollMs ?? 25,
  };
  const inflight = createInflight();

  const effectiveSecret = (name: SecretName): SecretName => (options.secrets[name] === undefined ? 'app' : name);

  function accessToken(name: SecretName): Promise<string> {
    const secret = effectiveSecret(name);
    const id: CredentialId = { type: 'access_token', secret };
    return inflight(`token:${secret}`, () =>
      obtainCredential(credentials, id, async () => {
        const answer = await callWecom(transport, {
          method: 'GET',
          path: 'gettoken',
          query: { corpid: options.corpId, corpsecret: options.secrets[secret] ?? options.secrets.app },
          schema: tokenResponse,
        });
        return { value: answer.access_token, expiresInSeconds: answer.expires_in };
      }),
    );
  }

  function call<T>(name: SecretName, request: WecomRequest<T>): Promise<T> {
    const id: CredentialId = { type: 'access_token', secret: effectiveSecret(name) };
    return callWecom(transport, request, {
      get: () => accessToken(name),
      invalidate: (token) => options.tokenCache.invalidate(id, token),
    });
  }

  function ticket(kind: TicketKind): Promise<string> {
    return inflight(`ticket:${kind}`, () =>
      obtainCredential(credentials, { type: 'ticket', kind }, async () => {
        const answer = await call('app', { method: 'GET', ...TICKET_PATHS[kind], schema: ticketResponse });
        return { value: answer.ticket, expiresInSeconds: answer.expires_in };
      }),
    );
  }

  return {
    ...createContactEndpoints(call),
    ...createGroupEndpoints(call),
    ...createArchiveEndpoints(call),
    ...createMessageEndpoints({ call, agentId: options.agentId, guard: options.sendGuard, now }),
    getJsApiTicket: () => ticket('jsapi'),
    getAgentConfigTicket: () => ticket('agent_config'),
  };
}
