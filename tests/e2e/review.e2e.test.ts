import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextSignedInAs, DEMO_START_MS, launchChromium, shoot, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import type { FakeLlmServer } from '../support/fake-llm-server.ts';
import { llmEnv, RISKY_DRAFT, startRiskyModel } from '../support/risky-model.ts';
import { tempTenant } from '../support/temp-tenant.ts';

/**
 * Flow 3 end to end in real Chromium: `npm start` in demo mode with the model pointed at a fake provider that
 * promises a discount the store does not offer. The customer's message gives a held draft; the guide's
 * sidebar shows it waiting; the manager opens the WeCom textcard link on a phone-size screen, signs in through
 * the emulated OAuth, edits and approves it; the sidebar turns it sendable and the guide sends the manager's
 * wording. Then: an admin who decides the same item late is told the truth, a flagged message the guide wrote
 * is coached and promoted to the script library, and figures, CSV and audit show what happened.
 * Screenshots go to artifacts/e2e/.
 */

const GUIDE = 'guide.lin';
const CUSTOMER = 'wmLT0002';
const CUSTOMER_SAYS = '这件羊绒大衣能打折吗？';
const MANAGER_TEXT = '这件金卡及以上会员可享95折，我帮您查一下您的会员等级～';
const GUIDE_WRITES = '这款羊绒大衣是顶级面料，通勤穿很合适，您可以来店里试试～';
const SCRIPT_TEXT = '这款羊绒大衣面料柔软保暖，通勤穿很合适，您可以来店里试试～';
const PHONE = { width: 360, height: 740 };
/** Bounds for asynchronous work (OAuth hops, the suggestion job, the batched textcard); not speed goals. */
const APPEAR_MS = 20_000;

let model: FakeLlmServer | undefined;
let demo: DemoProcess;
let serviceUrl: string;
let browser: Browser;

/** The link of the newest 待审核 textcard the emulated WeCom delivered to the manager. */
async function textcardLink(): Promise<string | undefined> {
  const response = await fetch(new URL('/__emulator/app-messages?userid=manager.wang', demo.url));
  const { messages } = (await response.json()) as { messages: Array<{ msgtype: string; body: { url?: string } }> };
  return messages.filter((m) => m.msgtype === 'textcard').at(-1)?.body.url;
}

beforeAll(async () => {
  model = await startRiskyModel();
  const tenant = tempTenant();
  // A writable copy of the demo tenant (promoted scripts land there), the textcard batch and sampling made quick and sure.
  const env = { KNOWLEDGE_DIR: tenant.dir, ORG_FILE: tenant.orgFile, REVIEW_NOTIFY_BATCH_MS: '300', REVIEW_SENT_SAMPLE_RATE: '1', ...llmEnv(model) };
  demo = await startDemoProcess({ name: 'e2e-review', env, removeOnStop: [tenant.dir] });
  browser = await launchChromium();
}, DEMO_START_MS + 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  await model?.close();
}, 30_000);

describe('the manager review console in the demo', { timeout: 90_000 }, () => {
  let guidePage: Page;
  let sidebar: FrameLocator;
  let manager: Page;
  let admin: Page;
  let approvalId: string;

  it('holds the model draft that promises an unlisted discount: the sidebar shows it waiting', async () => {
    guidePage = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })).newPage();
    await guidePage.goto(demo.pageFor(GUIDE, CUSTOMER));
    sidebar = guidePage.frameLocator('#sidebar-frame');
    await sidebar.locator('.live-live').waitFor({ timeout: APPEAR_MS });
    serviceUrl = new URL((await guidePage.locator('#sidebar-frame').getAttribute('src')) ?? '', demo.url).origin;
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
    admin = await (await contextSignedInAs(browser, 'admin.hq', { width: 1280, height: 860 })).newPage();
    await admin.goto(`${serviceUrl}/review/`);
    await admin.locator(`article[data-approval-id="${approvalId}"]`).getByRole('button', { name: '修改后通过' }).click({ timeout: APPEAR_MS });

    manager = await (await contextSignedInAs(browser, 'manager.wang', PHONE)).newPage();
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
    // The charts: percentages on the bar chart's axis, a bar and caption per guide, a point per day with data.
    await manager.locator('.chart-bars svg').waitFor();
    await expect(manager.locator('.chart-bars .ct-label.ct-horizontal').allInnerTexts()).resolves.toEqual(['0%', '50%', '100%']);
    await expect(manager.locator('.chart-bars .ct-label.ct-vertical', { hasText: '林晓' }).count()).resolves.toBe(1);
    // The guide's caption says what the table says: 采纳率（sent/shown）.
    const caption = `${cells[5]}（${Number(cells[1]) + Number(cells[2])}/${cells[0]}）`;
    await expect(manager.locator('.chart-bars .chart-caption').allTextContents()).resolves.toContain(caption);
    await manager.locator('.chart-line .ct-point').first().waitFor({ state: 'attached' });
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
