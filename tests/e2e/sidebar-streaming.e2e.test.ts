import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkGate } from '../support/chunk-gate.ts';
import { DEMO_START_MS, launchChromium, startDemoProcess, type DemoProcess } from '../support/demo-process.ts';
import { startFakeLlmServer, type FakeLlmServer } from '../support/fake-llm-server.ts';
import { llmEnv } from '../support/risky-model.ts';

/**
 * LLM mode in real Chromium: the sidebar shows the offline drafts at once with 生成中… on each slot, model
 * drafts take their slots one by one while the model (a fake server the test holds between drafts) is
 * still writing, and a failed model leaves the offline drafts with a note.
 */

const GUIDE = 'guide.lin';
const CUSTOMER = 'wmLT0007';
const DRAFTS = ['您好，这款有现货，您平时穿什么尺码呢？', '这款版型偏宽松，平时穿M选M就好。', '您方便的话可以到店试穿，我帮您预留。'];
const CONTENT = JSON.stringify({ drafts: DRAFTS.map((text) => ({ text, source_id: null })), tags: [], summary: '顾客咨询尺码', next_action: '确认尺码' });
/** Bounds for asynchronous work (OAuth hops, the debounced job); not speed goals. */
const APPEAR_MS = 20_000;

let model: FakeLlmServer;
let demo: DemoProcess;
let browser: Browser;

/** The answer in pieces that each end right after one draft (and one last piece). */
function afterEachDraft(): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const text of DRAFTS) {
    const at = CONTENT.indexOf('}', CONTENT.indexOf(JSON.stringify(text), from)) + 1;
    parts.push(CONTENT.slice(from, at));
    from = at;
  }
  return [...parts, CONTENT.slice(from)];
}

/** The sidebar frame alone into artifacts/e2e/<name>.png (a full-page shot leaves the frame blank). */
async function shootSidebar(page: Page, name: string): Promise<void> {
  await page.locator('#sidebar-frame').screenshot({ path: `artifacts/e2e/${name}.png` });
}

beforeAll(async () => {
  model = await startFakeLlmServer();
  demo = await startDemoProcess({ name: 'e2e-stream', env: llmEnv(model) });
  browser = await launchChromium();
}, DEMO_START_MS + 30_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  await model?.close();
}, 30_000);

describe('model drafts arriving in the sidebar', { timeout: 90_000 }, () => {
  let page: Page;
  let sidebar: FrameLocator;

  it('shows offline drafts at once, then each model draft in its slot as it arrives', async () => {
    const gate = chunkGate();
    model.enqueue({ kind: 'content', content: CONTENT, chunks: afterEachDraft(), gate: gate.gate });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(demo.pageFor(GUIDE, CUSTOMER));
    sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('.live-live').waitFor({ timeout: APPEAR_MS });

    await page.fill('#composer-text', '这件大衣有M码吗？');
    await page.press('#composer-text', 'Enter');
        await sidebar.locator('.slot-pending').first().waitFor({ timeout: APPEAR_MS });
    const offline = await sidebar.locator('article.draft').count();
    expect(offline).toBeGreaterThan(0);
    await expect(sidebar.locator('.slot-pending').count()).resolves.toBe(offline);
    await expect(sidebar.locator('article.draft .badge-model').count()).resolves.toBe(0);
    await shootSidebar(page, 'stream-01-offline-first');

    gate.open(0);
    await sidebar.locator('article.draft').first().locator('.badge-model').waitFor({ timeout: APPEAR_MS });
    await expect(sidebar.locator('article.draft').first().locator('.draft-text').innerText()).resolves.toContain(DRAFTS[0]);
    // The model is still held after its first draft: the other slots still say 生成中….
    await expect(sidebar.locator('.slot-pending').count()).resolves.toBeGreaterThan(0);
    await shootSidebar(page, 'stream-02-first-model-draft');

    gate.openAll();
    await expect.poll(() => sidebar.locator('article.draft .badge-model').count(), { timeout: APPEAR_MS }).toBe(3);
    await expect(sidebar.locator('.slot-pending').count()).resolves.toBe(0);
    await shootSidebar(page, 'stream-03-model-done');
  });

  it('keeps the offline drafts with a note when the model fails', async () => {
    model.setDefault(() => ({ kind: 'status', status: 503, message: 'overloaded' }));
    await page.fill('#composer-text', '有黑色的吗？');
    await page.press('#composer-text', 'Enter');
    await sidebar.getByText('智能模型暂时不可用，以下为离线建议。').waitFor({ timeout: APPEAR_MS });
    await expect(sidebar.locator('.slot-pending').count()).resolves.toBe(0);
    await expect(sidebar.locator('article.draft .badge-model').count()).resolves.toBe(0);
    expect(await sidebar.locator('article.draft').count()).toBeGreaterThan(0);
    await shootSidebar(page, 'stream-04-model-failed');
  });
});
