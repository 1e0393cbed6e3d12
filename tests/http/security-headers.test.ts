import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web.mjs';
import type { Service } from '../../src/main.ts';
import { launchChromium } from '../support/demo-process.ts';
import { api, signIn } from '../support/demo-session.ts';
import { startTestService } from '../support/service-fixture.ts';

let service: Service;
let stop: () => Promise<void>;
let browser: Browser;
let framer: Server;
let framerUrl: string;

/** The CSP directive `name` of a response, as a list of sources. */
function directive(res: Response, name: string): string[] | undefined {
  const policy = res.headers.get('content-security-policy') ?? '';
  const found = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found?.slice(1);
}

beforeAll(async () => {
  await buildWeb({ quiet: true });
  ({ service, stop } = await startTestService({ WORKER_ENABLED: 'false' }, { warmUp: false }));
  browser = await launchChromium();
  // Another port on the same host: same site as the service, so SameSite cookies would ride along into a frame.
  framer = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><iframe id="f" src="${target}" width="400" height="300"></iframe>`);
  });
  await new Promise<void>((ok) => framer.listen(0, '127.0.0.1', ok));
  framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}/`;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (framer ? framer.close(() => ok()) : ok()));
  await stop();
});

describe('security headers', () => {
  it('sends nosniff, a referrer policy and a strict CSP on every page and API answer', async () => {
    for (const path of ['/sidebar/', '/review/', '/api/me', '/healthz', '/nope']) {
      const res = await fetch(`${service.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(directive(res, 'object-src') ?? directive(res, 'default-src'), path).toEqual(expect.arrayContaining([expect.stringMatching(/^'(none|self)'$/)]));
      expect(directive(res, 'frame-ancestors'), path).toBeDefined();
    }
    const page = await fetch(`${service.url}/review/`);
    expect(directive(page, 'script-src')).toEqual(["'self'"]);
    expect(directive(page, 'base-uri')).toEqual(["'none'"]);
  });

  it('lets nothing frame the console and only WeCom (here the emulator’s demo page) frame the sidebar', async () => {
    const review = await fetch(`${service.url}/review/`);
    expect(directive(review, 'frame-ancestors')).toEqual(["'none'"]);
    expect(review.headers.get('x-frame-options')).toBe('DENY');
    const sidebar = await fetch(`${service.url}/sidebar/`);
    const ancestors = directive(sidebar, 'frame-ancestors') ?? [];
    expect(ancestors).toContain(new URL(service.emulator!.url).origin);
    expect(ancestors).not.toContain('*');
    expect(ancestors.some((a) => a.includes(new URL(framerUrl).host))).toBe(false);
    // The demo's emulated `ww` comes through the service's own origin: the sidebar loads scripts from nowhere else.
    expect(directive(sidebar, 'script-src')).toEqual(["'self'"]);
    expect(directive(sidebar, 'connect-src')).toEqual(["'self'"]);
  });

  it('keeps customer data out of caches', async () => {
    const lin = api(service, (await signIn(service, 'guide.lin')).cookie);
    for (const path of ['/api/me', '/api/customers', '/api/tasks']) {
      const res = await lin.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await fetch(`${service.url}/api/me`)).headers.get('cache-control')).toBe('no-store');
  });

  it('sends HSTS only behind TLS (an https PUBLIC_URL)', async () => {
    expect((await fetch(`${service.url}/review/`)).headers.get('strict-transport-security')).toBeNull();
    const other = await startTestService({ WORKER_ENABLED: 'false', PUBLIC_URL: 'https://ga.example.com' }, { warmUp: false });
    try {
      expect((await fetch(`${other.service.url}/review/`)).headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    } finally {
      await other.stop();
    }
  });

  it('a same-site page cannot frame the console in a real browser, the demo page can frame the sidebar', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const blocked = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()) });
      await page.goto(`${framerUrl}?src=${encodeURIComponent(`${service.url}/review/`)}`);
      expect((await blocked).text()).toContain('frame-ancestors');
      expect(await page.frames()[1]?.evaluate(() => document.title).catch(() => 'blocked')).not.toBe('审核台 · 导购助手');
      // The demo page lives on the emulator and frames the sidebar there.
      const demo = await context.newPage();
      await demo.goto(`${service.emulator!.url}/demo/?guide=guide.lin&customer=wmLT0001`);
      const sidebar = demo.frameLocator('#sidebar-frame');
      // A refused frame shows Chromium's error page, which has no #app.
      await sidebar.locator('#app').waitFor({ state: 'attached' });
      expect(await demo.locator('#sidebar-frame').getAttribute('src')).toContain(`${service.url}/sidebar/`);
      // The same page through the service's port (what `npm start` prints) frames the sidebar on that origin.
      const onePort = await context.newPage();
      await onePort.goto(`${service.url}/?guide=guide.lin&customer=wmLT0001`);
      expect(new URL(onePort.url()).pathname).toBe('/demo/');
      await onePort.frameLocator('#sidebar-frame').locator('#app').waitFor({ state: 'attached' });
      expect(new URL((await onePort.locator('#sidebar-frame').getAttribute('src')) ?? '', service.url).origin).toBe(service.url);
    } finally {
      await context.close();
    }
  });
});
