import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { browserFetch, cookiesFrom } from '../support/demo-session.ts';
import { startTestService } from '../support/service-fixture.ts';
import { openSse } from '../support/sse-client.ts';

/**
 * Demo mode on the service's one port: `/` opens the demo, and the emulator (still its own server on
 * loopback) answers the demo's browser routes through the service, so `docker compose` publishing 3000 and a
 * phone on the LAN need nothing else. Its test and fault controls stay unreachable through the service.
 */

let service: Service;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ service, stop } = await startTestService({ WORKER_ENABLED: 'false' }, { warmUp: false }));
}, 60_000);

afterAll(async () => stop());

function directive(res: Response, name: string): string[] | undefined {
  const policy = res.headers.get('content-security-policy') ?? '';
  return policy.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)?.slice(1);
}

async function chatLines(): Promise<string[]> {
  const res = await fetch(`${service.emulator!.url}/__emulator/chat?guide=guide.lin&customer=wmLT0001`);
  const body = (await res.json()) as { messages: Array<{ text?: string }> };
  return body.messages.map((m) => m.text ?? '');
}

describe('the demo on the service port', () => {
  it('opens the demo at / and serves its page, script and styles from the service', async () => {
    const root = await fetch(`${service.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/demo/');
    const page = await fetch(`${service.url}/demo/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('id="sidebar-frame"');
    // A page of ours that frames the sidebar from this origin and may itself be framed by no one.
    expect(directive(page, 'frame-src')).toEqual(["'self'"]);
    expect(directive(page, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(page, 'script-src')).toEqual(["'self'"]);
    for (const asset of ['/demo/demo.js', '/demo/render-lines.js', '/demo/pick-chat.js', '/demo/demo.css', '/__emulator/ww.js']) expect((await fetch(`${service.url}${asset}`)).status, asset).toBe(200);
  });

  it('names the sidebar by path through the service, so the page frames it on the origin it was opened on', async () => {
    const through = (await (await fetch(`${service.url}/__emulator/directory`)).json()) as { sidebarUrl: string };
    expect(through.sidebarUrl).toBe('/sidebar/');
    const direct = (await (await fetch(`${service.emulator!.url}/__emulator/directory`)).json()) as { sidebarUrl: string };
    expect(direct.sidebarUrl).toBe(`${service.url}/sidebar/`);
    const sidebar = await fetch(`${service.url}/sidebar/`);
    expect(directive(sidebar, 'frame-ancestors')).toContain("'self'");
  });

  it('keeps the emulator’s controls and server API out of reach through the service', async () => {
    for (const path of ['/__emulator/calls', '/__emulator/callbacks', '/cgi-bin/gettoken?corpid=x&corpsecret=y']) {
      expect((await fetch(`${service.url}${path}`)).status, path).toBe(404);
    }
    const faults = await browserFetch(service, '/__emulator/faults', { method: 'POST', body: JSON.stringify({ latencyMs: 5000 }) });
    expect(faults.status).toBe(404);
    const code = await browserFetch(service, '/__emulator/oauth/code', { method: 'POST', body: JSON.stringify({ userid: 'admin.zhao' }) });
    expect(code.status).toBe(404);
  });

  it('posts chat lines through the service’s CSRF guard and streams them back', async () => {
    const stream = openSse(`${service.url}/__emulator/chat/stream?guide=guide.lin`, '');
    await stream.ready;
    const before = await chatLines();
    const foreign = await browserFetch(service, '/__emulator/chat', {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
      body: JSON.stringify({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', text: '外站发来的' }),
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('bad_origin');
    const form = await browserFetch(service, '/__emulator/chat', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(form.status).toBe(415);
    expect(await chatLines()).toEqual(before);

    const ours = await browserFetch(service, '/__emulator/chat', {
      method: 'POST',
      body: JSON.stringify({ guide: 'guide.lin', customer: 'wmLT0001', from: 'customer', text: '有38码吗' }),
    });
    expect(ours.status).toBe(200);
    expect(await chatLines()).toEqual([...before, '有38码吗']);
    // The emulator's own 4xx reaches the page as it answered it.
    const bad = await browserFetch(service, '/__emulator/chat', { method: 'POST', body: JSON.stringify({ guide: 'guide.lin', from: 'nobody' }) });
    expect(bad.status).toBe(400);
    await expect.poll(() => stream.events.filter((e) => e.event === 'chat').map((e) => (e.data.line as { text: string }).text)).toContain('有38码吗');
    stream.close();
  });

  it('signs in through WeCom’s OAuth page on the service’s origin', async () => {
    const login = await fetch(`${service.url}/auth/login?next=%2Freview%2F`, { redirect: 'manual' });
    const authorize = new URL(login.headers.get('location') ?? '');
    expect(authorize.origin).toBe(service.url);
    expect(authorize.pathname).toBe('/connect/oauth2/authorize');
    // The demo's 店长审核台 link: the one-shot choice rides the cookie the emulator sets on this origin.
    const signInAs = await fetch(`${service.url}/__emulator/sign-in-as?user=manager.wang&next=${encodeURIComponent(`${service.url}/auth/login`)}`, { redirect: 'manual' });
    expect(signInAs.status).toBe(302);
    const once = cookiesFrom(signInAs).emulator_user ?? '';
    expect(once).toBe('manager.wang');
    const back = await fetch(authorize, { redirect: 'manual', headers: { cookie: `emulator_user=${once}` } });
    expect(back.status).toBe(302);
    const callback = new URL(back.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(`${service.url}/auth/callback`);
    expect(callback.searchParams.get('code')).toMatch(/^emu_code_/);
    const done = await fetch(callback, { redirect: 'manual', headers: { cookie: `ga_oauth=${cookiesFrom(login).ga_oauth}` } });
    expect(done.headers.get('location')).toBe('/review/');
    const me = await fetch(`${service.url}/api/me`, { headers: { cookie: `ga_session=${cookiesFrom(done).ga_session}` } });
    expect(((await me.json()) as { userId: string }).userId).toBe('manager.wang');
  });

  it('marks cookies Secure, but for the demo at a plain-http PUBLIC_URL (a phone on the LAN)', async () => {
    const local = await fetch(`${service.url}/auth/login`, { redirect: 'manual' });
    expect(local.headers.getSetCookie().every((c) => c.includes('; Secure;'))).toBe(true);
    const lan = await startTestService({ WORKER_ENABLED: 'false', PUBLIC_URL: 'http://192.0.2.10:3000' }, { warmUp: false });
    try {
      const login = await fetch(`${lan.service.url}/auth/login`, { redirect: 'manual' });
      expect(new URL(login.headers.get('location') ?? '').origin).toBe('http://192.0.2.10:3000');
      const cookies = login.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      expect(cookies.some((c) => c.includes('Secure'))).toBe(false);
    } finally {
      await lan.stop();
    }
  });
});
