import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contextSignedInAs, demoWithBrowser, shoot } from '../support/demo-process.ts';
import { auditLayout } from '../support/layout-audit.ts';

/**
 * Every page of the demo at 360 px (the narrowest common phone), as a new user meets it: the demo page with
 * the sidebar beside a chat that has drafts and tag proposals, the sidebar's 待办 and 写文案 views on their
 * own, and each tab of the review console as the store manager. Nothing may stick out of its box, be cut with
 * an ellipsis, break a button's label or make a tap target under 32 px; the console shows no 404 or 401.
 * Screenshots go to artifacts/e2e/.
 */

const PHONE = { width: 360, height: 740 };
const APPEAR_MS = 20_000;

const started = demoWithBrowser({ name: 'e2e-layout', env: { ASSIST_ENGINE: 'offline' } });
const consoleNoise: string[] = [];

function listen(page: Page): void {
  page.on('console', (m) => {
    if (m.type() === 'error') consoleNoise.push(`${page.url()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) consoleNoise.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
}


describe('the demo at 360 px', { timeout: 90_000 }, () => {
  it('the demo page and the sidebar beside a chat with drafts and tag proposals', async () => {
    const context = await started.browser().newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    listen(page);
    await page.goto(started.demo().pageFor('guide.lin', 'wmLT0001'));
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('.live-live').waitFor({ timeout: APPEAR_MS });
    await page.fill('#composer-text', '想买双鞋子，周末出去玩穿，有推荐吗？');
    await page.press('#composer-text', 'Enter');
    await sidebar.locator('article.draft').first().waitFor({ timeout: APPEAR_MS });
    await sidebar.locator('.proposal').first().waitFor({ timeout: APPEAR_MS });
    await page.locator('details.tools').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await shoot(page, 'layout-01-demo');
    expect(await auditLayout(page)).toEqual([]);
    const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith('/sidebar/')) as Frame;
    expect(await auditLayout(frame)).toEqual([]);
    // A notice (已复制, or what failed) sits over the sticky status bar, not over the drafts below it.
    await sidebar.locator('article.draft').first().getByRole('button', { name: '复制', exact: true }).click();
    await sidebar.locator('.notice-show').waitFor();
    const [notice, bar] = await Promise.all([frame.locator('.notice').boundingBox(), frame.locator('.status-bar').boundingBox()]);
    expect(notice!.y + notice!.height).toBeLessThanOrEqual(bar!.y + bar!.height + 0.5);
    await context.close();
  });

  it('the sidebar on its own: the chat view, 待办 and 写文案', async () => {
    const context = await contextSignedInAs(started.browser(), 'guide.lin', PHONE);
    const page = await context.newPage();
    listen(page);
    const sidebarUrl = new URL('/sidebar/', started.demo().url);
    for (const [view, ready] of [['', '.customer-name'], ['tasks', '.task, .state-empty'], ['write', 'section.write']] as const) {
      const url = new URL(sidebarUrl);
      url.searchParams.set('customer', 'wmLT0001');
      if (view) url.searchParams.set('view', view);
      await page.goto(url.toString());
      await page.locator(ready).first().waitFor({ timeout: APPEAR_MS });
      await shoot(page, `layout-02-sidebar-${view || 'chat'}`);
      expect(await auditLayout(page), view || 'chat').toEqual([]);
    }
    await context.close();
  });

  it('every tab of the review console as the store manager', async () => {
    const context = await contextSignedInAs(started.browser(), 'manager.wang', PHONE);
    const page = await context.newPage();
    listen(page);
    for (const tab of ['approvals', 'sent', 'figures', 'audit']) {
      await page.goto(new URL(`/review/?tab=${tab}`, started.demo().url).toString());
      await page.locator('main.content > *').first().waitFor({ timeout: APPEAR_MS });
      await page.locator('.state-loading').waitFor({ state: 'detached', timeout: APPEAR_MS });
      await shoot(page, `layout-03-review-${tab}`);
      expect(await auditLayout(page), tab).toEqual([]);
    }
    await context.close();
  });

  it('loads every page without a failed request or a console error', () => {
    expect(consoleNoise).toEqual([]);
  });
});
