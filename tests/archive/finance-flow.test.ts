import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/start-emulator.ts';
import type { Service } from '../../src/main.ts';
import { mediaFileStem } from '../../src/wecom/archive/finance/media-store.ts';
import { EMU_KEYS, startArchiveEmulator } from '../support/emulator-harness.ts';
import { eventually } from '../support/eventually.ts';
import { archiveFixture, archiveKeyPair, buildFinanceStub, textRecord, type ArchiveFixture, type ArchiveKeyPair, type FinanceStub } from '../support/finance-stub.ts';
import { startTestService } from '../support/service-fixture.ts';

// WeCom mode with FINANCE_SDK_PATH: the emulator sends a signed msgaudit_notify, the worker pulls the
// (stub) Finance SDK loaded in-process, checks consent with the archive Secret and records the chat.
let stub: FinanceStub;
let dir: string;
let key: ArchiveKeyPair;
let fixture: ArchiveFixture;
let emulator: Emulator;
let service: Service;
let stop: () => Promise<void>;
let mediaDir: string;

beforeAll(async () => {
  stub = await buildFinanceStub();
  dir = mkdtempSync(join(tmpdir(), 'finance-flow-'));
  mkdirSync(join(dir, 'keys'));
  mkdirSync(join(dir, 'tencent'));
  mediaDir = join(dir, 'media');
  key = archiveKeyPair(join(dir, 'keys'), 3);
  fixture = archiveFixture(dir);
  stub.control('fixture', fixture.file);
  stub.control('media_dir', join(dir, 'tencent'));
  // The archive stand-in only for the signed msgaudit_notify: the records come from the SDK stub.
  emulator = await startArchiveEmulator('unused', { app: 'test-secret', archive: 'flow-archive-secret' });
  ({ service, stop } = await startTestService(
    {
      WECOM_API_BASE_URL: `${emulator.url}/cgi-bin`,
      FINANCE_SDK_PATH: stub.path,
      ARCHIVE_PRIVATE_KEYS: join(dir, 'keys'),
      ARCHIVE_SECRET: 'flow-archive-secret',
      ARCHIVE_MEDIA: 'store',
      ARCHIVE_MEDIA_DIR: mediaDir,
    },
    { warmUp: false },
    EMU_KEYS,
  ));
  emulator.setWebhookUrl(`${service.url}/wecom/callback`);
});

afterAll(async () => {
  await stop();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
  stub.dispose();
});

describe('msgaudit_notify with the Finance SDK in the worker', () => {
  it('records the customer’s lines and stored image, leaves out a customer without consent (text and media), and drafts a reply', async () => {
    emulator.consent.setSingle('guide.chen', 'wmLT0004', false);
    writeFileSync(join(dir, 'tencent', 'photo1'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    writeFileSync(join(dir, 'tencent', 'photo2'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]));
    fixture.add(textRecord('guide.chen', 'wmLT0004', '刘先生您好', Date.now() - 3000), key);
    fixture.add({ msgid: 'refusedPhoto', action: 'send', from: 'wmLT0004', tolist: ['guide.chen'], roomid: '', msgtime: Date.now() - 2500, msgtype: 'image', image: { sdkfileid: 'photo2', filesize: 7 } }, key);
    fixture.add(textRecord('wmLT0007', 'guide.lin', '周末约会穿什么好？', Date.now() - 2000), key);
    fixture.add({ msgid: 'agreedPhoto', action: 'send', from: 'wmLT0007', tolist: ['guide.lin'], roomid: '', msgtime: Date.now() - 1000, msgtype: 'image', image: { sdkfileid: 'photo1', filesize: 7 } }, key);
    const delivery = await emulator.archive!.notify();
    expect(delivery.status).toBe('delivered');

    const messages = await eventually(() => service.stores.store.lastMessages('guide.lin', 'wmLT0007', 10), (m) => m.length >= 2);
    expect(messages.map((m) => [m.speaker, m.text, m.kind, m.source])).toEqual([
      ['customer', '周末约会穿什么好？', undefined, 'archive'],
      ['customer', '', 'image', 'archive'],
    ]);
    expect(await eventually(() => service.redis.get(service.keys.archiveSeq()), (seq) => seq === '4')).toBe('4');
    // Only the consenting customer's image reached the disk.
    expect(readdirSync(mediaDir)).toEqual([`${mediaFileStem('agreedPhoto')}.jpg`]);
    expect(await service.stores.store.lastMessages('guide.chen', 'wmLT0004', 10)).toEqual([]);
    const suggestion = await eventually(() => service.stores.suggestions.get('guide.lin', 'wmLT0007'), (s) => s !== undefined);
    expect(suggestion?.drafts.length).toBeGreaterThan(0);
  });
});
