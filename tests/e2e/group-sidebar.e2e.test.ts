import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWithBrowser, emulatorTags, shoot } from '../support/demo-process.ts';

/**
 * The demo's customer group, end to end, in real Chromium at phone size: `npm start` without WeCom
 * credentials, the demo page showing 林晓's group 澜庭静安·会员福利群 beside the sidebar, which the `ww`
 * stand-in opens in group_chat_tools (getCurExternalChat). A customer's @mention of the guide reaches the
 * service through the emulated chat archive, drafts and the tag proposal for that customer appear, 发送
 * puts a draft into the group as the guide, 接受 writes the tag to the emulated WeCom.
 */
const GUIDE = 'guide.lin';
const GROUP = 'wrLTjingan0001VIP';
const ASKER = 'wmLT0002'; // 李娜
const QUESTION = '@澜庭-林晓 想买双鞋子，周末出去玩穿，有推荐吗？';
const TAG = '意向品类/鞋履';
/** Bounds for asynchronous work (OAuth hops, the archive pull, the debounced suggestion job); not speed goals. */
const APPEAR_MS = 20_000;

const started = demoWithBrowser({ name: 'e2e-group', env: { ASSIST_ENGINE: 'offline' } });
const tagsInWecom = (): Promise<string[]> => emulatorTags(started.demo(), ASKER, GUIDE);

describe('the guide sidebar opened in the demo customer group', { timeout: 90_000 }, () => {
  let page: Page;
  let sidebar: FrameLocator;

  it('shows the group: name, owner, member count, and which members are our customers with their tags', async () => {
    const context = await started.browser().newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    page = await context.newPage();
    const url = new URL(started.demo().url);
    url.searchParams.set('guide', GUIDE);
    url.searchParams.set('chat', GROUP);
    await page.goto(url.toString());
    await page.locator('#chat-title', { hasText: '澜庭静安·会员福利群' }).waitFor({ timeout: APPEAR_MS });
    sidebar = page.frameLocator('#sidebar-frame');
    const card = sidebar.locator('section.group-card');
    await card.locator('.group-name', { hasText: '澜庭静安·会员福利群' }).waitFor({ timeout: APPEAR_MS });
    await expect(card.locator('.meta-line').innerText()).resolves.toContain('群主 林晓 · 7 人');
    const lina = card.locator(`li.group-customer[data-customer-id="${ASKER}"]`);
    await expect(lina.locator('.chip-info').innerText()).resolves.toBe('我的客户');
    await lina.locator('.chip-tag', { hasText: '通勤' }).waitFor();
    // Two of the three customers show at once; the third (a colleague's) after 展开.
    await expect(card.locator('li.group-customer').count()).resolves.toBe(2);
    await card.getByRole('button', { name: /还有 1 位客户/ }).click();
    await expect(card.locator('li.group-customer[data-customer-id="wmLT0003"] .chip-muted').innerText()).resolves.toBe('陈思雨的客户');
    await expect(card.locator('.mini-title').innerText()).resolves.toContain('另有 2 位非客户成员');
    await sidebar.locator('.live-live').waitFor({ timeout: APPEAR_MS });
    await shoot(page, 'g01-group-open');
  });

  it('drafts for the question a customer @mentions the guide with, and proposes the tag for that customer', async () => {
    await page.selectOption('#speaker-select', ASKER);
    await page.fill('#composer-text', QUESTION);
    await page.press('#composer-text', 'Enter');
    await page.locator('.bubble.customer', { hasText: '想买双鞋子' }).waitFor({ timeout: APPEAR_MS });
    await sidebar.locator('blockquote.asked', { hasText: '李娜 问：' }).waitFor({ timeout: APPEAR_MS });
    await sidebar.locator('article.draft').first().waitFor({ timeout: APPEAR_MS });
    await expect(sidebar.locator(`li.group-customer[data-customer-id="${ASKER}"] .chip-attention`).innerText()).resolves.toBe('在问你');
    const proposal = sidebar.locator(`#tag-proposals-${ASKER} li.proposal[data-tag="${TAG}"]`);
    await proposal.waitFor({ timeout: APPEAR_MS });
    await expect(sidebar.locator(`#tag-proposals-${ASKER} .section-head h2`).innerText()).resolves.toBe('标签建议 · 李娜');
    await expect(proposal.locator('.evidence').innerText()).resolves.toContain('鞋');
    await shoot(page, 'g02-group-drafts');
  });

  it('renders the group sidebar on its own at phone size (as WeCom shows the toolbar page)', async () => {
    const src = await page.locator('#sidebar-frame').getAttribute('src');
    expect(new URL(src ?? '', started.demo().url).searchParams.get('chat')).toBe(GROUP);
    const alone = await page.context().newPage();
    await alone.goto(new URL(src ?? '', started.demo().url).toString());
    await alone.locator('article.draft').first().waitFor({ timeout: APPEAR_MS });
    expect(await alone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shoot(alone, 'g02b-group-sidebar-360');
    await alone.close();
  });

  it('sends a draft with one tap: it lands in the group as the guide', async () => {
    const sendable = sidebar.locator('article.draft').filter({ has: sidebar.getByRole('button', { name: '发送', exact: true }) }).first();
    const text = (await sendable.locator('.draft-text').innerText()).trim();
    await sendable.getByRole('button', { name: '发送', exact: true }).click();
    await page.locator('.bubble.guide', { hasText: text.slice(0, 12) }).waitFor({ timeout: APPEAR_MS });
    await sidebar.locator('article.draft .badge-sent').first().waitFor({ timeout: APPEAR_MS });
    await expect(page.locator('.bubble.guide').count()).resolves.toBe(1);
    // The service has it in the group's conversation, as the guide's line (the archive echo is tested in tests/groups).
    const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith('/sidebar/'));
    const lines = async (): Promise<number> =>
      (await frame!.evaluate(async (chat) => ((await (await fetch(`/api/groups/${chat}/messages?limit=50`)).json()) as { messages: Array<{ speakerId: string }> }).messages, GROUP)).filter(
        (m) => m.speakerId === GUIDE,
      ).length;
    await expect.poll(lines, { timeout: APPEAR_MS }).toBe(1);
    await shoot(page, 'g03-group-draft-sent');
  });

  it('accepts the tag for the customer who said it: WeCom (the emulator) gets it on 李娜', async () => {
    expect(await tagsInWecom()).not.toContain(TAG);
    await sidebar.locator(`#tag-proposals-${ASKER} li.proposal[data-tag="${TAG}"]`).getByRole('button', { name: '接受' }).click();
    await expect.poll(tagsInWecom, { timeout: APPEAR_MS }).toContain(TAG);
    await sidebar.locator(`li.group-customer[data-customer-id="${ASKER}"] .chip-tag`, { hasText: '鞋履' }).waitFor({ timeout: APPEAR_MS });
    await shoot(page, 'g04-group-tag-accepted');
  });
});
