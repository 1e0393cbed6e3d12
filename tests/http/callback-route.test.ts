import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type Service } from '../../src/main.ts';
import { contactEventXml, postCallback, signedCallback, textMessageXml } from '../support/callbacks.ts';
import { eventually } from '../support/eventually.ts';
import { inboxLength } from '../../src/jobs/inbox-pump.ts';
import { deleteUnder, keysUnder, silentLog, testConfig } from '../support/test-service.ts';
import { OFFICIAL, OFFICIAL_KEYS } from '../support/vectors.ts';

const NOW_SEC = 1409659813;
let service: Service;
let prefix: string;

beforeAll(async () => {
  const config = testConfig({ WORKER_ENABLED: 'false' }, OFFICIAL_KEYS);
  prefix = config.redis.prefix;
  service = await startService(config, { now: () => NOW_SEC * 1000, log: silentLog, worker: false, pump: true, warmUp: false });
});

afterAll(async () => {
  await service.close();
  await deleteUnder(prefix);
});

async function metric(name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : Number.NaN;
}

async function expectRefused(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}

describe('GET /wecom/callback (URL verification)', () => {
  it('answers the official vector with the plaintext only', async () => {
    const { msg_signature, timestamp, nonce } = OFFICIAL.get;
    const qs = `msg_signature=${msg_signature}&timestamp=${timestamp}&nonce=${nonce}&echostr=${encodeURIComponent(OFFICIAL.get.echostr)}`;
    const res = await fetch(`${service.url}/wecom/callback?${qs}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1616140317555161061');
  });

  it('refuses missing parameters and a forged signature', async () => {
    await expectRefused(await fetch(`${service.url}/wecom/callback?timestamp=1409659589&nonce=1`), 400, 'missing_param');
    const { timestamp, nonce } = OFFICIAL.get;
    const qs = `msg_signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=${nonce}&echostr=${encodeURIComponent(OFFICIAL.get.echostr)}`;
    await expectRefused(await fetch(`${service.url}/wecom/callback?${qs}`), 400, 'bad_signature');
  });
});

describe('POST /wecom/callback', () => {
  it('accepts the official vector and enqueues one job carrying the parsed event', async () => {
    const { msg_signature, timestamp, nonce, body } = OFFICIAL.post;
    const res = await fetch(`${service.url}/wecom/callback?msg_signature=${msg_signature}&timestamp=${timestamp}&nonce=${nonce}`, { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const job = await eventually(() => service.eventQueue.getJob('msg-4561255354251345929'), (j) => j !== undefined);
    expect(job?.data.event).toMatchObject({ type: 'text', msgId: '4561255354251345929', content: 'hello', fromUser: 'mycreate' });
  });

  it('creates exactly one job for the same callback sent 3 times in a row and 3 times at once', async () => {
    const before = { accepted: await metric('wecom_callbacks_total', 'result="accepted"'), duplicate: await metric('wecom_callbacks_total', 'result="duplicate"') };
    const sequential = signedCallback(OFFICIAL_KEYS, textMessageXml(OFFICIAL.corpId, '7000000000000000001', '在吗'), NOW_SEC);
    for (let i = 0; i < 3; i++) expect((await postCallback(service.url, sequential)).status).toBe(200);
    const concurrent = signedCallback(OFFICIAL_KEYS, contactEventXml(OFFICIAL.corpId, 'del_follow_user', 'guide.lin', 'wmX', NOW_SEC), NOW_SEC);
    const answers = await Promise.all([1, 2, 3].map(() => postCallback(service.url, concurrent)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);

    await eventually(() => inboxLength(service.redis, service.keys), (n) => n === 0);
    const jobs = await service.eventQueue.getJobs(['waiting', 'prioritized', 'delayed', 'active']);
    expect(jobs.filter((j) => j.data.dedupeKey === 'msg-7000000000000000001')).toHaveLength(1);
    expect(jobs.filter((j) => j.data.event.type === 'change_external_contact')).toHaveLength(1);
    expect(await metric('wecom_callbacks_total', 'result="accepted"')).toBe(before.accepted + 2);
    expect(await metric('wecom_callbacks_total', 'result="duplicate"')).toBe(before.duplicate + 4);
  });

  describe('rejections answer 4xx with a stable code and store nothing', () => {
    let keysBefore: string[];
    beforeAll(async () => {
      keysBefore = (await keysUnder(service.redis, prefix)).sort();
    });

    const xml = textMessageXml(OFFICIAL.corpId, '7100000000000000001', 'hi');

    it('wrong token', async () => {
      const cb = signedCallback({ ...OFFICIAL_KEYS, token: 'not-the-token' }, xml, NOW_SEC);
      await expectRefused(await postCallback(service.url, cb), 400, 'bad_signature');
    });

    it('wrong corp id inside a valid ciphertext', async () => {
      const cb = signedCallback({ ...OFFICIAL_KEYS, corpId: 'wwother' }, xml, NOW_SEC);
      await expectRefused(await postCallback(service.url, cb), 400, 'wrong_receiver');
    });

    it('stale and future timestamps (replays)', async () => {
      await expectRefused(await postCallback(service.url, signedCallback(OFFICIAL_KEYS, xml, NOW_SEC - 301)), 400, 'stale_timestamp');
      await expectRefused(await postCallback(service.url, signedCallback(OFFICIAL_KEYS, xml, NOW_SEC + 301)), 400, 'stale_timestamp');
    });

    it('missing query parameters', async () => {
      const cb = signedCallback(OFFICIAL_KEYS, xml, NOW_SEC);
      const res = await fetch(`${service.url}/wecom/callback?${cb.query.replace(/nonce=[^&]+/, '')}`, { method: 'POST', body: cb.body });
      await expectRefused(res, 400, 'missing_param');
    });

    it('a body without <Encrypt>, and a DOCTYPE envelope', async () => {
      const cb = signedCallback(OFFICIAL_KEYS, xml, NOW_SEC);
      await expectRefused(await postCallback(service.url, { ...cb, body: '<xml><ToUserName>x</ToUserName></xml>' }), 400, 'missing_encrypt');
      const hostile = `<!DOCTYPE x [<!ENTITY a "b">]>${cb.body}`;
      await expectRefused(await postCallback(service.url, { ...cb, body: hostile }), 400, 'forbidden_xml');
    });

    it('an envelope with any element twice (two <Encrypt>, two <ToUserName>, two <AgentID>)', async () => {
      const cb = signedCallback(OFFICIAL_KEYS, xml, NOW_SEC);
      const other = signedCallback(OFFICIAL_KEYS, textMessageXml(OFFICIAL.corpId, '7100000000000000002', 'other'), NOW_SEC);
      const encryptOf = (body: string): string => /<Encrypt>.*?<\/Encrypt>/.exec(body)?.[0] ?? '';
      const bodies = [
        cb.body.replace('</xml>', `${encryptOf(other.body)}</xml>`),
        cb.body.replace('<xml>', `<xml>${encryptOf(other.body)}`),
        cb.body.replace('</xml>', '<ToUserName><![CDATA[wwother]]></ToUserName></xml>'),
        cb.body.replace('</xml>', '<AgentID>1</AgentID></xml>'),
        cb.body.replace('</xml>', '<xml></xml></xml>'),
      ];
      for (const body of bodies) await expectRefused(await postCallback(service.url, { ...cb, body }), 400, 'duplicate_element');
    });

    it('a billion-laughs document inside a correctly signed ciphertext', async () => {
      const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><xml><ToUserName>&lol2;</ToUserName></xml>`;
      await expectRefused(await postCallback(service.url, signedCallback(OFFICIAL_KEYS, laughs, NOW_SEC)), 400, 'forbidden_xml');
    });

    it('a change_external_chat with a member id that is not an id, inside a correctly signed ciphertext', async () => {
      const hostile = `<xml><ToUserName><![CDATA[${OFFICIAL.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>${NOW_SEC}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event><ChatId><![CDATA[wrG1]]></ChatId><ChangeType><![CDATA[update]]></ChangeType><UpdateDetail><![CDATA[add_member]]></UpdateDetail><MemChangeList><Item><![CDATA[wm"><img src=x>]]></Item></MemChangeList></xml>`;
      await expectRefused(await postCallback(service.url, signedCallback(OFFICIAL_KEYS, hostile, NOW_SEC)), 400, 'bad_event');
    });

    it('malformed XML inside a correctly signed ciphertext', async () => {
      await expectRefused(await postCallback(service.url, signedCallback(OFFICIAL_KEYS, '<xml><MsgType>text</xml>', NOW_SEC)), 400, 'bad_xml');
    });

    it('a body over 64 KiB', async () => {
      const cb = signedCallback(OFFICIAL_KEYS, xml, NOW_SEC);
      const res = await postCallback(service.url, { ...cb, body: cb.body + ' '.repeat(64 * 1024) });
      await expectRefused(res, 413, 'body_too_large');
    });

    it('left Redis exactly as it was', async () => {
      expect((await keysUnder(service.redis, prefix)).sort()).toEqual(keysBefore);
    });

    it('counts every refusal as rejected', async () => {
      expect(await metric('wecom_callbacks_total', 'result="rejected"')).toBeGreaterThanOrEqual(10);
      expect(await metric('wecom_callback_rejections_total', 'code="bad_signature"')).toBeGreaterThanOrEqual(1);
    });
  });
});

describe('operations routes', () => {
  it('reports health, readiness and metrics', async () => {
    expect(await (await fetch(`${service.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { redis: 'ok', queue: 'ok' } });
    const text = await (await fetch(`${service.url}/metrics`)).text();
    expect(text).toContain('wecom_callback_duration_seconds_bucket');
    expect(text).toMatch(/wecom_event_queue_depth\{state="waiting"\} \d+/);
  });
});
