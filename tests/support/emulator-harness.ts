import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKeys, type Keys } from '../../src/conversation/keys.ts';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/start-emulator.ts';
import { createHttpWecomApi, type HttpWecomApiOptions } from '../../src/wecom/api/http-wecom-api.ts';
import { createRedisTokenCache } from '../../src/wecom/api/redis-token-cache.ts';
import { createSendGuard } from '../../src/wecom/api/send-guard.ts';
import type { WecomApi } from '../../src/wecom/api/wecom-api.ts';
import type { RedisClient } from '../../src/ops/redis-client.ts';
import { writeFixtureSeed } from './emulator-seed.ts';
import { deleteKeys, keysUnder, testRedis } from './test-service.ts';

export const EMU_KEYS = {
  token: 'EmuToken42',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'ww_fixture_corp',
  agentId: '1000002',
};
export const EMU_SECRETS = { app: 'app-secret-1', contact: 'contact-secret-1', kf: 'kf-secret-1', archive: 'archive-secret-1' };

/** The emulator on the demo tenant with the chat-archive stand-in (its chatdata route takes `token`). */
export function startArchiveEmulator(token: string, secrets: Record<string, string> = EMU_SECRETS): Promise<Emulator> {
  return startEmulator({ seedDir: 'config/demo', keys: EMU_KEYS, secrets, archive: { token }, callbackRetryDelayMs: 10 });
}

/** A clock shared by the emulator and the client, moved by hand. */
export interface Clock {
  now: () => number;
  advance(ms: number): void;
}

export function createClock(start = Date.UTC(2025, 2, 3, 2, 0, 0)): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export interface Harness {
  emulator: Emulator;
  redis: RedisClient;
  keys: Keys;
  clock: Clock;
  /** A fresh client (as a separate process would build it) over the shared Redis and clock. */
  client(overrides?: Partial<HttpWecomApiOptions>): WecomApi;
  calls(path: string): number;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const seed = writeFixtureSeed();
  const clock = createClock();
  const emulator = await startEmulator({ seedDir: seed.seedDir, keys: EMU_KEYS, secrets: EMU_SECRETS, now: clock.now, callbackRetryDelayMs: 10, ...options });
  const redis = testRedis();
  const keys = createKeys(`test:${randomUUID()}:`);
  return {
    emulator,
    redis,
    keys,
    clock,
    client: (overrides = {}) =>
      createHttpWecomApi({
        baseUrl: `${emulator.url}/cgi-bin`,
        corpId: EMU_KEYS.corpId,
        agentId: Number(EMU_KEYS.agentId),
        secrets: EMU_SECRETS,
        tokenCache: createRedisTokenCache(redis, keys),
        sendGuard: createSendGuard(redis, keys),
        now: clock.now,
        sleep: async () => undefined,
        ...overrides,
      }),
    calls: (path) => emulator.state.calls.get(path) ?? 0,
    async close() {
      await emulator.close();
      await deleteKeys(redis, await keysUnder(redis, keys.prefix));
      redis.disconnect();
      seed.cleanup();
    },
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  body: string;
}

/** A webhook stand-in that records what reaches it and answers with the given status. */
export async function startRecorder(status = 200): Promise<{ url: string; requests: RecordedRequest[]; setStatus(s: number): void; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  let answer = status;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/wecom/callback`,
    requests,
    setStatus: (s) => void (answer = s),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
