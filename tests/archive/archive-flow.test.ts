import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/start-emulator.ts';
import { startService, type Service } from '../../src/main.ts';
import { EMU_KEYS, startArchiveEmulator } from '../support/emulator-harness.ts';
import { eventually } from '../support/eventually.ts';
import { deleteUnder, silentLog, testConfig } from '../support/test-service.ts';

// WeCom mode against the emulator: a chat line enters the archive, the emulator sends a signed
// msgaudit_notify, the worker pulls the sidecar contract over HTTP and records the line.
let emulator: Emulator;
let service: Service;
let prefix: string;

beforeAll(async () => {
  emulator = await startArchiveEmulator('flow-archive-token', { app: 'test-secret', archive: 'flow-archive-secret' });
  const config = testConfig(
    {
      WECOM_API_BASE_URL: `${emulator.url}/cgi-bin`,
      ARCHIVE_URL: `${emulator.url}/__emulator/archive`,
      ARCHIVE_TOKEN: 'flow-archive-token',
      ARCHIVE_SECRET: 'flow-archive-secret',
    },
    EMU_KEYS,
  );
  prefix = config.redis.prefix;
  service = await startService(config, { log: silentLog, warmUp: false });
  emulator.setWebhookUrl(`${service.url}/wecom/callback`);
});

afterAll(async () => {
  await service.close();
  await emulator.close();
  await deleteUnder(prefix);
});

describe('msgaudit_notify end to end', () => {
  it('puts a customer line from the archive into the conversation, once', async () => {
    const { record, delivery } = await emulator.archive!.say({ guide: 'guide.lin', customer: 'wmLT0007', from: 'customer', text: '周末约会穿什么好？' });
    expect(delivery.status).toBe('delivered');
    const messages = await eventually(() => service.stores.store.lastMessages('guide.lin', 'wmLT0007', 10), (m) => m.length >= 1);
    expect(messages.map((m) => [m.id, m.speaker, m.text, m.source])).toEqual([[record.msgid, 'customer', '周末约会穿什么好？', 'archive']]);
    // The puller records a page's lines before it saves the page's seq: the seq may land a moment later.
    expect(await eventually(() => service.redis.get(service.keys.archiveSeq()), (seq) => seq === String(record.seq))).toBe(String(record.seq));
  });
});
