import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { api, browserFetch, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { startTestService } from '../support/service-fixture.ts';

let service: Service;
let stop: () => Promise<void>;
let lin: ReturnType<typeof api>;
let manager: ReturnType<typeof api>;

beforeAll(async () => {
  ({ service, stop } = await startTestService({ ASSIST_DEBOUNCE_MS: '30' }));
  await eventually(() => service.stores.store.isFollowing('guide.lin', 'wmLT0001'), Boolean);
  lin = api(service, (await signIn(service, 'guide.lin')).cookie);
  manager = api(service, (await signIn(service, 'manager.wang')).cookie);
});

afterAll(() => stop());

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}

interface SuggestionBody {
  suggestion: { id: string; status: string; drafts: Array<{ id: string; text: string; needsApproval: boolean; approval?: { state: string } }>; tags: Array<{ tag: string }> } | null;
}

async function waitForSuggestion(customerId: string, notId?: string): Promise<NonNullable<SuggestionBody['suggestion']>> {
  const body = await eventually(
    async () => (await (await lin.get(`/api/customers/${customerId}/suggestion`)).json()) as SuggestionBody,
    (b) => b.suggestion !== null && b.suggestion.id !== notId && b.suggestion.status === 'fresh',
  );
  if (!body.suggestion) throw new Error('no suggestion arrived');
  return body.suggestion;
}

describe('guide API: ownership and roles', () => {
  const foreign = 'wmLT0003'; // guide.chen's customer
  it.each([
    ['GET', `/api/customers/${foreign}`],
    ['GET', `/api/customers/${foreign}/messages`],
    ['GET', `/api/customers/${foreign}/suggestion`],
    ['GET', `/api/customers/${foreign}/tag-proposals`],
    ['GET', `/api/customers/${foreign}/recommendations`],
    ['POST', `/api/customers/${foreign}/paste`],
    ['POST', `/api/customers/${foreign}/sent`],
    ['POST', `/api/customers/${foreign}/suggestion/regenerate`],
    ['POST', `/api/customers/${foreign}/drafts/d1/feedback`],
    ['POST', `/api/customers/${foreign}/tags/decide`],
    ['GET', '/api/customers/wmDoesNotExist'],
  ])('%s %s is 403 for a guide who does not follow the customer', async (method, path) => {
    const res = method === 'GET' ? await lin.get(path) : await lin.post(path, { text: '你好', instruction: '更简短', tag: '尺码/M', decision: 'accepted', suggestionId: 'x', action: 'shown' });
    await expectError(res, 403, 'not_your_customer');
  });

  it.each([
    ['GET', '/api/customers'],
    ['GET', '/api/customers/wmLT0001'],
    ['GET', '/api/customers/wmLT0001/messages'],
    ['GET', '/api/customers/wmLT0001/suggestion'],
    ['GET', '/api/customers/wmLT0001/tag-proposals'],
    ['GET', '/api/customers/wmLT0001/recommendations'],
    ['POST', '/api/customers/wmLT0001/paste'],
    ['POST', '/api/customers/wmLT0001/sent'],
    ['POST', '/api/customers/wmLT0001/suggestion/regenerate'],
    ['POST', '/api/customers/wmLT0001/drafts/d1/feedback'],
    ['POST', '/api/customers/wmLT0001/tags/decide'],
    ['GET', '/api/knowledge/search?q=x'],
    ['GET', '/api/jssdk/signatures?url=http://x/'],
    ['GET', '/api/live'],
    ['GET', '/api/tasks'],
    ['POST', '/api/content'],
  ])('%s %s is 401 without a session', async (method, path) => {
    await expectError(await browserFetch(service, path, { method }), 401, 'not_signed_in');
  });

  it('nothing is stored for a refused paste', async () => {
    await lin.post(`/api/customers/${foreign}/paste`, { text: '给我打一折' });
    expect(await service.stores.store.lastMessages('guide.lin', foreign, 10)).toEqual([]);
  });

  it('keeps managers and anonymous callers out of the guide API', async () => {
    await expectError(await manager.get('/api/customers'), 403, 'forbidden_role');
    await expectError(await fetch(`${service.url}/api/customers`), 401, 'not_signed_in');
    await expectError(await api(service, '').post('/api/customers/wmLT0001/paste', { text: 'x' }), 401, 'not_signed_in');
  });

  it('refuses malformed bodies with 4xx and stores nothing', async () => {
    await expectError(await lin.post('/api/customers/wmLT0001/paste', { text: '' }), 400, 'bad_request');
    const form = await browserFetch(service, '/api/customers/wmLT0001/paste', { method: 'POST', headers: { cookie: lin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hi' });
    await expectError(form, 415, 'unsupported_media_type');
    await expectError(await browserFetch(service, '/api/customers/wmLT0001/paste', { method: 'POST', headers: { cookie: lin.cookie }, body: '{not json' }), 400, 'bad_json');
    expect(await service.stores.store.lastMessages('guide.lin', 'wmLT0001', 10)).toEqual([]);
  });
});

describe('guide API: the customer card and the conversation', () => {
  it('lists the guide’s customers and shows a card with tags, relationship and tasks', async () => {
    const list = (await (await lin.get('/api/customers')).json()) as { customers: Array<{ customerId: string; name: string }> };
    expect(list.customers.map((c) => c.customerId)).toContain('wmLT0001');
    expect(list.customers.map((c) => c.customerId)).not.toContain('wmLT0003');
    const card = (await (await lin.get('/api/customers/wmLT0001')).json()) as { name: string; relationship: { status: string; channel: string }; tags: Array<{ group: string; name: string }> };
    expect(card.name).toBe('张敏');
    // The 「联系我」 state as WeCom gives it, with the name the org file's `channels` gives it.
    expect(card.relationship).toMatchObject({ status: 'active', channel: 'store_sh_qr', channelName: '静安店门店二维码' });
    expect(card.tags.map((t) => `${t.group}/${t.name}`).sort()).toEqual(['客户状态/老客', '意向品类/美妆', '肤质/干性'].sort());
  });

  it('turns a pasted customer message into a suggestion with drafts and tag proposals', async () => {
    const pasted = await lin.post('/api/customers/wmLT0007/paste', { text: '想买件羊绒大衣，预算一千五左右，平时穿M码' });
    expect(pasted.status).toBe(201);
    const suggestion = await waitForSuggestion('wmLT0007');
    expect(suggestion.drafts.length).toBeGreaterThan(0);
    const proposals = (await (await lin.get('/api/customers/wmLT0007/tag-proposals')).json()) as { proposals: Array<{ tag: string; evidence: string }> };
    expect(proposals.proposals.map((p) => p.tag)).toEqual(expect.arrayContaining(['预算/1000-3000', '尺码/M']));
    const messages = (await (await lin.get('/api/customers/wmLT0007/messages')).json()) as { messages: Array<{ speaker: string; source: string }> };
    expect(messages.messages.at(-1)).toMatchObject({ speaker: 'customer', source: 'paste' });
  });

  it('records feedback once and measures how much a sent draft was edited', async () => {
    const suggestion = await waitForSuggestion('wmLT0007');
    const draft = suggestion.drafts.find((d) => !d.needsApproval);
    if (!draft) throw new Error('expected a sendable draft');
    expect((await lin.post(`/api/customers/wmLT0007/drafts/${draft.id}/feedback`, { suggestionId: suggestion.id, action: 'shown' })).status).toBe(204);
    expect((await lin.post(`/api/customers/wmLT0007/drafts/${draft.id}/feedback`, { suggestionId: suggestion.id, action: 'shown' })).status).toBe(204);
    await expectError(await lin.post('/api/customers/wmLT0007/drafts/d9/feedback', { suggestionId: suggestion.id, action: 'shown' }), 404, 'unknown_draft');
    const sent = await lin.post('/api/customers/wmLT0007/sent', { text: `${draft.text}😊`, suggestionId: suggestion.id, draftId: draft.id });
    expect(sent.status).toBe(201);
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await service.stores.feedback.counts('guide.lin', day)).toMatchObject({ shown: 1, sent_edited: 1 });
    const events = await service.stores.feedback.events(day);
    expect(events.find((e) => e.action === 'sent_edited')).toMatchObject({ editDistance: 1, guideId: 'guide.lin' });
  });

  it('regenerates with an instruction', async () => {
    const before = await waitForSuggestion('wmLT0007');
    expect((await lin.post('/api/customers/wmLT0007/suggestion/regenerate', { instruction: '更简短' })).status).toBe(202);
    const after = await waitForSuggestion('wmLT0007', before.id);
    expect(after.id).not.toBe(before.id);
    expect((await service.stores.suggestions.get('guide.lin', 'wmLT0007'))?.instruction).toBe('更简短');
  });

  it('writes an accepted tag to WeCom (mark_tag) and to the card; a dismissed one is not proposed again', async () => {
    expect((await lin.post('/api/customers/wmLT0007/tags/decide', { tag: '预算/1000-3000', decision: 'accepted' })).status).toBe(200);
    const card = (await (await lin.get('/api/customers/wmLT0007')).json()) as { tags: Array<{ group: string; name: string }> };
    expect(card.tags.map((t) => `${t.group}/${t.name}`)).toContain('预算/1000-3000');
    const follow = service.emulator!.state.customers.get('wmLT0007')?.follows.get('guide.lin') as { tagIds?: string[]; tags?: string[] } | undefined;
    const tagId = service.assist.tagDirectory().byKey('预算/1000-3000')?.id as string;
    expect(JSON.stringify(follow)).toContain(tagId);
    expect((await lin.post('/api/customers/wmLT0007/tags/decide', { tag: '尺码/M', decision: 'dismissed' })).status).toBe(200);
    await expectError(await lin.post('/api/customers/wmLT0007/tags/decide', { tag: '尺码/M', decision: 'accepted' }), 404, 'unknown_proposal');
  });

  it('searches the knowledge base and recommends catalog products', async () => {
    const search = (await (await lin.get(`/api/knowledge/search?q=${encodeURIComponent('退货')}`)).json()) as { results: Array<{ kind: string }> };
    expect(search.results.some((r) => r.kind === 'faq')).toBe(true);
    await expectError(await lin.get('/api/knowledge/search?q='), 400, 'bad_query');
    const recs = (await (await lin.get('/api/customers/wmLT0007/recommendations')).json()) as { products: Array<{ sku: string; price: number }> };
    expect(recs.products.length).toBeGreaterThan(0);
    const catalog = service.assist.knowledge.current().products;
    for (const p of recs.products) expect(p.price).toBe(catalog.find((c) => c.sku === p.sku)?.price);
  });

  it('signs JS-SDK config and agentConfig so that WeCom (the emulator) accepts them', async () => {
    const url = `${service.url}/sidebar/?customer=wmLT0001`;
    const res = (await (await lin.get(`/api/jssdk/signatures?url=${encodeURIComponent(`${url}#frag`)}`)).json()) as {
      corpId: string;
      agentConfig: { timestamp: number; nonceStr: string; signature: string };
    };
    expect(res.corpId).toBe('wwlanting0001demo');
    const verify = await fetch(`${service.emulator!.url}/__emulator/jssdk/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'agent_config', url, ...res.agentConfig }),
    });
    expect(await verify.json()).toMatchObject({ ok: true });
    await expectError(await lin.get('/api/jssdk/signatures?url=notaurl'), 400, 'bad_url');
  });
});
