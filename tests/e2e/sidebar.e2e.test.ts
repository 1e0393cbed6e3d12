import type { Frame, FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contextSignedInAs, demoWithBrowser, emulatorTags, shoot } from '../support/demo-process.ts';

/**
 * The demo, end to end, in real Chromium at phone size (360×740): `npm start` without WeCom credentials
 * (Redis, the WeCom emulator, the service), the emulated chat beside the guide's sidebar. Typing as the
 * customer makes drafts and tag proposals appear in the sidebar; tapping 发送 puts the draft into the chat
 * as the guide; accepting a tag writes it to the emulated WeCom. The guide's tasks (the digest's
 * `?view=tasks`) close as done or by sending a draft into the chat; 写文案 writes copy that is only copied.
 * Screenshots go to artifacts/e2e/.
 */

const GUIDE = 'guide.lin';
const CUSTOMER = 'wmLT0002';
const CUSTOMER_SAYS = '你好，想买双鞋子，周末出去玩穿，有推荐吗？';
const EXPECTED_TAG = '意向品类/鞋履';
/** Bounds for things that happen asynchronously (OAuth hops, the debounced suggestion job); not speed goals. */
const APPEAR_MS = 20_000;

const started = demoWithBrowser({ name: 'e2e', env: { ASSIST_ENGINE: 'offline' } });

const tagsInWecom = (): Promise<string[]> => emulatorTags(started.demo(), CUSTOMER, GUIDE);

/** The signed-in guide's open task ids, as the page's own session sees them. */
function openTaskIds(on: Page | Frame): Promise<string[]> {
  return on.evaluate(async () => {
    const response = await fetch('/api/tasks', { credentials: 'same-origin' });
    const body = (await response.json()) as { tasks: Array<{ id: string }> };
    return body.tasks.map((t) => t.id);
  });
}


// One browser session walks through the flow; each step waits for asynchronous work (OAuth, suggestion job).
describe('the guide sidebar in the demo', { timeout: 90_000 }, () => {
  let page: Page;
  let sidebar: FrameLocator;
  const sidebarFrame = (): Frame => {
    const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith('/sidebar/'));
    if (!frame) throw new Error('the demo page has no sidebar frame');
    return frame;
  };

  it('opens beside the emulated chat and signs the guide in through the emulated WeCom OAuth', async () => {
    const context = await started.browser().newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(started.demo().pageFor(GUIDE, CUSTOMER));
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

  it('keeps 发送 of a knowledge script with an unfilled {product_name} disabled until the guide picks a product', async () => {
    const knowledge = sidebar.locator('section#knowledge');
    await knowledge.getByRole('searchbox', { name: '搜索知识库' }).fill('送长辈 手感软糯');
    await knowledge.getByRole('button', { name: '搜索', exact: true }).click();
    // No product in this chat yet, so the script's slot stays open.
    const result = knowledge.locator('li.result[data-result-id="sc-gift-05"]');
    await result.waitFor({ timeout: APPEAR_MS });
    await expect(result.locator('.result-text').innerText()).resolves.toContain('{product_name}');
    await expect(result.getByRole('button', { name: '发送', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(result.getByRole('button', { name: '复制', exact: true }).isDisabled()).resolves.toBe(true);
    await shoot(page, '01b-knowledge-unfilled');

    await result.getByRole('button', { name: '选择商品' }).click();
    await result.getByRole('searchbox', { name: '搜索要填入的商品' }).fill('羊绒圆领毛衣');
    await result.getByRole('button', { name: '搜索', exact: true }).click();
    await result.locator('button.choice[data-sku="AP-1023"]').click({ timeout: APPEAR_MS });
    await result.locator('.result-text', { hasText: '羊绒圆领毛衣手感软糯' }).waitFor({ timeout: APPEAR_MS });
    const send = result.getByRole('button', { name: '发送', exact: true });
    await expect(send.isDisabled()).resolves.toBe(false);
    await send.click();
    await page.locator('.bubble.guide', { hasText: '羊绒圆领毛衣手感软糯' }).waitFor({ timeout: APPEAR_MS });
    await expect(page.locator('.bubble.guide', { hasText: '{product_name}' }).count()).resolves.toBe(0);
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
    // The dialogue state the drafts were built from is shown above them, with the customer's words.
    await expect(sidebar.locator('section.dialogue').innerText()).resolves.toContain('想要 鞋');
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

  it('holds an edit that adds 「给您打八折」 for the store manager; the manager’s approval makes it sendable live', async () => {
    const editable = sidebar.locator('article.draft:not(.draft-sent)').filter({ has: sidebar.getByRole('button', { name: '编辑后发送' }) }).first();
    const draftId = (await editable.getAttribute('data-draft-id')) ?? '';
    const card = sidebar.locator(`article.draft[data-draft-id="${draftId}"]`);
    await card.getByRole('button', { name: '编辑后发送' }).click();
    const area = card.getByRole('textbox', { name: '编辑回复内容' });
    const edited = `${(await area.inputValue()).trim()}今天给您打八折`;
    await area.fill(edited);
    await card.getByRole('button', { name: '发送修改后的内容' }).click();
    await card.locator('.badge-pending').waitFor({ timeout: APPEAR_MS });
    await expect(card.locator('.draft-text').innerText()).resolves.toBe(edited);
    await expect(card.getByRole('button', { name: '发送', exact: true }).count()).resolves.toBe(0);
    await expect(page.locator('.bubble.guide', { hasText: '给您打八折' }).count()).resolves.toBe(0);
    await shoot(page, '03b-edit-held');

    const serviceUrl = new URL((await page.locator('#sidebar-frame').getAttribute('src')) ?? '', started.demo().url).origin;
    const manager = await (await contextSignedInAs(started.browser(), 'manager.wang', { width: 1280, height: 860 })).newPage();
    await manager.goto(`${serviceUrl}/review/`);
    const item = manager.locator('article.approval', { hasText: '给您打八折' });
    await expect(item.locator('mark.flag-block').first().innerText({ timeout: APPEAR_MS })).resolves.toContain('八折');
    await item.getByRole('button', { name: '通过', exact: true }).click();
    await item.locator('.badge-approved').waitFor({ timeout: APPEAR_MS });
    await manager.context().close();

    await card.locator('.badge-approved', { hasText: '店长已通过你的修改' }).waitFor({ timeout: APPEAR_MS });
    await card.getByRole('button', { name: '发送', exact: true }).click();
    await page.locator('.bubble.guide', { hasText: edited }).waitFor({ timeout: APPEAR_MS });
  });

  it('accepts a tag proposal: WeCom (the emulator) gets the tag and the card shows it', async () => {
    expect(await tagsInWecom()).not.toContain(EXPECTED_TAG);
    await sidebar.locator(`li.proposal[data-tag="${EXPECTED_TAG}"]`).getByRole('button', { name: '接受' }).click();
    await sidebar.locator('.tag-group', { hasText: '意向品类' }).locator('.chip-tag', { hasText: '鞋履' }).waitFor({ timeout: APPEAR_MS });
    await expect.poll(tagsInWecom, { timeout: APPEAR_MS }).toContain(EXPECTED_TAG);
    await expect(sidebar.locator(`li.proposal[data-tag="${EXPECTED_TAG}"]`).count()).resolves.toBe(0);
    await shoot(page, '04-tag-accepted');
  });

  it('renders the sidebar on its own at phone size (as WeCom shows the toolbar page)', async () => {
    const src = await page.locator('#sidebar-frame').getAttribute('src');
    expect(src).toBeTruthy();
    const alone = await page.context().newPage();
    await alone.goto(new URL(src ?? '', started.demo().url).toString());
    await alone.locator('article.draft').first().waitFor({ timeout: APPEAR_MS });
    const width = await alone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await shoot(alone, '05-sidebar-360');
    await alone.close();
  });

  it('lists the guide’s open tasks at ?view=tasks (where the daily digest links) and closes one as done', async () => {
    const src = await page.locator('#sidebar-frame').getAttribute('src');
    const alone = await page.context().newPage();
    await alone.goto(new URL('/sidebar/?view=tasks', new URL(src ?? '', started.demo().url)).toString());
    const cards = alone.locator('li.task-card');
    await cards.first().waitFor({ timeout: APPEAR_MS });
    const before = await openTaskIds(alone);
    expect(before.length).toBeGreaterThan(0);
    await expect(cards.count()).resolves.toBe(before.length);
    // Grouped by due day, each with the customer's name, the kind chip and the draft.
    await alone.locator('.section-head h2', { hasText: /^(已过期|今天)$/ }).first().waitFor();
    await expect(cards.first().locator('.task-customer').innerText()).resolves.not.toBe('');
    await expect(cards.first().locator('.chip').innerText()).resolves.toMatch(/生日关怀|老客回访|积分到期|新品推荐/);
    await expect(cards.first().locator('.task-draft').innerText()).resolves.not.toBe('');
    expect(await alone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot(alone, '07-tasks-view');

    // 唐晓梅 has not bought for months (the demo's members file): her win-back task is there whatever the date.
    const done = cards.filter({ has: alone.locator('.task-customer', { hasText: '唐晓梅' }) }).first();
    const taskId = (await done.getAttribute('data-task-id')) ?? '';
    await done.getByRole('button', { name: '完成', exact: true }).click();
    await alone.locator(`li[data-task-id="${taskId}"]`).waitFor({ state: 'detached', timeout: APPEAR_MS });
    await alone.locator('.notice-show', { hasText: '已完成' }).waitFor({ timeout: APPEAR_MS });
    const after = await openTaskIds(alone);
    expect(after).not.toContain(taskId);
    expect(after.length).toBe(before.length - 1);
    await shoot(alone, '08-task-done');
    await alone.close();
  });

  it('sends a task’s draft from 待办 beside that customer’s chat: it lands in the chat and the task closes', async () => {
    await sidebar.locator('.status-bar').getByRole('button', { name: '待办', exact: true }).click();
    const mine = sidebar.locator('li.task-card').filter({ has: sidebar.locator('.task-customer', { hasText: '李娜' }) }).filter({ has: sidebar.getByRole('button', { name: '发送草稿' }) });
    await mine.first().waitFor({ timeout: APPEAR_MS });
    // Another customer's draft cannot go into this chat: it is copied for that chat instead. (The demo's
    // members file gives 林晓 tasks for 彭丹, 孙悦 and 唐晓梅 too.)
    const others = sidebar.locator('li.task-card').filter({ hasNot: sidebar.locator('.task-customer', { hasText: '李娜' }) });
    await expect(others.count()).resolves.toBeGreaterThan(0);
    await expect(others.first().getByRole('button', { name: '发送草稿' }).count()).resolves.toBe(0);
    await expect(others.first().getByRole('button', { name: '复制草稿' }).count()).resolves.toBe(1);
    const task = mine.first();
    const taskId = (await task.getAttribute('data-task-id')) ?? '';
    const draft = (await task.locator('.task-draft').innerText()).trim();
    await task.getByRole('button', { name: '发送草稿' }).click();
    await page.locator('.bubble.guide', { hasText: draft }).waitFor({ timeout: APPEAR_MS });
    await sidebar.locator(`li[data-task-id="${taskId}"]`).waitFor({ state: 'detached', timeout: APPEAR_MS });
    await shoot(page, '09-task-draft-sent');
    await sidebar.getByRole('button', { name: /返回客户/ }).click();
    await sidebar.locator('.customer-name', { hasText: '李娜' }).waitFor();
  });

  it('writes a 朋友圈 copy for a recommended product and only copies it: nothing goes to the chat', async () => {
    const guideBubbles = await page.locator('.bubble.guide').count();
    const src = await page.locator('#sidebar-frame').getAttribute('src');
    const alone = await page.context().newPage();
    await alone.goto(new URL(src ?? '', started.demo().url).toString());
    const product = alone.locator('#recommendations li.product').first();
    await product.waitFor({ timeout: APPEAR_MS });
    const name = (await product.locator('.product-name').innerText()).trim();
    await product.getByRole('button', { name: '写文案' }).click();
    await alone.locator('.view-header', { hasText: '写文案' }).waitFor({ timeout: APPEAR_MS });
    // The product tapped is chosen; 朋友圈 is the kind unless the guide picks another.
    await expect(alone.locator('.chip-picked', { hasText: name }).count()).resolves.toBe(1);
    // The view loads the recommendations itself; the tapped product is ticked among them.
    await alone.locator('.choice[aria-pressed="true"]', { hasText: name }).waitFor({ timeout: APPEAR_MS });
    await expect(alone.locator('.choice[aria-pressed="true"]').count()).resolves.toBe(1);
    await expect(alone.getByRole('radio', { name: '朋友圈' }).getAttribute('aria-checked')).resolves.toBe('true');
    await alone.getByRole('button', { name: '生成文案' }).click();
    const result = alone.locator('article.copy-result');
    await result.waitFor({ timeout: APPEAR_MS });
    await expect(result.locator('.draft-text').innerText()).resolves.toContain(name);
    await expect(result.getByRole('button', { name: '复制', exact: true }).count()).resolves.toBe(1);
    expect(await alone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The result was scrolled into view; from the top the full-page shot keeps the sticky header in place.
    await alone.evaluate(() => window.scrollTo(0, 0));
    await shoot(alone, '10-write-copy');

    // A theme the guardrails would hold: the result says it must be changed and cannot be copied.
    await alone.getByLabel('主题（可选）').fill('不满意全额退款');
    await alone.getByRole('radio', { name: '直播话术' }).click();
    await alone.getByRole('button', { name: '生成文案' }).click();
    await result.locator('.badge', { hasText: '需修改后使用' }).waitFor({ timeout: APPEAR_MS });
    await expect(result.locator('mark.flag-block').count()).resolves.toBeGreaterThan(0);
    await expect(result.getByRole('button', { name: '复制', exact: true }).count()).resolves.toBe(0);
    await alone.evaluate(() => window.scrollTo(0, 0));
    await shoot(alone, '11-write-copy-held');
    await expect(page.locator('.bubble.guide').count()).resolves.toBe(guideBubbles);
    await alone.getByRole('button', { name: /返回客户/ }).click();
    await alone.locator('.customer-name', { hasText: '李娜' }).waitFor();
    await alone.close();
  });

  it('closes a task from the customer’s card: 发送, 复制, 完成 and 忽略 beside its draft', async () => {
    // 彭丹 has not bought for months (the demo's members file): her card carries a win-back task.
    await page.selectOption('#customer-select', 'wmLT0020');
    await sidebar.locator('.customer-name', { hasText: '彭丹' }).waitFor({ timeout: APPEAR_MS });
    const card = sidebar.locator('section.customer');
    await card.locator('.expand').click();
    const items = card.locator('.tasks li.task');
    await items.first().waitFor({ timeout: APPEAR_MS });
    const count = await items.count();
    const first = items.first();
    for (const name of ['发送', '复制', '完成', '忽略']) await expect(first.getByRole('button', { name, exact: true }).count()).resolves.toBe(1);
    const taskId = (await first.getAttribute('data-task-id')) ?? '';
    await first.getByRole('button', { name: '忽略', exact: true }).click();
    await card.locator(`li[data-task-id="${taskId}"]`).waitFor({ state: 'detached', timeout: APPEAR_MS });
    await expect.poll(() => items.count(), { timeout: APPEAR_MS }).toBe(count - 1);
    expect(await openTaskIds(sidebarFrame())).not.toContain(taskId);
    await shoot(page, '12-card-task-dismissed');
  });

  it('follows the demo to another guide: the sidebar signs in again as that guide', async () => {
    await page.selectOption('#guide-select', 'guide.chen');
    await sidebar.locator('.guide-name', { hasText: '陈思雨' }).waitFor({ timeout: APPEAR_MS });
    await sidebar.locator('.customer-name', { hasText: '王芳' }).waitFor({ timeout: APPEAR_MS });
    await expect(sidebar.locator('.state-error').count()).resolves.toBe(0);
    await shoot(page, '06-other-guide');
  });
});
