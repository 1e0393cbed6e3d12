import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeys, type Keys } from '../../src/conversation/keys.ts';
import type { ChatMessage } from '../../src/conversation/model.ts';
import type { Emulator } from '../../src/emulator/start-emulator.ts';
import { AppError } from '../../src/errors.ts';
import { createHttpArchiveSource } from '../../src/wecom/archive/http-archive-source.ts';
import { pullArchive } from '../../src/wecom/archive/pull-archive.ts';
import type { RedisClient } from '../../src/ops/redis-client.ts';
import { startArchiveEmulator } from '../support/emulator-harness.ts';
import { deleteKeys, keysUnder, testRedis } from '../support/test-service.ts';

// The puller against the emulator's sidecar over HTTP, with real Redis; each test gets its own key prefix.
const TOKEN = 'archive-test-token';
const MEMBERS = new Set(['guide.lin', 'guide.chen', 'guide.zhou', 'guide.he', 'manager.wang', 'admin.hq']);
let emulator: Emulator;
let redis: RedisClient;
let keys: Keys;
const prefixes: string[] = [];

beforeAll(async () => {
  emulator = await startArchiveEmulator(TOKEN);
  redis = testRedis();
});

beforeEach(() => {
  keys = createKeys(`test:${randomUUID()}:`);
  prefixes.push(keys.prefix);
  emulator.archive?.records.splice(0);
});

afterAll(async () => {
  for (const prefix of prefixes) {
    await deleteKeys(redis, await keysUnder(redis, prefix));
  }
  redis.disconnect();
  await emulator.close();
});

const archive = () => emulator.archive!;
const source = (token = TOKEN, baseUrl = `${emulator.url}/__emulator/archive`) => createHttpArchiveSource({ baseUrl, token, timeoutMs: 2000 });

function pull(options: { limit?: number; client?: RedisClient; token?: string; onMessages?: (m: ChatMessage[]) => Promise<void> } = {}) {
  const delivered: ChatMessage[][] = [];
  const run = pullArchive({
    source: source(options.token),
    redis: options.client ?? redis,
    keys,
    corpMembers: (id) => MEMBERS.has(id),
    now: Date.now(),
    ...(options.limit ? { limit: options.limit } : {}),
    onMessages: options.onMessages ?? (async (m) => void delivered.push(m)),
  });
  return { run, delivered };
}

describe('pullArchive', () => {
  it('pages while has_more and maps 1:1 external lines to the (guide, customer) conversation', async () => {
    const texts = ['那件风衣还有货吗', '有的，米色和黑色都有', '黑色M码帮我留一件', '好的已留', '周六去店里拿'];
    texts.forEach((text, i) => archive().append({ guide: 'guide.lin', customer: 'wmLT0002', from: i % 2 === 0 ? 'customer' : 'guide', text }));
    const { run, delivered } = pull({ limit: 2 });
    const result = await run;
    expect(result.pages).toBe(3);
    expect(delivered.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(result.messages.map((m) => [m.speaker, m.text, m.source, m.guideId, m.customerId])).toEqual(
      texts.map((text, i) => [i % 2 === 0 ? 'customer' : 'guide', text, 'archive', 'guide.lin', 'wmLT0002']),
    );
    expect(result.seq).toBe(5);
    expect(await redis.get(keys.archiveSeq())).toBe('5');
  });

  it('keeps the seq across a restart (new objects) and delivers nothing twice', async () => {
    archive().append({ guide: 'guide.chen', customer: 'wmLT0003', from: 'customer', text: '敏感肌能用这款吗' });
    expect((await pull().run).messages).toHaveLength(1);

    const restarted = testRedis();
    try {
      const again = await pull({ client: restarted }).run;
      expect(again.messages).toHaveLength(0);
      expect(again.seq).toBe(1);
      archive().append({ guide: 'guide.chen', customer: 'wmLT0003', from: 'guide', text: '可以的，先在耳后试用' });
      const next = await pull({ client: restarted }).run;
      expect(next.messages.map((m) => m.text)).toEqual(['可以的，先在耳后试用']);
      expect(next.seq).toBe(2);
    } finally {
      restarted.disconnect();
    }
  });

  it('skips recalls, switches and member-to-member chats; group lines carry their roomId; non-text lines become placeholders', async () => {
    archive().append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', text: '群里问一下', roomid: 'wrGroup001', tolist: ['guide.lin', 'guide.chen'] });
    archive().append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', action: 'recall', msgtype: 'revoke' });
    archive().append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'guide', action: 'switch', msgtype: 'switch', tolist: [] });
    archive().append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'guide', text: '内部沟通', tolist: ['guide.chen'] });
    archive().append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', msgtype: 'image' });
    archive().append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', text: '这张图里的口红' });
    const result = await pull().run;
    expect(result.skipped).toBe(3);
    expect(result.messages.map((m) => [m.speaker, m.text, m.kind, m.roomId])).toEqual([
      ['customer', '群里问一下', undefined, 'wrGroup001'],
      ['customer', '', 'image', undefined],
      ['customer', '这张图里的口红', undefined, undefined],
    ]);
    // A group line names its speaker only: the group's conversation is not a guide–customer pair.
    expect(result.messages[0]).toMatchObject({ customerId: 'wmLT0001', guideId: '' });
    expect(result.seq).toBe(6);
  });

  it('moves the seq only after onMessages resolved: a failed hand-over is delivered again', async () => {
    archive().append({ guide: 'guide.zhou', customer: 'wmLT0005', from: 'customer', text: '伴娘礼服到货了吗' });
    const failing = pull({ onMessages: async () => Promise.reject(new Error('store down')) });
    await expect(failing.run).rejects.toThrow('store down');
    expect(await redis.get(keys.archiveSeq())).toBeNull();
    const retry = await pull().run;
    expect(retry.messages.map((m) => m.text)).toEqual(['伴娘礼服到货了吗']);
  });
});

describe('a bad sidecar answer', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ items: [{ seq: 'one', msgid: 'm1', action: 'send', from: 'wmLT0001', tolist: ['guide.lin'], roomid: '', msgtime: 1, msgtype: 'text' }], has_more: false }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is a typed error with a hint, and nothing is recorded', async () => {
    const delivered: ChatMessage[] = [];
    const error = await pullArchive({
      source: source(TOKEN, url),
      redis,
      keys,
      corpMembers: (id) => MEMBERS.has(id),
      now: Date.now(),
      onMessages: async (m) => void delivered.push(...m),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'archive_bad_response', status: 502 });
    expect((error as AppError).hint).toContain('ARCHIVE_URL');
    expect(delivered).toEqual([]);
    // The lock is released and no seq or seen marker was written.
    expect(await keysUnder(redis, keys.prefix)).toEqual([]);
  });

  it('a refused token is a typed HTTP error', async () => {
    archive().append({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', text: '你好' });
    await expect(pull({ token: 'wrong' }).run).rejects.toMatchObject({ code: 'archive_http_error' });
    expect(await redis.get(keys.archiveSeq())).toBeNull();
  });
});
