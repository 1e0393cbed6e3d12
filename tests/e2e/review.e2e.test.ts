import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReview } from '../../scripts/build-review.mjs';
import { buildWeb } from '../../scripts/build-web.mjs';
import type { FakeLlmServer } from '../support/fake-llm-server.ts';
import { llmEnv, RISKY_DRAFT, startRiskyModel } from '../support/risky-model.ts';
import { tempTenant } from '../support/temp-tenant.ts';
import { deleteUnder, REDIS_URL } from '../support/test-service.ts';

/**
 * Flow 3 end to end in real Chromium: `npm start` in demo mode with the model pointed at a fake provider that
 * promises a discount the store does not offer. The customer's message gives a held draft; the guide's
 * sidebar shows it waiting; the manager opens the WeCom textcard link on a phone-size screen, signs in through
 * the emulated OAuth, edits and approves it; the sidebar turns it sendable and the guide sends the manager's
 * wording. Then: an admin who decides the same item late is told the truth, a flagged message the guide wrote
 * is coached and promoted to the script library, and figures, CSV and audit show what happened.
 * Screenshots go to artifacts/e2e/.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'artifacts', 'e2e');
const GUIDE = 'guide.lin';
const CUSTOMER = 'wmLT0002';
const CUSTOMER_SAYS = '这件羊绒大衣能打折吗？';
const MANAGER_TEXT = '这件金卡及以上会员可享95折，我帮您查一下您的会员等级～';
const GUIDE_WRITES = '这款羊绒大衣是顶级面料，通勤穿很合适，您可以来店里试试～';
const SCRIPT_TEXT = '这款羊绒大衣面料柔软保暖，通勤穿很合适，您可以来店里试试～';
const PHONE = { width: 360, height: 740 };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Bounds for asynchronous work (OAuth hops, the suggestion job, the batched textcard); not speed goals. */
const APPEAR_MS = 20_000;
const START_MS = 90_000;

const prefix = `test:e2e-review:${randomUUID().slice(0, 8)}:`;
const spoolDir = mkdtempSync(join(tmpdir(), 'ga-e2e-review-spool-'));
const tenant = tempTenant();
let model: FakeLlmServer;
let service: ChildProcess | undefined;
let output = '';
let demoUrl: URL;
let serviceUrl: string;
let browser: Browser;

function startDemo(): Promise<URL> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('WECOM_') && key !== 'CONFIG_FILE') env[key] = value;
  Object.assign(env, { PORT: '0', HOST: '127.0.0.1', REDIS_URL, REDIS_PREFIX: prefix, SPOOL_DIR: spoolDir, LOG_LEVEL: 'info', DEMO_EMULATOR_PORT: '0' });
  // A writable copy of the demo tenant (promoted scripts land there), the textcard batch and sampling made quick and sure.
  Object.assign(env, { KNOWLEDGE_DIR: tenant.dir, ORG_FILE: tenant.orgFile, REVIEW_NOTIFY_BATCH_MS: '300', REVIEW_SENT_SAMPLE_RATE: '1', ...llmEnv(model) });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  service = child;
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no demo URL printed within ${START_MS} ms:\n${output.slice(-3000)}`)), START_MS);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = output.match(/https?:\/\/[^\s"'<>]+\/demo\/?[^\s"'<>]*/)?.[0];
      if (!found) return;
      clearTimeout(timer);
      ok(new URL(found));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
}

async function stopDemo(): Promise<void> {
  const child = service;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * A browser context in which WeCom's sign-in (the emulator's authorize page) knows the member as `userId`:
 * the page's own /auth/login hop is answered by the real service, its redirect to the authorize page only
 * gains `emulator_user` (redirect hops themselves cannot be intercepted).
 */
async function contextAs(userId: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await context.route((url) => url.pathname === '/auth/login', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const authorize = new URL(response.headers().location ?? '');
    authorize.searchParams.set('emulator_user', userId);
    await route.fulfill({ response, headers: { ...response.headers(), location: authorize.toString() } });
  });
  return context;
}

/** The link of the newest 待审核 textcard the emulated WeCom delivered to the manager. */
async function textcardLink(): Promise<string | undefined> {
  const response = await fetch(new URL('/__emulator/app-messages?userid=manager.wang', demoUrl));
  const { messages } = (await response.json()) as { messages: Array<{ msgtype: string; body: { url?: string } }> };
  return messages.filter((m) => m.msgtype === 'textcard').at(-1)?.body.url;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await buildReview({ quiet: true });
  // The sidebar is built aside and copied over without emptying its directory first, so a sidebar test
  // running at the same time never finds its files missing.
  const sidebarOut = mkdtempSync(join(tmpdir(), 'ga-e2e-sidebar-'));
  await buildWeb({ outDir: sidebarOut, quiet: true });
  cpSync(sidebarOut, join(ROOT, 'web', 'sidebar', 'dist'), { recursive: true });
  rmSync(sidebarOut, { recursive: true, force: true });
  model = await startRiskyModel();
  demoUrl = await startDemo();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, START_MS + 60_000);

afterAll(async () => {
  await browser?.close();
  await stopDemo();
  await model?.close();
  await deleteUnder(prefix);
  rmSync(spoolDir, { recursive: true, force: true });
  rmSync(tenant.dir, { recursive: true, force: true });
}, 30_000);

describe('the manager review console in the demo', { timeout: 90_000 }, () => {
  let guidePage: Page;
  let sidebar: FrameLocator;
  let manager: Page;
  let admin: Page;
  let approvalId: string;

  it('holds the model draft that promises an unlisted discount: the sidebar shows it waiting', async () => {
    guidePage = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })).newPage();
    const target = new URL(demoUrl);
    target.searchParams.set('guide', GUIDE);
    target.searchParams.set('customer', CUSTOMER);
    await guidePage.goto(target.toString());
    sidebar = guidePage.frameLocator('#sidebar-frame');
    await sidebar.locator('.live-live').waitFor({ timeout: APPEAR_MS });
    serviceUrl = new URL((await guidePage.locator('#sidebar-frame').getAttribute('src')) ?? '', demoUrl).origin;
    await guidePage.fill('#composer-text', CUSTOMER_SAYS);
    await guidePage.press('#composer-text', 'Enter');
    const held = sidebar.locator('article.draft', { hasText: RISKY_DRAFT });
    await held.locator('.badge-pending').waitFor({ timeout: APPEAR_MS });
    await expect(held.getByRole('button', { name: '发送', exact: true }).count()).resolves.toBe(0);
    await shoot(guidePage, 'review-01-sidebar-waiting');
  });

  it('does not open the console for a guide', async () => {
    const page = await guidePage.context().newPage();
    await page.goto(`${serviceUrl}/review/`);
    await page.getByText('只有店长和总部运营可以使用审核台').waitFor({ timeout: APPEAR_MS });
    await expect(page.locator('article.approval').count()).resolves.toBe(0);
    await page.close();
  });

  it('lets the manager open the WeCom textcard link on a phone, sign in, and see the item with its flags', async () => {
    await expect.poll(textcardLink, { timeout: APPEAR_MS }).toContain('/review/?item=');
    const link = (await textcardLink()) as string;
    approvalId = new URL(link).searchParams.get('item') ?? '';
    // Meanwhile an admin has the queue open and starts editing the same item (so it stays on the admin's screen).
    admin = await (await contextAs('admin.hq', { width: 1280, height: 860 })).newPage();
    await admin.goto(`${serviceUrl}/review/`);
    await admin.locator(`article[data-approval-id="${approvalId}"]`).getByRole('button', { name: '修改后通过' }).click({ timeout: APPEAR_MS });

    manager = await (await contextAs('manager.wang', PHONE)).newPage();
    // No session yet: the page sends the manager through sign-in and back to the same item.
    const login = manager.waitForRequest((request) => new URL(request.url()).pathname === '/auth/login');
    await manager.goto(link);
    const next = new URL((await login).url()).searchParams.get('next');
    expect(next).toBe(`/review/?item=${encodeURIComponent(approvalId)}`);
    const card = manager.locator(`article.approval-focused[data-approval-id="${approvalId}"]`);
    await card.waitFor({ timeout: APPEAR_MS });
    await expect(manager.locator('.me').innerText()).resolves.toContain('王静');
    await expect(card.locator('.draft-text').innerText()).resolves.toContain(RISKY_DRAFT);
    await expect(card.locator('mark.flag-block').innerText()).resolves.toContain('打8折');
    await expect(card.locator('.flag-item').first().innerText()).resolves.toContain('不在门店政策内');
    await expect(card.locator('.conversation').innerText()).resolves.toContain(CUSTOMER_SAYS);
    await expect(card.locator('.who').innerText()).resolves.toContain('林晓');
    expect(await manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shoot(manager, 'review-02-console-item-360');
  });

  it('edits and approves; the guide’s sidebar turns it sendable with the manager’s words and the guide sends it', async () => {
    const card = manager.locator(`article[data-approval-id="${approvalId}"]`);
    await card.getByRole('button', { name: '修改后通过' }).click();
    await card.getByLabel('修改后的回复').fill(MANAGER_TEXT);
    await card.getByRole('button', { name: '确认通过' }).click();
    await card.locator('.badge-approved', { hasText: '修改后通过' }).waitFor({ timeout: APPEAR_MS });
    await manager.getByText('已通过，导购的侧边栏已变为可发送').waitFor({ timeout: APPEAR_MS });
    await expect(card.locator('.outcome').innerText()).resolves.toContain('王静');
    await shoot(manager, 'review-03-approved-360');

    const approved = sidebar.locator('article.draft', { hasText: MANAGER_TEXT });
    await approved.locator('.badge-approved').waitFor({ timeout: APPEAR_MS });
    await approved.getByRole('button', { name: '发送', exact: true }).click();
    await guidePage.locator('.bubble.guide', { hasText: MANAGER_TEXT }).waitFor({ timeout: APPEAR_MS });
    await shoot(guidePage, 'review-04-guide-sent');
  });

  it('tells an admin who was still editing that the manager decided first, and shows the real outcome', async () => {
    const card = admin.locator(`article[data-approval-id="${approvalId}"]`);
    await card.getByRole('button', { name: '确认通过' }).click();
    await admin.getByText('这条回复已由王静处理').waitFor({ timeout: APPEAR_MS });
    await card.locator('.badge-approved', { hasText: '修改后通过' }).waitFor({ timeout: APPEAR_MS });
    await expect(card.locator('.final-text').innerText()).resolves.toContain(MANAGER_TEXT);
    await shoot(admin, 'review-05-admin-conflict');
  });

  it('lists a flagged message the guide wrote; the manager marks it for coaching and promotes a rewrite to the script library', async () => {
    await guidePage.fill('#composer-text', GUIDE_WRITES);
    await guidePage.press('#composer-text', 'Control+Enter');
    await guidePage.locator('.bubble.guide', { hasText: GUIDE_WRITES }).waitFor({ timeout: APPEAR_MS });

    await manager.getByRole('tab', { name: '已发送抽检' }).click();
    const sent = manager.locator('article.sent', { hasText: GUIDE_WRITES });
    await expect
      .poll(async () => {
        await manager.getByRole('button', { name: '刷新' }).click();
        return sent.count();
      }, { timeout: APPEAR_MS })
      .toBe(1);
    await expect(sent.locator('mark.flag').first().innerText()).resolves.toContain('顶级');
    await sent.getByLabel('备注').fill('绝对化用语，周会上讲一下');
    await sent.getByRole('button', { name: '需辅导' }).click();
    await sent.locator('.badge-status-coach').waitFor({ timeout: APPEAR_MS });

    await sent.getByRole('button', { name: '设为话术' }).click();
    const form = sent.locator('form.script-form');
    await form.getByLabel('意图').waitFor({ timeout: APPEAR_MS });
    await form.getByLabel('话术内容').fill(SCRIPT_TEXT);
    const intents = await form.getByLabel('意图').locator('option').allInnerTexts();
    expect(intents.length).toBeGreaterThan(1);
    await form.getByLabel('意图').selectOption({ index: 1 });
    await form.getByLabel('标签').fill('场合/通勤，意向品类/服装');
    await form.getByRole('button', { name: '加入话术库' }).click();
    await manager.getByText('已加入话术库').waitFor({ timeout: APPEAR_MS });
    await expect(form.count()).resolves.toBe(0);
    await shoot(manager, 'review-06-sent-review-360');
  });

  it('shows the guide’s figures, exports them as CSV, and records every decision in the audit log', async () => {
    await manager.getByRole('tab', { name: '数据' }).click();
    const row = manager.locator(`tr[data-guide="${GUIDE}"]`);
    await row.waitFor({ timeout: APPEAR_MS });
    const cells = await row.locator('td').allInnerTexts();
    // 展示, 直接发送, 修改后发送 ...: the approved draft was shown and sent.
    expect(Number(cells[1]) + Number(cells[2])).toBeGreaterThanOrEqual(1);
    await manager.locator('.chart-bars svg').waitFor();
    await shoot(manager, 'review-07-figures-360');

    const href = (await manager.getByRole('link', { name: '导出 CSV' }).getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/review\/figures\.csv\?period=(day|week)$/);
    const csv = await manager.request.get(`${serviceUrl}${href}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('林晓');

    await manager.getByRole('tab', { name: '审计' }).click();
    const edit = manager.locator('.audit-entry', { hasText: '修改后通过' });
    await edit.waitFor({ timeout: APPEAR_MS });
    await expect(edit.locator('del').innerText()).resolves.toBe(RISKY_DRAFT);
    await expect(edit.locator('ins').innerText()).resolves.toBe(MANAGER_TEXT);
    await manager.locator('.audit-entry', { hasText: '标记需辅导' }).waitFor();
    await manager.locator('.audit-entry', { hasText: '设为话术' }).waitFor();
    expect(await manager.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shoot(manager, 'review-08-audit-360');
  });
});
