import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAndDecrypt } from '../../src/wecom/crypto.ts';
import { parseFlatXml, type XmlFields } from '../../src/wecom/xml.ts';
import { EMU_KEYS, startHarness, type Harness } from '../support/emulator-harness.ts';

/** A webhook that checks and decrypts like ours, records the plaintext, and can be told to fail. */
interface Webhook {
  url: string;
  received: { xml: string; envelope: string }[];
  failNext: number;
  server: Server;
}

const KEYS = { token: EMU_KEYS.token, encodingAesKey: EMU_KEYS.encodingAesKey, corpId: EMU_KEYS.corpId };
let h: Harness;
let hook: Webhook;

async function startWebhook(): Promise<Webhook> {
  const state: Omit<Webhook, 'url' | 'server'> = { received: [], failNext: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://hook');
      const q = url.searchParams;
      const payload = { signature: q.get('msg_signature') ?? '', timestamp: q.get('timestamp') ?? '', nonce: q.get('nonce') ?? '' };
      try {
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/plain' }).end(verifyAndDecrypt(KEYS, { ...payload, encrypt: q.get('echostr') ?? '' }));
          return;
        }
        if (state.failNext > 0) {
          state.failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        const envelope = Buffer.concat(chunks).toString('utf8');
        const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(envelope)?.[1] ?? '';
        state.received.push({ xml: verifyAndDecrypt(KEYS, { ...payload, encrypt }), envelope });
        res.writeHead(200).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { url: `http://127.0.0.1:${port}/wecom/callback`, server });
}

beforeAll(async () => {
  hook = await startWebhook();
  h = await startHarness({ webhookUrl: hook.url });
});

afterAll(async () => {
  await h.close();
  hook.server.closeAllConnections();
  await new Promise((resolve) => hook.server.close(resolve));
});

beforeEach(() => {
  hook.received.length = 0;
  hook.failNext = 0;
});

const lastFields = (): XmlFields => parseFlatXml(hook.received.at(-1)?.xml ?? '');

describe('callbacks the emulator sends', () => {
  it('a customer adding a guide: signed, encrypted add_external_contact with State and WelcomeCode', async () => {
    const added = await h.emulator.actions.addContact({ userid: 'guide.lin', externalUserId: 'wmNewC100', name: '新客户', state: 'store-sh01-poster' });
    expect(added.delivery).toMatchObject({ status: 'delivered', attempts: 1, httpStatus: 200 });
    const [only] = hook.received;
    expect(hook.received).toHaveLength(1);
    expect(only?.envelope).toMatch(/^<xml><ToUserName><!\[CDATA\[ww_fixture_corp\]\]><\/ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><AgentID><!\[CDATA\[1000002\]\]><\/AgentID><\/xml>$/);
    const createTime = Math.floor(h.clock.now() / 1000);
    expect(only?.xml).toBe(
      `<xml><ToUserName><![CDATA[ww_fixture_corp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>${createTime}</CreateTime>` +
        '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>' +
        '<UserID><![CDATA[guide.lin]]></UserID><ExternalUserID><![CDATA[wmNewC100]]></ExternalUserID><State><![CDATA[store-sh01-poster]]></State>' +
        `<WelcomeCode><![CDATA[${added.welcomeCode}]]></WelcomeCode></xml>`,
    );
  });

  it('edits, both deletions and a transfer failure carry the right ChangeType', async () => {
    await h.emulator.actions.editContact({ userid: 'guide.lin', externalUserId: 'wmFixtureC001', addTags: ['场合/送礼'], remark: '张姐' });
    expect(lastFields()).toMatchObject({ Event: 'change_external_contact', ChangeType: 'edit_external_contact', UserID: 'guide.lin', ExternalUserID: 'wmFixtureC001' });
    expect(h.emulator.state.customers.get('wmFixtureC001')?.follows.get('guide.lin')?.tagIds).toContain('et07T01');
    await h.emulator.actions.deleteContact({ userid: 'guide.chen', externalUserId: 'wmFixtureC003', by: 'guide' });
    expect(lastFields()).toMatchObject({ ChangeType: 'del_external_contact', UserID: 'guide.chen', ExternalUserID: 'wmFixtureC003' });
    await h.emulator.actions.deleteContact({ userid: 'guide.wang', externalUserId: 'wmFixtureC004', by: 'customer' });
    expect(lastFields()).toMatchObject({ ChangeType: 'del_follow_user', UserID: 'guide.wang' });
    await h.emulator.actions.transferFail({ userid: 'guide.lin', externalUserId: 'wmFixtureC002', reason: 'customer_refused' });
    expect(lastFields()).toMatchObject({ ChangeType: 'transfer_fail', FailReason: 'customer_refused' });
  });

  it('tag library changes send change_external_tag', async () => {
    const created = await h.emulator.actions.changeTags({ change: 'create', groupName: '会员等级', names: ['银卡'] });
    expect(lastFields()).toMatchObject({ Event: 'change_external_tag', ChangeType: 'create', TagType: 'tag_group', Id: created.id });
    const tag = await h.emulator.actions.changeTags({ change: 'create', groupId: created.id, names: ['金卡'] });
    expect(lastFields()).toMatchObject({ ChangeType: 'create', TagType: 'tag', Id: tag.id });
    await h.emulator.actions.changeTags({ change: 'update', id: tag.id, name: '金卡会员' });
    expect(lastFields()).toMatchObject({ ChangeType: 'update', TagType: 'tag', Id: tag.id });
    await h.emulator.actions.changeTags({ change: 'delete', id: created.id });
    expect(lastFields()).toMatchObject({ ChangeType: 'delete', TagType: 'tag_group', Id: created.id });
    expect(h.emulator.state.tagGroups.some((g) => g.id === created.id)).toBe(false);
  });

  it('a customer writing to 微信客服 sends kf_msg_or_event whose Token pulls the message as origin 3', async () => {
    await h.emulator.actions.say({ guide: 'guide.chen', customer: 'wmFixtureC002', from: 'customer', text: '周末有活动吗' });
    const fields = lastFields();
    expect(fields).toMatchObject({ MsgType: 'event', Event: 'kf_msg_or_event', OpenKfId: 'wkFixtureKf01', ToUserName: 'ww_fixture_corp' });
    const page = await h.client().syncKfMessages({ openKfId: fields.OpenKfId ?? '', token: fields.Token ?? '' });
    const line = page.messages.find((m) => m.text?.content === '周末有活动吗');
    expect(line).toMatchObject({ origin: 3, externalUserId: 'wmFixtureC002', msgtype: 'text' });
    expect(line?.servicerUserId).toBeUndefined();
    expect(await h.client().getKfServiceState({ openKfId: 'wkFixtureKf01', externalUserId: 'wmFixtureC002' })).toEqual({ state: 3, servicerUserId: 'guide.chen' });
  });

  it('re-sends like WeCom when the webhook fails, signing each attempt afresh', async () => {
    hook.failNext = 2;
    const { delivery } = await h.emulator.actions.editContact({ userid: 'guide.lin', externalUserId: 'wmFixtureC002' });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(hook.received).toHaveLength(1);
    hook.failNext = 10;
    const failed = await h.emulator.actions.editContact({ userid: 'guide.lin', externalUserId: 'wmFixtureC002' });
    expect(failed.delivery).toMatchObject({ status: 'failed', attempts: 4, httpStatus: 503 });
  });

  it('verifies the URL with an encrypted echostr', async () => {
    expect(await h.emulator.actions.verifyUrl()).toMatchObject({ ok: true, httpStatus: 200 });
  });
});
