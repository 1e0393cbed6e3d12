// Child process for the callback benchmark: serves either the full callback path or a bare Koa route.
import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { startService } from '../../src/main.ts';
import { testConfig } from '../support/test-service.ts';
import { OFFICIAL_KEYS } from '../support/vectors.ts';

const mode = process.argv[2];
const send = (msg: unknown): void => void process.send?.(msg);

if (mode === 'bare') {
  const app = new Koa();
  app.use(async (ctx) => {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    ctx.body = '';
  });
  const server = app.listen(0, '127.0.0.1', () => send({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
} else {
  const durability: Record<string, string> = process.env.DURABILITY_MODE ? { DURABILITY_MODE: process.env.DURABILITY_MODE } : {};
  const config = testConfig({ WORKER_ENABLED: 'false', REDIS_PREFIX: process.argv[3] ?? 'bench:', ...durability }, OFFICIAL_KEYS);
  const service = await startService(config, { worker: false, log: pino({ level: 'silent' }) });
  send({ url: service.url });
  process.on('message', (msg) => {
    if (msg === 'stop') void service.close().then(() => process.exit(0));
  });
}
