import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSISTANT_THREAD, createEventHandler } from '../../src/jobs/on-event.ts';
import { startService, type Service } from '../../src/main.ts';
import { parseEvent } from '../../src/wecom/parse-event.ts';
import { contactEventXml, postCallback, signedCallback, textMessageXml } from '../support/callbacks.ts';
import { eventually } from '../support/eventually.ts';
import { deleteUnder, silentLog, testConfig } from '../support/test-service.ts';
import { OFFICIAL_KEYS } from '../support/vectors.ts';

const NOW_SEC = 1_700_000_000;
const corp = OFFICIAL_KEYS.corpId;
let service: Service;
let prefix: string;

beforeAll(async () => {
  const config = testConfig({}, OFFICIAL_KEYS);
  prefix = config.redis.prefix;
  service = await startService(config, { now: () => NOW_SEC * 1000, log: silentLog, worker: true });
});

afterAll(async () => {
  await service.close();
  await deleteUnder(prefix);
});

const send = (xml: string, createTime = NOW_SEC): Promise<Response> => postCallback(service.url, signedCallback(OFFICIAL_KEYS, xml, createTime));

describe('event worker, end to end over HTTP with real Redis', () => {
  it("records a member's app text message in their assistant thread", async () => {
    expect((await send(textMessageXml(corp, '8000000000000000001', '顾客问羊绒大衣有没有M码', 'guide.lin', NOW_SEC))).status).toBe(200);
    const messages = await eventually(() => service.store.lastMessages('guide.lin', ASSISTANT_THREAD, 10), (m) => m.length > 0);
    expect(messages).toEqual([
      { id: '8000000000000000001', guideId: 'guide.lin', customerId: ASSISTANT_THREAD, speaker: 'guide', text: '顾客问羊绒大衣有没有M码', source: 'app', at: NOW_SEC * 1000 },
    ]);
  });

  it('opens, annotates and closes relationships from contact events', async () => {
    await send(contactEventXml(corp, 'add_external_contact', 'guide.chen', 'wmE2E', NOW_SEC - 5, '<State><![CDATA[store_sh_qr]]></State><WelcomeCode><![CDATA[W]]></WelcomeCode>'));
    const added = await eventually(() => service.store.getProfile('wmE2E'), (p) => p !== undefined);
    expect(added?.relationships['guide.chen']).toMatchObject({ status: 'active', channel: 'store_sh_qr', since: (NOW_SEC - 5) * 1000 });
    expect(await service.store.isFollowing('guide.chen', 'wmE2E')).toBe(true);

    await send(contactEventXml(corp, 'transfer_fail', 'guide.chen', 'wmE2E', NOW_SEC - 4, '<FailReason><![CDATA[customer_refused]]></FailReason>'));
    await eventually(() => service.store.getProfile('wmE2E'), (p) => p?.relationships['guide.chen']?.transferFailure === 'customer_refused');

    await send(contactEventXml(corp, 'del_follow_user', 'guide.chen', 'wmE2E', NOW_SEC - 3));
    const closed = await eventually(() => service.store.getProfile('wmE2E'), (p) => p?.relationships['guide.chen']?.status === 'closed');
    expect(closed?.relationships['guide.chen']).toMatchObject({ status: 'closed', closedReason: 'del_follow_user', transferFailure: 'customer_refused' });
    expect(await service.store.isFollowing('guide.chen', 'wmE2E')).toBe(false);
  });

  it('is idempotent when the same job is delivered twice', async () => {
    const handle = createEventHandler({ store: service.store, log: silentLog, now: () => NOW_SEC * 1000 });
    const xml = textMessageXml(corp, '8000000000000000099', '同一条', 'guide.zhou', NOW_SEC);
    const job = { dedupeKey: 'msg-8000000000000000099', receivedAt: 0, event: parseEvent(xml) };
    expect(await handle(job)).toBe('recorded');
    expect(await handle(job)).toBe('already_recorded');
    expect(await service.store.lastMessages('guide.zhou', ASSISTANT_THREAD, 10)).toHaveLength(1);
  });
});
