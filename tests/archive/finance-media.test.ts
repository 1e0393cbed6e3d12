import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveRecord, ArchiveSource } from '../../src/wecom/archive/archive-source.ts';
import { createFinanceArchiveSource } from '../../src/wecom/archive/finance/finance-archive-source.ts';
import { loadFinanceSdk } from '../../src/wecom/archive/finance/finance-sdk-library.ts';
import { createMediaStore, mediaFileStem, type MediaStore } from '../../src/wecom/archive/finance/media-store.ts';
import { loadPrivateKeyRing } from '../../src/wecom/archive/finance/private-key-ring.ts';
import { archiveFixture, archiveKeyPair, buildFinanceStub, type ArchiveFixture, type ArchiveKeyPair, type FinanceStub } from '../support/finance-stub.ts';

// GetMediaData through koffi against the stub: chunked by indexbuf into the bounded media directory, or
// placeholders; a media failure never stops the chat records.
let stub: FinanceStub;
let dir: string;
let serverFiles: string;
let key: ArchiveKeyPair;
let fixture: ArchiveFixture;
let failures: string[];
const sources: ArchiveSource[] = [];

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5_000)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2_500)]);
const AMR = Buffer.concat([Buffer.from('#!AMR\n'), randomBytes(3_000)]);

beforeAll(async () => {
  stub = await buildFinanceStub();
  dir = mkdtempSync(join(tmpdir(), 'finance-media-'));
  serverFiles = join(dir, 'tencent');
  mkdirSync(serverFiles);
  writeFileSync(join(serverFiles, 'fileJPEG'), JPEG);
  writeFileSync(join(serverFiles, 'filePNG'), PNG);
  writeFileSync(join(serverFiles, 'fileAMR'), AMR);
  key = archiveKeyPair(dir, 1);
});

beforeEach(() => {
  stub.control('reset', '');
  fixture = archiveFixture(dir, `chat-${randomUUID()}.txt`);
  stub.control('fixture', fixture.file);
  stub.control('media_dir', serverFiles);
  stub.control('media_chunk', 1_000);
  failures = [];
});

afterAll(async () => {
  for (const created of sources) await created.close?.();
  rmSync(dir, { recursive: true, force: true });
  stub.dispose();
});

function source(media: MediaStore | undefined): ArchiveSource {
  const created = createFinanceArchiveSource({
    library: loadFinanceSdk(stub.path),
    corpId: 'ww_fixture_corp',
    secret: 'archive-secret',
    keys: loadPrivateKeyRing(`1:${key.privatePem}`),
    timeoutSec: 5,
    graceMs: 2000,
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    sleep: async () => undefined,
    ...(media ? { media } : {}),
    onMediaFailure: ({ msgid }) => void failures.push(msgid),
  });
  sources.push(created);
  return created;
}

const image = (msgid: string, file: string, data: Buffer, extra: Record<string, unknown> = {}) => ({
  msgid,
  action: 'send',
  from: 'wmLT0002',
  tolist: ['guide.lin'],
  roomid: '',
  msgtime: 1,
  msgtype: 'image',
  image: { md5sum: md5(data), filesize: data.length, sdkfileid: file, ...extra },
});

const mediaOf = (records: ArchiveRecord[]) => records.map((r) => [r.msgid, r.media?.status, r.media?.file, r.media?.bytes]);

describe('archived media', () => {
  it('fetches images and voice in indexbuf chunks into the store, named by msgid and typed by content', async () => {
    const store = mkdtempSync(join(dir, 'store-'));
    fixture.add(image('img/1+a=', 'fileJPEG', JPEG), key);
    fixture.add(image('img2', 'filePNG', PNG), key);
    fixture.add({ msgid: 'voice1', action: 'send', from: 'wmLT0002', tolist: ['guide.lin'], roomid: '', msgtime: 2, msgtype: 'voice', voice: { md5sum: md5(AMR), voice_size: AMR.length, play_length: 3, sdkfileid: 'fileAMR' } }, key);
    const page = await source(createMediaStore({ dir: store, maxBytes: 1_000_000, maxFileBytes: 100_000 })).fetchChatData({ seq: 0, limit: 10 });
    expect(mediaOf(page.records)).toEqual([
      ['img/1+a=', 'stored', `${mediaFileStem('img/1+a=')}.jpg`, JPEG.length],
      ['img2', 'stored', `${mediaFileStem('img2')}.png`, PNG.length],
      ['voice1', 'stored', `${mediaFileStem('voice1')}.amr`, AMR.length],
    ]);
    expect(readFileSync(join(store, `${mediaFileStem('img/1+a=')}.jpg`)).equals(JPEG)).toBe(true);
    expect(readFileSync(join(store, `${mediaFileStem('voice1')}.amr`)).equals(AMR)).toBe(true);
    // 5,004 + 2,508 + 3,006 bytes at 1,000 a call.
    expect(stub.counter('getmediadata')).toBe(6 + 3 + 4);
    expect(stub.counter('live_media')).toBe(0);
    expect(failures).toEqual([]);
  });

  it('records placeholders without fetching when the store is off, or for media too large to keep', async () => {
    fixture.add(image('big', 'fileJPEG', JPEG), key);
    fixture.add({ msgid: 'video1', action: 'send', from: 'wmLT0002', tolist: ['guide.lin'], roomid: '', msgtime: 2, msgtype: 'video', video: { sdkfileid: 'x', filesize: 10 } }, key);
    const placeholders = await source(undefined).fetchChatData({ seq: 0, limit: 10 });
    expect(mediaOf(placeholders.records)).toEqual([
      ['big', 'placeholder', undefined, undefined],
      ['video1', undefined, undefined, undefined],
    ]);
    const store = mkdtempSync(join(dir, 'store-'));
    const small = await source(createMediaStore({ dir: store, maxBytes: 100_000, maxFileBytes: 4_000 })).fetchChatData({ seq: 0, limit: 10 });
    expect(mediaOf(small.records)[0]).toEqual(['big', 'too_large', undefined, JPEG.length]);
    expect(stub.counter('getmediadata')).toBe(0);
    expect(readdirSync(store)).toEqual([]);
  });

  it('a media error or a bad checksum leaves a placeholder and the chat records still arrive', async () => {
    const store = mkdtempSync(join(dir, 'store-'));
    fixture.add(image('gone', 'fileJPEG', JPEG), key);
    fixture.add(image('corrupt', 'filePNG', PNG, { md5sum: '0'.repeat(32) }), key);
    fixture.add(image('missing', 'noSuchFile', PNG), key);
    stub.control('media_fail', '10010x1');
    const page = await source(createMediaStore({ dir: store, maxBytes: 100_000, maxFileBytes: 100_000 })).fetchChatData({ seq: 0, limit: 10 });
    expect(mediaOf(page.records)).toEqual([
      ['gone', 'failed', undefined, undefined],
      ['corrupt', 'failed', undefined, undefined],
      ['missing', 'failed', undefined, undefined],
    ]);
    expect(failures).toEqual(['gone', 'corrupt', 'missing']);
    expect(readdirSync(store)).toEqual([]);
    expect(stub.counter('live_media')).toBe(0);
  });

  it('keeps the directory under its cap by dropping the oldest files', async () => {
    const store = mkdtempSync(join(dir, 'store-'));
    for (const id of ['a1', 'a2', 'a3']) fixture.add(image(id, 'fileJPEG', JPEG), key);
    const page = await source(createMediaStore({ dir: store, maxBytes: 2 * JPEG.length + 10, maxFileBytes: JPEG.length })).fetchChatData({ seq: 0, limit: 10 });
    expect(page.records.map((r) => r.media?.status)).toEqual(['stored', 'stored', 'stored']);
    expect(readdirSync(store).sort()).toEqual([`${mediaFileStem('a2')}.jpg`, `${mediaFileStem('a3')}.jpg`].sort());
  });
});
