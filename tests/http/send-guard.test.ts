import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { api, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { startTestService } from '../support/service-fixture.ts';

/**
 * What the server refuses to let a guide send (an unfilled template slot, a held draft, a risky edit in a
 * store that holds them), and knowledge search filled from the chat's focus product.
 */
let service: Service;
let stop: () => Promise<void>;
let lin: ReturnType<typeof api>;
let zhou: ReturnType<typeof api>;
let wang: ReturnType<typeof api>;

beforeAll(async () => {
  ({ service, stop } = await startTestService({ ASSIST_DEBOUNCE_MS: '30' }));
  await eventually(() => service.stores.store.isFollowing('guide.zhou', 'wmLT0005'), Boolean);
  lin = api(service, (await signIn(service, 'guide.lin')).cookie);
  zhou = api(service, (await signIn(service, 'guide.zhou')).cookie);
  wang = api(service, (await signIn(service, 'manager.wang')).cookie);
});

afterAll(() => stop());

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}

interface Draft {
  id: string;
  text: string;
  needsApproval: boolean;
  approval?: { state: string; text?: string; heldText?: string };
}
interface Suggestion {
  id: string;
  status: string;
  drafts: Draft[];
}

async function suggestionOf(who: ReturnType<typeof api>, customerId: string): Promise<Suggestion | null> {
  return ((await (await who.get(`/api/customers/${customerId}/suggestion`)).json()) as { suggestion: Suggestion | null }).suggestion;
}

async function freshSuggestion(who: ReturnType<typeof api>, customerId: string, say: string): Promise<Suggestion> {
  const before = await suggestionOf(who, customerId);
  expect((await who.post(`/api/customers/${customerId}/paste`, { text: say })).status).toBe(201);
  const next = await eventually(
    () => suggestionOf(who, customerId),
    (s) => s !== null && s.id !== before?.id && s.status === 'fresh' && s.drafts.some((d) => !d.needsApproval),
  );
  if (!next) throw new Error('no suggestion arrived');
  return next;
}

const messageCount = async (guideId: string, customerId: string): Promise<number> => (await service.stores.store.lastMessages(guideId, customerId, 100)).length;

describe('no unfilled placeholder reaches a customer', () => {
  it.each(['送长辈的话，{product_name}手感软糯，冬天很用得上。', '【商品名】到货了', '亲爱的XXX，生日快乐'])('send-check and sent refuse %s with 422, storing nothing', async (text) => {
    const before = await messageCount('guide.lin', 'wmLT0002');
    await expectError(await lin.post('/api/customers/wmLT0002/send-check', { text }), 422, 'unfilled_placeholder');
    await expectError(await lin.post('/api/customers/wmLT0002/sent', { text }), 422, 'unfilled_placeholder');
    expect(await messageCount('guide.lin', 'wmLT0002')).toBe(before);
  });

  it('a clean free text is clear to send and is recorded', async () => {
    expect(await (await lin.post('/api/customers/wmLT0002/send-check', { text: '好的，我帮您看看' })).json()).toEqual({ status: 'clear', flags: [] });
    expect((await lin.post('/api/customers/wmLT0002/sent', { text: '好的，我帮您看看' })).status).toBe(201);
  });

  it('refuses a text with no draft behind it that breaks a block-level guardrail, and clears a clean one', async () => {
    await expectError(await lin.post('/api/customers/wmLT0002/send-check', { text: '这件大衣今天只要99元，全额退款随时可以' }), 422, 'text_flagged');
    const clean = await lin.post('/api/customers/wmLT0002/send-check', { text: '您好，这款大衣有M码，我帮您查一下门店现货。' });
    expect(clean.status).toBe(200);
  });

  it('send-check is for the guide’s own customers only, and refuses a bad body', async () => {
    await expectError(await lin.post('/api/customers/wmLT0003/send-check', { text: '您好' }), 403, 'not_your_customer');
    const anonymous = { method: 'POST', headers: { 'content-type': 'application/json', origin: service.url }, body: JSON.stringify({ text: '您好' }) };
    await expectError(await fetch(`${service.url}/api/customers/wmLT0002/send-check`, anonymous), 401, 'not_signed_in');
    expect((await lin.post('/api/customers/wmLT0002/send-check', { text: '' })).status).toBe(400);
  });
});

describe('knowledge search fills templates for the customer in the chat', () => {
  const q = encodeURIComponent('送长辈 手感软糯');
  type Results = { results: Array<{ id: string; text: string; slots?: string[] }> };

  it('without a customer, a product slot stays open and is listed', async () => {
    const body = (await (await lin.get(`/api/knowledge/search?q=${q}&limit=10`)).json()) as Results;
    const hit = body.results.find((r) => r.id === 'sc-gift-05');
    expect(hit, JSON.stringify(body)).toMatchObject({ slots: ['product_name'] });
    expect(hit?.text).toContain('{product_name}');
  });

  it('for a customer talking about a product, the slot is filled with its catalog name', async () => {
    expect((await lin.post('/api/customers/wmLT0002/paste', { text: '羊绒圆领毛衣有燕麦色吗' })).status).toBe(201);
    const body = (await (await lin.get(`/api/knowledge/search?q=${q}&limit=10&customerId=wmLT0002`)).json()) as Results;
    const hit = body.results.find((r) => r.id === 'sc-gift-05');
    expect(hit?.text).toBe('送长辈的话，羊绒围巾和羊绒毛衣都很实用，羊绒圆领毛衣手感软糯，冬天很用得上。');
    expect(hit?.slots).toBeUndefined();
    for (const r of body.results) expect(r.text).not.toMatch(/\{(?:guide_name|store_name|customer_name)\}/u);
  });

  it('a product the guide picked (sku) fills the slot with its catalog name; a malformed sku is 400', async () => {
    const body = (await (await lin.get(`/api/knowledge/search?q=${q}&limit=10&customerId=wmLT0001&sku=AP-1023`)).json()) as Results;
    expect(body.results.find((r) => r.id === 'sc-gift-05')?.text).toContain('羊绒圆领毛衣手感软糯');
    await expectError(await lin.get(`/api/knowledge/search?q=${q}&sku=${encodeURIComponent('<x>')}`), 400, 'bad_sku');
  });

  it('a customer the guide does not follow is 403; a malformed id is 400', async () => {
    await expectError(await lin.get(`/api/knowledge/search?q=${q}&customerId=wmLT0003`), 403, 'not_your_customer');
    await expectError(await lin.get(`/api/knowledge/search?q=${q}&customerId=${encodeURIComponent('a b')}`), 400, 'bad_customer_id');
  });
});

describe('a risky edit waits for the store manager (store policy holdRiskyEdits)', () => {
  let suggestion: Suggestion;
  let draft: Draft;
  let edited: string;

  it('holds 「给您打八折」 added to a clean draft, with its flags, and shows the draft as waiting', async () => {
    suggestion = await freshSuggestion(lin, 'wmLT0001', '这款面霜适合干皮吗');
    draft = suggestion.drafts.find((d) => !d.needsApproval) as Draft;
    edited = `${draft.text}今天给您打八折`;
    const before = await messageCount('guide.lin', 'wmLT0001');
    // Reported as sent without asking first: refused, nothing stored, nothing queued.
    await expectError(await lin.post('/api/customers/wmLT0001/sent', { text: edited, suggestionId: suggestion.id, draftId: draft.id }), 409, 'edit_held');
    expect(await service.stores.approvals.get(`${suggestion.id}.${draft.id}`)).toBeUndefined();

    const res = await lin.post('/api/customers/wmLT0001/send-check', { text: edited, suggestionId: suggestion.id, draftId: draft.id });
    const held = (await res.json()) as { status: string; approvalId: string; flags: Array<{ rule: string; text: string }> };
    expect(held.status).toBe('held');
    expect(held.flags.find((f) => f.rule === 'discount')?.text).toContain('八折');
    const approval = await service.stores.approvals.get(held.approvalId);
    expect(approval).toMatchObject({ state: 'pending', originalText: edited, storeId: 'sh-jingan', guideId: 'guide.lin' });
    const queue = (await (await wang.get('/api/review/approvals')).json()) as { items: Array<{ id: string; originalText: string; flags: Array<{ rule: string }> }> };
    expect(queue.items.find((i) => i.id === held.approvalId)?.flags.map((f) => f.rule)).toContain('discount');

    const shown = (await suggestionOf(lin, 'wmLT0001'))?.drafts.find((d) => d.id === draft.id);
    expect(shown).toMatchObject({ needsApproval: true, approval: { state: 'pending', heldText: edited } });
    await expectError(await lin.post('/api/customers/wmLT0001/send-check', { text: edited, suggestionId: suggestion.id, draftId: draft.id }), 409, 'draft_held');
    await expectError(await lin.post('/api/customers/wmLT0001/sent', { text: draft.text, suggestionId: suggestion.id, draftId: draft.id }), 409, 'draft_held');
    expect(await messageCount('guide.lin', 'wmLT0001')).toBe(before);
  });

  it('the manager’s approval makes the edit sendable', async () => {
    const id = `${suggestion.id}.${draft.id}`;
    expect((await wang.post(`/api/review/approvals/${id}/decision`, { decision: 'approve' })).status).toBe(200);
    const shown = (await suggestionOf(lin, 'wmLT0001'))?.drafts.find((d) => d.id === draft.id);
    expect(shown?.approval).toMatchObject({ state: 'approved', text: edited });
    expect(await (await lin.post('/api/customers/wmLT0001/send-check', { text: edited, suggestionId: suggestion.id, draftId: draft.id })).json()).toEqual({ status: 'clear', flags: [] });
    const sent = await lin.post('/api/customers/wmLT0001/sent', { text: edited, suggestionId: suggestion.id, draftId: draft.id });
    expect(sent.status).toBe(201);
    // A second, different risky wording of a reviewed draft is not slipped through.
    await expectError(
      await lin.post('/api/customers/wmLT0001/send-check', { text: `${edited}，再送您一瓶小样`, suggestionId: suggestion.id, draftId: draft.id }),
      409,
      'draft_reviewed',
    );
  });

  it('a harmless edit is clear at once', async () => {
    const next = await freshSuggestion(lin, 'wmLT0001', '干皮冬天用什么面霜好');
    const clean = next.drafts.find((d) => !d.needsApproval) as Draft;
    const res = await lin.post('/api/customers/wmLT0001/send-check', { text: `${clean.text}😊`, suggestionId: next.id, draftId: clean.id });
    expect(await res.json()).toMatchObject({ status: 'clear' });
    expect(await service.stores.approvals.get(`${next.id}.${clean.id}`)).toBeUndefined();
  });

  it('a store without the policy sends the edit with its flags shown, and nothing is queued', async () => {
    const next = await freshSuggestion(zhou, 'wmLT0005', '伴娘礼服有S码吗');
    const clean = next.drafts.find((d) => !d.needsApproval) as Draft;
    const text = `${clean.text}今天给您打八折`;
    const res = (await (await zhou.post('/api/customers/wmLT0005/send-check', { text, suggestionId: next.id, draftId: clean.id })).json()) as { status: string; flags: Array<{ rule: string }> };
    expect(res.status).toBe('clear');
    expect(res.flags.map((f) => f.rule)).toContain('discount');
    expect(await service.stores.approvals.get(`${next.id}.${clean.id}`)).toBeUndefined();
    expect((await zhou.post('/api/customers/wmLT0005/sent', { text, suggestionId: next.id, draftId: clean.id })).status).toBe(201);
  });
});
