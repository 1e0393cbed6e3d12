import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewProcessor } from '../../src/jobs/review-jobs.ts';
import type { Service } from '../../src/main.ts';
import { createCallOnce } from '../../src/wecom/api/call-once.ts';
import type { WecomApi } from '../../src/wecom/api/wecom-api.ts';
import { api, browserFetch, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import type { FakeLlmServer } from '../support/fake-llm-server.ts';
import { llmEnv, RISKY_DRAFT, startRiskyModel } from '../support/risky-model.ts';
import { tempTenant } from '../support/temp-tenant.ts';
import { startTestService } from '../support/service-fixture.ts';
import { silentLog } from '../support/test-service.ts';

let service: Service;
let model: FakeLlmServer;
let stop: () => Promise<void>;
let lin: ReturnType<typeof api>;
let wang: ReturnType<typeof api>;
let li: ReturnType<typeof api>;

interface Item {
  id: string;
  state: string;
  guide: { userId: string };
  flags: Array<{ rule: string; reason: string; severity: string }>;
  conversation: Array<{ text: string }>;
  originalText: string;
  text?: string;
}

beforeAll(async () => {
  model = await startRiskyModel();
  const tenant = tempTenant(['{ userid: manager.li, name: 李娟, role: manager, stores: [hz-hubin] }']);
  ({ service, stop } = await startTestService({ ...llmEnv(model), ASSIST_DEBOUNCE_MS: '20', REVIEW_SENT_SAMPLE_RATE: '1', REVIEW_NOTIFY_BATCH_MS: '50', KNOWLEDGE_DIR: tenant.dir, ORG_FILE: tenant.orgFile }));
  await eventually(() => service.stores.store.isFollowing('guide.lin', 'wmLT0007'), Boolean);
  lin = api(service, (await signIn(service, 'guide.lin')).cookie);
  wang = api(service, (await signIn(service, 'manager.wang')).cookie);
  li = api(service, (await signIn(service, 'manager.li')).cookie);
});

afterAll(async () => {
  await stop();
  await model.close();
});

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}

async function pendingFor(member: ReturnType<typeof api>): Promise<Item[]> {
  return ((await (await member.get('/api/review/approvals')).json()) as { items: Item[] }).items;
}

describe('who may use the console', () => {
  it.each([
    ['GET', '/api/review/approvals'],
    ['GET', '/api/review/approvals/x.d1'],
    ['POST', '/api/review/approvals/x.d1/decision'],
    ['GET', '/api/review/sent'],
    ['POST', '/api/review/sent/x/action'],
    ['GET', '/api/review/stores'],
    ['GET', '/api/review/figures'],
    ['GET', '/api/review/figures.csv'],
    ['GET', '/api/review/intents'],
    ['POST', '/api/review/scripts'],
    ['GET', '/api/review/audit'],
    ['GET', '/api/review/lifecycle'],
  ])('%s %s: 401 anonymous, 403 for a guide', async (method, path) => {
    await expectError(await browserFetch(service, path, { method }), 401, 'not_signed_in');
    await expectError(method === 'GET' ? await lin.get(path) : await lin.post(path, { decision: 'approve', action: 'noted', text: 'x', intent: '问候' }), 403, 'forbidden_role');
  });
});

describe('approval queue', () => {
  let item: Item;

  it('holds a draft that promises a discount outside policy and shows it to the store manager', async () => {
    await lin.post('/api/customers/wmLT0007/paste', { text: '这件大衣能便宜点吗？' });
    const items = await eventually(() => pendingFor(wang), (list) => list.length > 0);
    item = items[0] as Item;
    expect(item).toMatchObject({ state: 'pending', originalText: RISKY_DRAFT, guide: { userId: 'guide.lin' } });
    expect(item.flags.some((f) => f.severity === 'block')).toBe(true);
    expect(item.conversation.at(-1)?.text).toBe('这件大衣能便宜点吗？');
    const suggestion = (await (await lin.get('/api/customers/wmLT0007/suggestion')).json()) as { suggestion: { id: string; drafts: Array<{ id: string; needsApproval: boolean; approval?: { state: string } }> } };
    const held = suggestion.suggestion.drafts.find((d) => d.needsApproval);
    expect(held?.approval).toEqual({ state: 'pending' });
    await expectError(await lin.post('/api/customers/wmLT0007/sent', { text: RISKY_DRAFT, suggestionId: suggestion.suggestion.id, draftId: held?.id }), 409, 'draft_held');
  });

  it('tells the managers once per batch with a textcard linking to the item', async () => {
    const cards = await eventually(
      async () => service.emulator!.state.appMessages.filter((m) => m.touser.split('|').includes('manager.wang') && m.msgtype === 'textcard'),
      (list) => list.length > 0,
    );
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]?.body)).toContain(`/review/?item=${encodeURIComponent(item.id)}`);
  });

  it('keeps guides and other stores out', async () => {
    await expectError(await lin.get('/api/review/approvals'), 403, 'forbidden_role');
    await expectError(await lin.post(`/api/review/approvals/${item.id}/decision`, { decision: 'approve' }), 403, 'forbidden_role');
    expect(await pendingFor(li)).toEqual([]);
    await expectError(await li.get(`/api/review/approvals/${item.id}`), 403, 'not_your_store');
    await expectError(await li.post(`/api/review/approvals/${item.id}/decision`, { decision: 'approve' }), 403, 'not_your_store');
    await expectError(await li.get('/api/review/approvals?store=sh-jingan'), 403, 'not_your_store');
    await expectError(await li.get('/api/review/figures?store=sh-jingan'), 403, 'not_your_store');
    await expectError(await fetch(`${service.url}/api/review/approvals`), 401, 'not_signed_in');
    expect((await service.stores.approvals.get(item.id))?.state).toBe('pending');
  });

  it('needs a comment to reject', async () => {
    await expectError(await wang.post(`/api/review/approvals/${item.id}/decision`, { decision: 'reject' }), 400, 'bad_request');
  });

  it('approves with an edit once; the guide gets the approved text, and an app message since the sidebar is closed', async () => {
    const edited = '这件是当季新品，金卡会员可以享受95折哦～';
    const approved = await wang.post(`/api/review/approvals/${item.id}/decision`, { decision: 'approve', text: edited });
    expect(await approved.json()).toMatchObject({ state: 'approved', text: edited, decidedBy: { userId: 'manager.wang' } });
    await expectError(await wang.post(`/api/review/approvals/${item.id}/decision`, { decision: 'reject', comment: '不行' }), 409, 'already_decided');
    const suggestion = (await (await lin.get('/api/customers/wmLT0007/suggestion')).json()) as { suggestion: { id: string; drafts: Array<{ id: string; approval?: { state: string; text?: string } }> } };
    const draft = suggestion.suggestion.drafts.find((d) => d.approval);
    expect(draft?.approval).toMatchObject({ state: 'approved', text: edited });
    expect((await lin.post('/api/customers/wmLT0007/sent', { text: edited, suggestionId: suggestion.suggestion.id, draftId: draft?.id })).status).toBe(201);
    const toGuide = await eventually(async () => service.emulator!.state.appMessages.filter((m) => m.touser === 'guide.lin'), (l) => l.length > 0);
    expect(JSON.stringify(toGuide[0]?.body)).toContain('已通过');
    const feed = await service.stores.feed.since('guide.lin', '0-0');
    expect(feed.some((e) => e.event.type === 'approval')).toBe(true);
  });

  it('records every decision in the audit log with the text before and after', async () => {
    const audit = (await (await wang.get('/api/review/audit')).json()) as { entries: Array<{ action: string; before?: string; after?: string; actor: { userId: string } }> };
    expect(audit.entries[0]).toMatchObject({ action: expect.stringMatching(/^approval\./), before: RISKY_DRAFT, actor: { userId: 'manager.wang' } });
  });

  it('escalates items waiting longer than the configured time to the admins', async () => {
    await lin.post('/api/customers/wmLT0001/paste', { text: '可以便宜吗' });
    const waiting = await eventually(() => pendingFor(wang), (l) => l.length > 0);
    const later = Date.now() + 16 * 60_000;
    const outcome = await sweep(later, service.wecom.api);
    expect(outcome).toBe(`escalated_${waiting.length}`);
    expect((await service.stores.approvals.get(waiting[0]!.id))?.escalatedAt).toBe(later);
    expect(service.emulator!.state.appMessages.some((m) => m.touser === 'admin.hq' && m.msgtype === 'markdown')).toBe(true);
  });
});

/** One run of the review sweep as the worker makes it, at `now`. */
function sweep(now: number, wecom: Pick<WecomApi, 'sendMessage'>): Promise<string> {
  return createReviewProcessor({
    redis: service.redis,
    keys: service.keys,
    org: service.org,
    approvals: service.stores.approvals,
    store: service.stores.store,
    api: wecom,
    once: createCallOnce(service.redis, service.keys, 3600),
    log: silentLog,
    now: () => now,
    consoleUrl: () => service.url,
    escalateAfterMs: 15 * 60_000,
  })({ kind: 'sweep' });
}

describe('sent-message review, figures and the learning loop', () => {
  it('flags a risky message a guide sent and lets the manager coach', async () => {
    await lin.post('/api/customers/wmLT0001/sent', { text: '这款面霜用一周保证美白祛斑' });
    const list = await eventually(
      async () => ((await (await wang.get('/api/review/sent')).json()) as { items: Array<{ id: string; text: string; flags: unknown[] }> }).items,
      (items) => items.some((i) => i.text.includes('保证美白')),
    );
    const flagged = list.find((i) => i.text.includes('保证美白'))!;
    expect(flagged.flags.length).toBeGreaterThan(0);
    await expectError(await li.post(`/api/review/sent/${flagged.id}/action`, { action: 'coach' }), 403, 'not_your_store');
    const acted = await wang.post(`/api/review/sent/${flagged.id}/action`, { action: 'coach', note: '功效不能承诺' });
    expect(await acted.json()).toMatchObject({ status: 'coach', note: '功效不能承诺' });
  });

  it('reports figures per guide and store, and exports them as CSV', async () => {
    const figures = (await (await wang.get('/api/review/figures?period=week')).json()) as {
      stores: Array<{ id: string; guides: Array<{ userId: string; figures: { flaggedRate: number | null; approvalsDecided: number } }> }>;
      series: unknown[];
      topQuestions: Array<{ text: string; count: number }>;
    };
    expect(figures.series).toHaveLength(7);
    // Two questions were asked ("这件大衣能便宜点吗？", "可以便宜吗"): both about price or offers.
    expect(figures.topQuestions.reduce((n, q) => n + q.count, 0)).toBe(2);
    for (const q of figures.topQuestions) expect(['价格咨询', '优惠活动']).toContain(q.text);
    const linFigures = figures.stores.find((s) => s.id === 'sh-jingan')?.guides.find((g) => g.userId === 'guide.lin')?.figures;
    expect(linFigures?.flaggedRate).toBeGreaterThan(0);
    expect(linFigures?.approvalsDecided).toBeGreaterThanOrEqual(1);
    const csv = await wang.get('/api/review/figures.csv?period=day');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('门店,导购,展示');
    expect(text).toContain('林晓');
  });

  it('promotes a guide’s reply into the script library, where search finds it', async () => {
    const intents = ((await (await wang.get('/api/review/intents')).json()) as { intents: string[] }).intents;
    expect(intents).toContain('问候');
    await expectError(await wang.post('/api/review/scripts', { text: '好的', intent: '不存在的意图' }), 400, 'unknown_intent');
    const promoted = await wang.post('/api/review/scripts', { text: '雪地靴防滑底特别适合杭州的雨雪天，您可以来店里试穿看看', intent: '搭配建议', tags: ['意向品类/鞋履'] });
    expect(promoted.status).toBe(201);
    const search = (await (await lin.get(`/api/knowledge/search?q=${encodeURIComponent('雪地靴 防滑')}`)).json()) as { results: Array<{ kind: string; text: string }> };
    expect(search.results.some((r) => r.kind === 'script' && r.text.includes('雪地靴防滑底'))).toBe(true);
  });
});

describe('a review sweep retried after a crash', () => {
  it('escalates once when the sweep that sent the message died before marking the items', async () => {
    const before = (await pendingFor(wang)).length;
    await lin.post('/api/customers/wmLT0001/paste', { text: '能再便宜点吗' });
    await eventually(() => pendingFor(wang), (l) => l.length > before);
    const later = Date.now() + 16 * 60_000;
    const toAdmin = () => service.emulator!.state.appMessages.filter((m) => m.touser === 'admin.hq' && m.msgtype === 'markdown').length;
    const sent = toAdmin();
    // The first sweep's message reaches WeCom and then its worker dies: nothing after the send runs.
    const dying: Pick<WecomApi, 'sendMessage'> = { sendMessage: async (m) => (await service.wecom.api.sendMessage(m), new Promise<never>(() => undefined)) };
    void sweep(later, dying);
    await expect.poll(toAdmin).toBe(sent + 1);
    expect(await sweep(later, service.wecom.api)).toBe('escalated_1');
    expect(toAdmin()).toBe(sent + 1);
    expect(await sweep(later, service.wecom.api)).toBe('nothing_overdue');
  });
});
