import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../ops/redis-client.ts';
import type { Config } from '../config.ts';
import type { Keys } from '../conversation/keys.ts';
import { createHttpWecomApi } from '../wecom/api/http-wecom-api.ts';
import { createRedisTokenCache } from '../wecom/api/redis-token-cache.ts';
import { createSendGuard } from '../wecom/api/send-guard.ts';
import { DEMO_AGENT_ID, DEMO_CALLBACK_KEYS, DEMO_SECRETS, startDemoEmulator } from './demo.ts';
import type { WecomSetup } from './runtime.ts';

/** The tenant's WeCom from config, or in demo mode a freshly started emulator playing WeCom. */
export async function setUpWecom(config: Config, redis: RedisClient, keys: Keys, now: () => number): Promise<WecomSetup> {
  const client = (baseUrl: string, corpId: string, agentId: string, secrets: { app: string; contact?: string; kf?: string; archive?: string }) =>
    createHttpWecomApi({
      baseUrl,
      corpId,
      agentId: Number(agentId),
      secrets,
      tokenCache: createRedisTokenCache(redis, keys),
      sendGuard: createSendGuard(redis, keys),
      timeoutMs: config.wecom.apiTimeoutMs,
    });
  if (config.mode === 'demo') {
    const archiveToken = randomBytes(18).toString('base64url');
    const emulator = await startDemoEmulator(config, now, archiveToken);
    return {
      callbackKeys: DEMO_CALLBACK_KEYS,
      corpId: DEMO_CALLBACK_KEYS.corpId,
      agentId: DEMO_AGENT_ID,
      api: client(`${emulator.url}/cgi-bin`, DEMO_CALLBACK_KEYS.corpId, DEMO_AGENT_ID, DEMO_SECRETS),
      // Paths on the service's own origin, which forwards them to the emulator (it listens on loopback only):
      // a phone or a published container port reaches WeCom's pages where it reached the service.
      authorizeUrl: '/connect/oauth2/authorize',
      // A secret of this start (unless SESSION_SECRET is set): a constant in the sources would let anyone who
      // reaches the port sign their own admin cookie. Demo sessions end with the process, which is fine.
      sessionSecrets: config.secrets.sessionSecrets.length ? config.secrets.sessionSecrets : [randomBytes(32).toString('base64url')],
      sdkUrl: '/__emulator/ww.js',
      emulator,
      demoArchive: { url: `${emulator.url}/__emulator/archive`, token: archiveToken },
    };
  }
  const { secrets } = config;
  return {
    callbackKeys: { token: secrets.wecomToken, encodingAesKey: secrets.wecomAesKey, corpId: config.wecom.corpId },
    corpId: config.wecom.corpId,
    agentId: config.wecom.agentId,
    api: client(config.wecom.apiBaseUrl, config.wecom.corpId, config.wecom.agentId, {
      app: secrets.wecomSecret,
      ...(secrets.wecomContactSecret ? { contact: secrets.wecomContactSecret } : {}),
      ...(secrets.wecomKfSecret ? { kf: secrets.wecomKfSecret } : {}),
      ...(secrets.archiveSecret ? { archive: secrets.archiveSecret } : {}),
    }),
    authorizeUrl: config.wecom.oauthAuthorizeUrl,
    sessionSecrets: secrets.sessionSecrets,
    sdkUrl: null,
  };
}
