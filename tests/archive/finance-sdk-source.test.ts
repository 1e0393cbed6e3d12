import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RedisClient } from '../../src/ops/redis-client.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeys, type Keys } from '../../src/conversation/keys.ts';
import type { ChatMessage } from '../../src/conversation/model.ts';
import type { AppError } from '../../src/errors.ts';
import { createFinanceArchiveSource, type FinanceArchiveSourceOptions } from '../../src/wecom/archive/finance/finance-archive-source.ts';
import { loadFinanceSdk } from '../../src/wecom/archive/finance/finance-sdk-library.ts';
import { loadPrivateKeyRing } from '../../src/wecom/archive/finance/private-key-ring.ts';
import { pullArchive } from '../../src/wecom/archive/pull-archive.ts';
import type { ArchiveSource } from '../../src/wecom/archive/archive-source.ts';
import { eventually } from '../support/eventually.ts';
import { archiveFixture, archiveKeyPair, buildFinanceStub, textRecord, type ArchiveFixture, type ArchiveKeyPair, type FinanceStub } from '../support/finance-stub.ts';
import { deleteUnder, keysUnder, testRedis } from '../support/test-service.ts';

// The Finance SDK adapter through koffi against a gcc-built stub of the documented C API, with real RSA
// (node-forge) and real Redis: seq paging, slices, retries, timeouts and the pull loop run for real.
const MEMBERS = new Set(['guide.lin', 'guide.chen']);
let stub: FinanceStub;
let dir: string;
let keyDir: string;
let v1: ArchiveKeyPair;
let v2: ArchiveKeyPair;
let redis: RedisClient;
let keys: Keys;
let fixture: ArchiveFixture;
let sleeps: number[];
const sources: ArchiveSource[] = [];
const prefixes: string[] = [];

beforeAll(async () => {
  stub = await buildFinanceStub();
  dir = mkdtempSync(join(tmpdir(), 'finance-test-'));
  keyDir = join(dir, 'keys');
  mkdirSync(keyDir);
  v1 = archiveKeyPair(keyDir, 1);
  v2 = archiveKeyPair(keyDir, 2);
  redis = testRedis();
});

beforeEach(() => {
  stub.control('reset', '');
  keys = createKeys(`test:${randomUUID()}:`);
  prefixes.push(keys.prefix);
  fixture = archiveFixture(dir, `chat-${randomUUID()}.txt`);
  stub.control('fixture', fixture.file);
  sleeps = [];
});

afterAll(async () => {
  for (const created of sources) await created.close?.();
  for (const prefix of prefixes) await deleteUnder(prefix);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
  stub.dispose();
});

function source(overrides: Partial<FinanceArchiveSourceOptions> = {}): ArchiveSource {
  const created = createFinanceArchiveSource({
    library: loadFinanceSdk(stub.path),
    corpId: 'ww_fixture_corp',
    secret: 'archive-secret',
    keys: loadPrivateKeyRing(keyDir),
    timeoutSec: 5,
    graceMs: 2000,
    retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 40 },
    sleep: async (ms) => void sleeps.push(ms),
    ...overrides,
  });
  sources.push(created);
  return created;
}

function pull(from: ArchiveSource, limit?: number) {
  const delivered: ChatMessage[][] = [];
  const run = pullArchive({
    source: from,
    redis,
    keys,
    corpMembers: (id) => MEMBERS.has(id),
    now: Date.now(),
    ...(limit ? { limit } : {}),
    onMessages: async (m) => void delivered.push(m),
  });
  return { run, delivered };
}

describe('the Finance SDK source through koffi', () => {
  it('pages by seq, decrypts with the key of each record’s publickey_ver and frees every slice', async () => {
    const lines = ['那件风衣还有货吗', '有的，米色和黑色都有', '黑色M码帮我留一件', '好的已留', '周六去店里拿'];
    lines.forEach((text, i) =>
      fixture.add(i % 2 === 0 ? textRecord('wmLT0002', 'guide.lin', text, 1_000 + i) : textRecord('guide.lin', 'wmLT0002', text, 1_000 + i), i < 3 ? v1 : v2),
    );
    const from = source({ proxy: 'socks5://127.0.0.1:1080' });
    const { run, delivered } = pull(from, 2);
    const result = await run;
    expect(delivered.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(result.messages.map((m) => [m.speaker, m.text, m.guideId, m.customerId, m.seq])).toEqual(
      lines.map((text, i) => [i % 2 === 0 ? 'customer' : 'guide', text, 'guide.lin', 'wmLT0002', i + 1]),
    );
    expect(result.seq).toBe(5);
    expect(await redis.get(keys.archiveSeq())).toBe('5');
    // One SDK instance for the whole pull; the page size, timeout and proxy reached the C call.
    expect(stub.counter('init')).toBe(1);
    expect(stub.counter('getchatdata')).toBe(3);
    expect([stub.counter('last_limit'), stub.counter('last_timeout'), stub.lastProxy()]).toEqual([2, 5, 'socks5://127.0.0.1:1080']);
    expect(stub.counter('live_slices')).toBe(0);

    fixture.add(textRecord('wmLT0002', 'guide.lin', '几点关门', 2_000), v2);
    const next = await pull(from).run;
    expect(next.messages.map((m) => [m.text, m.seq])).toEqual([['几点关门', 6]]);
    expect(stub.counter('init')).toBe(1);
  });

  it('keeps switch and recall records out of the conversation, hands a group record on with its roomId, and moves the seq past them', async () => {
    fixture.add({ action: 'switch', time: 1_554_119_421_840, user: 'guide.lin' }, v1);
    fixture.add({ action: 'recall', from: 'wmLT0003', tolist: ['guide.chen'], roomid: '', msgtime: 5, msgtype: 'revoke' }, v1);
    fixture.add({ ...textRecord('wmLT0003', 'guide.chen', '群里问一下', 6), roomid: 'wrGroup01', tolist: ['guide.chen', 'guide.lin'] }, v1);
    fixture.add({ action: 'send', from: 'wmLT0003', tolist: ['guide.chen'], roomid: '', msgtime: 7, msgtype: 'emotion', emotion: { type: 1 } }, v1);
    const result = await pull(source()).run;
    expect(result.skipped).toBe(2);
    expect(result.messages.map((m) => [m.speaker, m.text, m.kind, m.roomId])).toEqual([
      ['customer', '群里问一下', undefined, 'wrGroup01'],
      ['customer', '', 'emotion', undefined],
    ]);
    expect(result.seq).toBe(4);
  });

  it('a record of a key version it does not hold stops the pull with the version named; nothing stored', async () => {
    fixture.add(textRecord('wmLT0002', 'guide.lin', '你好', 1), v1);
    const v9 = archiveKeyPair(dir, 9);
    fixture.add(textRecord('wmLT0002', 'guide.lin', '在吗', 2), v9);
    const error = await pull(source()).run.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'archive_private_key_missing', status: 502 });
    expect((error as AppError).hint).toContain('version 9');
    expect(await redis.get(keys.archiveSeq())).toBeNull();
  });

  it('a private key that is not the pair of the uploaded one is named as such', async () => {
    const impostorDir = mkdtempSync(join(dir, 'impostor-'));
    const impostor = archiveKeyPair(impostorDir, 1);
    fixture.add(textRecord('wmLT0002', 'guide.lin', '你好', 1), v1);
    const error = await pull(source({ keys: loadPrivateKeyRing(`1:${impostor.privatePem}`) })).run.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'archive_private_key_mismatch' });
    expect(await keysUnder(redis, keys.prefix)).toEqual([]);
  });
});

describe('SDK errors and timeouts injected through the stub', () => {
  it('retries 10001 with backoff, then delivers', async () => {
    fixture.add(textRecord('wmLT0002', 'guide.lin', '还有S码吗', 1), v1);
    stub.control('fail', '10001x2');
    const result = await pull(source()).run;
    expect(result.messages.map((m) => m.text)).toEqual(['还有S码吗']);
    expect(stub.counter('getchatdata')).toBe(2 + 1);
    expect(sleeps).toHaveLength(2);
    expect(sleeps.every((ms, i) => ms >= 0 && ms < 10 * 2 ** i)).toBe(true);
  });

  it('gives up on a retryable code after maxRetries, as a 503 with the network hint', async () => {
    fixture.add(textRecord('wmLT0002', 'guide.lin', '还有S码吗', 1), v1);
    stub.control('fail', '10003x9');
    const error = await pull(source({ retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 40 } })).run.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'archive_sdk_error', status: 503 });
    expect((error as Error).message).toContain('10003');
    expect(stub.counter('getchatdata')).toBe(3);
    expect(await redis.get(keys.archiveSeq())).toBeNull();
  });

  it('surfaces a non-retryable code at once with what the operator must fix', async () => {
    fixture.add(textRecord('wmLT0002', 'guide.lin', '还有S码吗', 1), v1);
    stub.control('fail', '10009x1');
    const error = await pull(source()).run.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'archive_sdk_error', status: 502 });
    expect((error as AppError).hint).toContain('可信IP');
    expect(stub.counter('getchatdata')).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('an Init failure names the archive Secret and leaves no SDK instance behind', async () => {
    const before = stub.counter('live_sdks');
    stub.control('init_fail', '10011');
    const error = await pull(source()).run.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'archive_sdk_error' });
    expect((error as AppError).hint).toContain('ARCHIVE_SECRET');
    expect(stub.counter('live_sdks')).toBe(before);
    expect(stub.counter('getchatdata')).toBe(0);
  });

  it('a call that runs into the SDK timeout (10001) is retried and the page still arrives', async () => {
    fixture.add(textRecord('wmLT0002', 'guide.lin', '到店自提可以吗', 1), v1);
    stub.control('delay', '1500x1');
    const result = await pull(source({ timeoutSec: 1 })).run;
    expect(result.messages.map((m) => m.text)).toEqual(['到店自提可以吗']);
    expect(stub.counter('last_timeout')).toBe(1);
    expect(stub.counter('getchatdata')).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it('an SDK that ignores its timeout is cut off; the instance is replaced and destroyed once the call returns', async () => {
    fixture.add(textRecord('wmLT0002', 'guide.lin', '到店自提可以吗', 1), v1);
    const from = source({ timeoutSec: 1, graceMs: 100 });
    const liveBefore = stub.counter('live_sdks');
    stub.control('hang', '1600x1');
    const error = await pull(from).run.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'archive_timeout', status: 503 });
    expect(await redis.get(keys.archiveSeq())).toBeNull();
    const retry = await pull(from).run;
    expect(retry.messages.map((m) => m.text)).toEqual(['到店自提可以吗']);
    expect(stub.counter('init')).toBe(2);
    // The hung instance goes when its call finally returns: one instance of this source is left.
    expect(await eventually(async () => stub.counter('live_sdks'), (n) => n === liveBefore + 1)).toBe(liveBefore + 1);
    expect(stub.counter('live_slices')).toBe(0);
  });
});

describe('loading the library', () => {
  it('names what is wrong with FINANCE_SDK_PATH: no file, or a library that is not the Finance SDK', () => {
    expect(() => loadFinanceSdk(join(dir, 'missing.so'))).toThrow(expect.objectContaining({ code: 'finance_sdk_load_failed', hint: expect.stringContaining('FINANCE_SDK_PATH') }));
    expect(() => loadFinanceSdk('libc.so.6')).toThrow(expect.objectContaining({ code: 'finance_sdk_load_failed', message: expect.stringContaining('NewSdk') }));
  });
});

describe('private key configuration', () => {
  it('reads `ver:path,ver:path` and a directory of <ver>.pem; refuses what it cannot use', () => {
    expect(loadPrivateKeyRing(`1:${v1.privatePem}, 2:${v2.privatePem}`).versions()).toEqual([1, 2]);
    expect(loadPrivateKeyRing(keyDir).versions()).toEqual([1, 2]);
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    for (const [spec, message] of [
      ['', 'empty'],
      [`v1:${v1.privatePem}`, 'not <version>:<path>'],
      [`1:${v1.privatePem},1:${v2.privatePem}`, 'version 1 twice'],
      [`3:${join(dir, 'missing.pem')}`, 'cannot read'],
      [`4:${notPem}`, 'not an unencrypted RSA private key'],
      [mkdtempSync(join(dir, 'empty-')), 'no <version>.pem'],
    ] as const) {
      expect(() => loadPrivateKeyRing(spec), spec).toThrow(expect.objectContaining({ code: 'archive_private_keys_invalid', message: expect.stringContaining(message) }));
    }
  });
});
