import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_START_MS, launchChromium, shoot, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';

/**
 * The demo, end to end, in real Chromium at phone size (360×740): `npm start` without WeCom credentials
 * (Redis, the WeCom emulator, the service), the emulated chat beside the guide's sidebar. Typing as the
 * customer makes drafts and tag proposals appear in the sidebar; tapping 发送 puts the draft into the chat
 * as the guide; accepting a tag writes it to the emulated WeCom. Screenshots go to artifacts/e2e/.
 */

const GUIDE = 'guide.lin';
const CUSTOMER = 'wmLT0002';
const CUSTOMER_SAYS = '你好，想买双鞋子，周末出去玩穿，有推荐吗？';
const EXPECTED_TAG = '意向品类/鞋履';
/** Bounds for things that happen asynchronously (OAuth hops, the debounced suggestion job); not speed goals. */
const APPEAR_MS = 20_000;

let demo: DemoProcess;
let browser: Browser;

/** The emulated WeCom's view of the guide's tags on the customer. */
async function emulatorTags(): Promise<string[]> {
  const response = await fetch(new URL('/__emulator/directory', demo.url));
  const directory = (await response.json()) as { customers: Array<{ external_userid: string; follow: Array<{ userid: string; tags: Array<{ group: string; name: string }> }> }> };
  const follow = directory.customers.find((c) => c.external_userid === CUSTOMER)?.follow.find((f) => f.userid === GUIDE);
  return (follow?.tags ?? []).map((t) => `${t.group}/${t.name}`);
}

beforeAll(async () => {
  demo = await startDemoProcess({ name: 'e2e', env: { ASSIST_ENGINE: 'offline' } });
  browser = await launchChromium();
}, DEMO_START_MS + 30_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
}, 30_000);

// One browser session walks through the flow; each step waits for asynchronous work (OAuth, suggestion job).
describe('the guide sidebar in the demo', { timeout: 90_000 }, () => {
  let page: Page;
  let sidebar: FrameLocator;

  it('opens beside the emulated chat and signs the guide in through the emulated WeCom OAuth', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(demo.pageFor(GUIDE, CUSTOMER));
    await page.getByText('实时').first().waitFor({ timeout: APPEAR_MS });
    sidebar = page.frameLocator('#sidebar-frame');
    // The card shows the customer's name and the tags WeCom already has for this guide.
    await sidebar.locator('.customer-name', { hasText: '李娜' }).waitFor({ timeout: APPEAR_MS });
    await sidebar.locator('.chip-tag', { hasText: '通勤' }).waitFor();
    await sidebar.locator('.live-live').waitFor({ timeout: APPEAR_MS });
    // Signed in as the demo page's guide (the emulator's OAuth answers with the current guide).
    await expect(sidebar.locator('.guide-name').textContent()).resolves.toBe('林晓');
    await shoot(page, '01-demo-open');
  });

  it('shows drafts and tag proposals live after the customer writes', async () => {
    await page.fill('#composer-text', CUSTOMER_SAYS);
    await page.press('#composer-text', 'Enter');
    await page.locator('.bubble.customer', { hasText: CUSTOMER_SAYS }).waitFor({ timeout: APPEAR_MS });
    const firstDraft = sidebar.locator('article.draft').first();
    await firstDraft.waitFor({ timeout: APPEAR_MS });
    await sidebar.locator(`li.proposal[data-tag="${EXPECTED_TAG}"]`).waitFor({ timeout: APPEAR_MS });
    const drafts = await sidebar.locator('article.draft').count();
    expect(drafts).toBeGreaterThanOrEqual(1);
    expect(drafts).toBeLessThanOrEqual(3);
    await expect(sidebar.locator('li.proposal').first().locator('.evidence').textContent()).resolves.toContain('鞋');
    await shoot(page, '02-drafts-and-tags');
  });

  it('sends a draft with one tap: the text appears in the chat as the guide', async () => {
    const sendable = sidebar.locator('article.draft').filter({ has: sidebar.getByRole('button', { name: '发送', exact: true }) }).first();
    const text = (await sendable.locator('.draft-text').innerText()).trim();
    expect(text.length).toBeGreaterThan(0);
    await sendable.getByRole('button', { name: '发送', exact: true }).click();
    await page.locator('.bubble.guide', { hasText: text }).waitFor({ timeout: APPEAR_MS });
    await sidebar.locator('article.draft .badge-sent').first().waitFor({ timeout: APPEAR_MS });
    await shoot(page, '03-draft-sent');
  });

  it('accepts a tag proposal: WeCom (the emulator) gets the tag and the card shows it', async () => {
    expect(await emulatorTags()).not.toContain(EXPECTED_TAG);
    await sidebar.locator(`li.proposal[data-tag="${EXPECTED_TAG}"]`).getByRole('button', { name: '接受' }).click();
    await sidebar.locator('.tag-group', { hasText: '意向品类' }).locator('.chip-tag', { hasText: '鞋履' }).waitFor({ timeout: APPEAR_MS });
    await expect.poll(emulatorTags, { timeout: APPEAR_MS }).toContain(EXPECTED_TAG);
    await expect(sidebar.locator(`li.proposal[data-tag="${EXPECTED_TAG}"]`).count()).resolves.toBe(0);
    await shoot(page, '04-tag-accepted');
  });

  it('renders the sidebar on its own at phone size (as WeCom shows the toolbar page)', async () => {
    const src = await page.locator('#sidebar-frame').getAttribute('src');
    expect(src).toBeTruthy();
    const alone = await page.context().newPage();
    await alone.goto(new URL(src ?? '', demo.url).toString());
    await alone.locator('article.draft').first().waitFor({ timeout: APPEAR_MS });
    const width = await alone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await shoot(alone, '05-sidebar-360');
    await alone.close();
  });

  it('follows the demo to another guide: the sidebar signs in again as that guide', async () => {
    await page.selectOption('#guide-select', 'guide.chen');
    await sidebar.locator('.guide-name', { hasText: '陈思雨' }).waitFor({ timeout: APPEAR_MS });
    await sidebar.locator('.customer-name', { hasText: '王芳' }).waitFor({ timeout: APPEAR_MS });
    await expect(sidebar.locator('.state-error').count()).resolves.toBe(0);
    await shoot(page, '06-other-guide');
  });
});
