import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signJsApi } from '../../src/wecom/jssdk.ts';
import { startHarness, startRecorder, type Harness } from '../support/emulator-harness.ts';

let h: Harness;
let recorder: Awaited<ReturnType<typeof startRecorder>>;

beforeAll(async () => {
  recorder = await startRecorder();
  h = await startHarness({ webhookUrl: recorder.url, sidebarUrl: 'http://127.0.0.1:9/sidebar/' });
});

afterAll(async () => {
  await h.close();
  await recorder.close();
});

beforeEach(() => {
  h.emulator.faults.reset();
});

async function admin(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${h.emulator.url}/__emulator/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('faults over HTTP', () => {
  it('failNext, latency and early token expiry reach the client', async () => {
    const api = h.client();
    await api.listExternalContacts('guide.lin');
    expect((await admin('faults', { failNext: { errcode: 60020, path: 'externalcontact/list' } })).status).toBe(200);
    await expect(api.listExternalContacts('guide.lin')).rejects.toMatchObject({ errcode: 60020 });
    const before = h.calls('gettoken');
    await admin('faults', { expireTokens: true });
    await api.listExternalContacts('guide.lin');
    expect(h.calls('gettoken') - before).toBe(1);
    const set = await admin('faults', { latencyMs: 5, kfPageSize: 10 });
    expect(set.json).toMatchObject({ latencyMs: 5, kfPageSize: 10 });
    expect((await admin('faults', { failNext: { errcode: 'x' } })).status).toBe(400);
    expect((await admin('faults', { reset: true })).json).toMatchObject({ latencyMs: 0, kfPageSize: 1000 });
  });
});

describe('driving the tenant', () => {
  it('adds a contact, tags it, and the directory shows it', async () => {
    const added = await admin('contacts', { userid: 'guide.chen', name: '钱女士', gender: 2, state: 'mall-event' });
    expect(added.status).toBe(200);
    const id = String(added.json.externalUserId);
    expect(added.json.delivery).toMatchObject({ status: 'delivered' });
    expect((await admin('contacts/edit', { userid: 'guide.chen', external_userid: id, add_tag: ['预算/200-500', 'et01T01'] })).status).toBe(200);
    const directory = (await admin('directory')).json as { customers: { external_userid: string; name: string; follow: { userid: string; state: string; tags: { name: string }[] }[] }[]; sidebarUrl: string };
    const customer = directory.customers.find((c) => c.external_userid === id);
    expect(customer).toMatchObject({ name: '钱女士', follow: [{ userid: 'guide.chen', state: 'mall-event' }] });
    expect(customer?.follow[0]?.tags.map((t) => t.name)).toEqual(['200-500', '服装']);
    expect(directory.sidebarUrl).toBe('http://127.0.0.1:9/sidebar/');
    expect(recorder.requests.filter((r) => r.method === 'POST').length).toBeGreaterThanOrEqual(2);
  });

  it('rejects bad input with a 4xx and changes nothing', async () => {
    const before = h.emulator.state.callbacks.length;
    expect((await admin('contacts', { userid: 'nobody' })).status).toBe(400);
    expect((await admin('contacts/edit', { userid: 'guide.lin', external_userid: 'wmFixtureC001', add_tag: ['不存在/标签'] })).status).toBe(400);
    expect((await admin('contacts/delete', { userid: 'guide.lin', external_userid: 'wmFixtureC001', by: 'someone' })).status).toBe(400);
    expect((await admin('tags', { change: 'rename' })).status).toBe(400);
    expect((await admin('chat', { guide: 'guide.lin', customer: 'wmFixtureC001', from: 'customer', text: '  ' })).status).toBe(400);
    expect(h.emulator.state.callbacks.length).toBe(before);
  });

  it('changes the tag library over HTTP', async () => {
    const created = await admin('tags', { change: 'create', group_id: 'etG07', name: '度假' });
    expect(created.status).toBe(200);
    expect(h.emulator.state.tagGroups.find((g) => g.id === 'etG07')?.tags.map((t) => t.name)).toContain('度假');
    expect((await admin('tags', { change: 'delete', id: String(created.json.id) })).status).toBe(200);
    expect(h.emulator.state.tagGroups.find((g) => g.id === 'etG07')?.tags.map((t) => t.name)).not.toContain('度假');
  });
});

describe('the demo chat API', () => {
  it('posts as customer and guide, lists the chat, and streams lines live', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${h.emulator.url}/__emulator/chat/stream?guide=guide.wang`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    const posted = await admin('chat?wait=1', { guide: 'guide.wang', customer: 'wmFixtureC004', from: 'customer', text: '我的靴子开胶了' });
    expect(posted.json.delivery).toMatchObject({ status: 'delivered' });
    await admin('chat', { guide: 'guide.wang', customer: 'wmFixtureC004', from: 'guide', text: '抱歉，马上为您登记售后' });
    let streamed = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      streamed += new TextDecoder().decode(chunk.value);
      if (streamed.includes('马上为您登记售后')) break;
    }
    controller.abort();
    expect(streamed).toContain('event: chat');
    expect(streamed).toContain('我的靴子开胶了');
    const list = await admin('chat?guide=guide.wang&customer=wmFixtureC004');
    expect((list.json.messages as { from: string; text: string }[]).map((m) => [m.from, m.text])).toEqual([
      ['customer', '我的靴子开胶了'],
      ['guide', '抱歉，马上为您登记售后'],
    ]);
    const page = await h.client().syncKfMessages({ openKfId: 'wkFixtureKf01' });
    expect(page.messages.filter((m) => m.externalUserId === 'wmFixtureC004').map((m) => [m.origin, m.servicerUserId ?? ''])).toEqual([
      [4, ''],
      [3, ''],
      [5, 'guide.wang'],
    ]);
  });

  it('app messages to a guide are listed for the demo inbox', async () => {
    await h.client().sendMessage({ toUser: ['guide.lin'], msgtype: 'text', text: { content: '生日提醒：张女士' } });
    const listed = await admin('app-messages?userid=guide.lin');
    expect((listed.json.messages as { body: { content: string } }[]).map((m) => m.body.content)).toContain('生日提醒：张女士');
  });
});

describe('static files and the JS-SDK check', () => {
  it('serves ww.js with CORS, the demo page, and answers preflights', async () => {
    const ww = await fetch(`${h.emulator.url}/__emulator/ww.js`, { headers: { origin: 'http://127.0.0.1:9' } });
    // CORS only for the service's pages (the sidebar calls the admin API from there), never `*`.
    expect(ww.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9');
    expect(ww.headers.get('vary')).toContain('Origin');
    const foreign = await fetch(`${h.emulator.url}/__emulator/directory`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${h.emulator.url}/__emulator/directory`)).headers.get('access-control-allow-origin')).toBeNull();
    expect(await ww.text()).toContain('window.ww');
    const page = await fetch(`${h.emulator.url}/demo/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('导购助手');
    expect((await fetch(`${h.emulator.url}/demo/demo.js`)).status).toBe(200);
    const preflight = await fetch(`${h.emulator.url}/__emulator/chat`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect((await fetch(`${h.emulator.url}/nowhere`)).status).toBe(404);
  });

  it('accepts a signature made with a live agent_config ticket, refuses one made over other values', async () => {
    const ticket = await h.client().getAgentConfigTicket();
    const url = 'http://127.0.0.1:3000/sidebar/?guide=guide.lin';
    const good = signJsApi({ ticket, url, nonceStr: 'abc123', timestamp: 1740967200 });
    expect((await admin('jssdk/verify', { kind: 'agent_config', url, ...good })).json).toEqual({ ok: true });
    const bad = signJsApi({ ticket, url, nonceStr: 'abc123', timestamp: 1740967200000 });
    expect((await admin('jssdk/verify', { kind: 'agent_config', url, ...bad, timestamp: 1740967200 })).json).toMatchObject({ ok: false });
  });
});
