import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJsApi } from '../../src/wecom/jssdk.ts';
import { EMU_KEYS, startHarness, type Harness } from '../support/emulator-harness.ts';

/**
 * ww.js and the demo page in real Chromium. A stand-in sidebar on its own origin signs agentConfig
 * with the ticket our client fetched from the emulator, as the real sidebar will.
 */

let h: Harness;
let browser: Browser;
let sidebar: Server;
let sidebarUrl: string;

function sidebarPage(withSignature: boolean): string {
  const factory = withSignature ? `getAgentConfigSignature: (url) => fetch('/sign?url=' + encodeURIComponent(url)).then((r) => r.json()),` : '';
  return `<!doctype html><meta charset="utf-8"><body><div id="out">…</div>
<script src="${h.emulator.url}/__emulator/ww.js"></script>
<script>
  ww.register({ corpId: '${EMU_KEYS.corpId}', agentId: '${EMU_KEYS.agentId}', ${factory} });
  window.run = async (text) => {
    const context = await ww.getContext();
    const contact = await ww.getCurExternalContact().catch((e) => e);
    const sent = text ? await ww.sendChatMessage({ msgtype: 'text', text: { content: text } }).catch((e) => e) : null;
    return { context, contact, sent };
  };
  window.addEventListener('ww-emulator:context', (e) => { document.getElementById('out').textContent = e.detail.customer; });
</script>`;
}

beforeAll(async () => {
  h = await startHarness();
  const api = h.client();
  const sign = async (pageUrl: string): Promise<string> => {
    const ticket = await api.getAgentConfigTicket();
    return JSON.stringify(signJsApi({ ticket, url: pageUrl, nonceStr: 'n0nce', timestamp: Math.floor(Date.now() / 1000) }));
  };
  sidebar = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sidebar');
    if (url.pathname === '/sign') {
      void sign(url.searchParams.get('url') ?? '').then((body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(sidebarPage(url.pathname !== '/unsigned'));
  });
  await new Promise<void>((resolve) => sidebar.listen(0, '127.0.0.1', resolve));
  sidebarUrl = `http://127.0.0.1:${(sidebar.address() as AddressInfo).port}`;
  // The emulator answers CORS for the app's own pages only, as WeCom trusts only the app's domain.
  h.emulator.setSidebarUrl(`${sidebarUrl}/`);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  sidebar.closeAllConnections();
  await new Promise((resolve) => sidebar.close(resolve));
  await h.close();
});

describe('the ww stand-in', () => {
  it('registered with an agentConfig signature: context, current contact, and sending into the chat as the guide', async () => {
    const page = await browser.newPage();
    await page.goto(`${sidebarUrl}/sidebar/?guide=guide.lin&customer=wmFixtureC001#/drafts`);
    const result = await page.evaluate(() => (window as unknown as { run(t: string): Promise<unknown> }).run('您好，已为您预留 M 码'));
    expect(result).toEqual({
      context: { errMsg: 'getContext:ok', errCode: 0, entry: 'single_chat_tools' },
      contact: { errMsg: 'getCurExternalContact:ok', errCode: 0, userId: 'wmFixtureC001' },
      sent: { errMsg: 'sendChatMessage:ok', errCode: 0 },
    });
    const lines = h.emulator.state.kf.messages.filter((m) => m.origin === 5 && m.guide === 'guide.lin' && m.externalUserId === 'wmFixtureC001');
    expect(lines.map((m) => m.text)).toEqual(['您好，已为您预留 M 码']);
    await page.close();
  });

  it('without agentConfig the customer-contact calls fail like WeCom: "no permission"', async () => {
    const page = await browser.newPage();
    await page.goto(`${sidebarUrl}/unsigned?guide=guide.lin&customer=wmFixtureC001`);
    const before = h.emulator.state.kf.messages.length;
    const result = (await page.evaluate(() => (window as unknown as { run(t: string): Promise<unknown> }).run('不该发出'))) as Record<string, unknown>;
    expect(result.contact).toEqual({ errMsg: 'getCurExternalContact:fail no permission', errCode: -1 });
    expect(result.sent).toEqual({ errMsg: 'sendChatMessage:fail no permission', errCode: -1 });
    expect(h.emulator.state.kf.messages.length).toBe(before);
    await page.close();
  });
});

describe('the demo page', () => {
  it('chats as the customer and hosts the sidebar, whose sends appear live in the chat', async () => {
    h.emulator.setSidebarUrl(`${sidebarUrl}/sidebar/`);
    const page = await browser.newPage();
    await page.goto(`${h.emulator.url}/demo/?guide=guide.chen&customer=wmFixtureC003`);
    await page.getByText('实时').waitFor();
    await page.fill('#composer-text', '这件外套有 M 码吗？');
    await page.press('#composer-text', 'Enter');
    await page.locator('.bubble.customer', { hasText: '这件外套有 M 码吗？' }).waitFor();
    expect(h.emulator.state.kf.messages.some((m) => m.origin === 3 && m.text === '这件外套有 M 码吗？' && m.guide === 'guide.chen')).toBe(true);

    const frame = page.frameLocator('#sidebar-frame');
    // The demo page also tells the hosted sidebar which chat is open (postMessage, as ww.js expects).
    await frame.locator('#out', { hasText: 'wmFixtureC003' }).waitFor();
    const sidebarFrame = page.frames().find((f) => f.url().startsWith(sidebarUrl));
    expect(new URL(sidebarFrame?.url() ?? 'http://x').searchParams.get('customer')).toBe('wmFixtureC003');
    const sent = await sidebarFrame?.evaluate(() => (window as unknown as { run(t: string): Promise<{ sent: unknown }> }).run('有的，M 码还有两件'));
    expect(sent?.sent).toEqual({ errMsg: 'sendChatMessage:ok', errCode: 0 });
    await page.locator('.bubble.guide', { hasText: '有的，M 码还有两件' }).waitFor();
    await page.close();
  });
});
