import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { businessDay } from '../../src/suggestions/business-day.ts';
import { api, signIn } from '../support/demo-session.ts';
import { eventually } from '../support/eventually.ts';
import { startTestService } from '../support/service-fixture.ts';
import { openSse } from '../support/sse-client.ts';

/**
 * Customer groups through the real service in demo mode: the emulator plays WeCom (groupchat/list and get,
 * change_external_chat callbacks, the chat archive with roomid records and msgaudit_notify, consent), the
 * service runs on a real Koa port against real Redis with the offline engine.
 */
const GROUP = 'wrLTjingan0001VIP';
const LINA = 'wmLT0002'; // 林晓's customer
const SUNYUE = 'wmLT0007'; // 林晓's customer
const WANGFANG = 'wmLT0003'; // 陈思雨's customer

let service: Service;
let stop: () => Promise<void>;
let lin: ReturnType<typeof api>;
let chen: ReturnType<typeof api>;
let zhou: ReturnType<typeof api>;
let live: ReturnType<typeof openSse>;

interface GroupSuggestion {
  id: string;
  status: string;
  customerId: string;
  group: { chatId: string; askerId: string; askerName: string; question: string };
  drafts: Array<{ id: string; text: string; needsApproval: boolean }>;
  tags: Array<{ tag: string; evidence: string; messageId: string }>;
  answeredMessageIds: string[];
}

const say = (from: string, text: string) => service.emulator!.actions.groupSay({ chatId: GROUP, from, text });

async function waitForGroupSuggestion(client: ReturnType<typeof api>, question: string): Promise<GroupSuggestion> {
  const body = await eventually(
    async () => (await (await client.get(`/api/groups/${GROUP}/suggestion`)).json()) as { suggestion: GroupSuggestion | null },
    (b) => b.suggestion?.status === 'fresh' && b.suggestion.group.question === question,
  );
  if (!body.suggestion) throw new Error('no group suggestion arrived');
  return body.suggestion;
}

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
}

beforeAll(async () => {
  ({ service, stop } = await startTestService({ ASSIST_DEBOUNCE_MS: '30' }));
  // The warm-up imports the groups our guides own (groupchat/list, then groupchat/get).
  await eventually(() => service.stores.groups.getGroup(GROUP), Boolean);
  await eventually(() => service.stores.store.isFollowing('guide.lin', LINA), Boolean);
  lin = api(service, (await signIn(service, 'guide.lin')).cookie);
  chen = api(service, (await signIn(service, 'guide.chen')).cookie);
  zhou = api(service, (await signIn(service, 'guide.zhou')).cookie);
  live = openSse(`${service.url}/api/live`, lin.cookie);
  await live.ready;
}, 60_000);

afterAll(async () => {
  live?.close();
  await stop();
});

describe('a customer group in the sidebar', () => {
  it('lists the guide’s groups and shows the group: name, owner, size, which members are our customers with their tags', async () => {
    const list = (await (await lin.get('/api/groups')).json()) as { groups: Array<{ chatId: string; name: string; memberCount: number }> };
    expect(list.groups).toContainEqual(expect.objectContaining({ chatId: GROUP, name: '澜庭静安·会员福利群', memberCount: 7 }));
    const card = (await (await lin.get(`/api/groups/${GROUP}`)).json()) as {
      name: string;
      owner: { name: string };
      memberCount: number;
      externalCount: number;
      customers: Array<{ customerId: string; followedByYou: boolean; guides: string[]; tags: Array<{ group: string; name: string }> }>;
      you: { owner: boolean };
    };
    expect(card).toMatchObject({ name: '澜庭静安·会员福利群', owner: { name: '林晓' }, memberCount: 7, externalCount: 5, you: { owner: true } });
    // Two strangers (not anyone's contact) are members but not customers.
    expect(card.customers.map((c) => c.customerId).sort()).toEqual([LINA, WANGFANG, SUNYUE].sort());
    const lina = card.customers.find((c) => c.customerId === LINA);
    expect(lina).toMatchObject({ followedByYou: true, guides: ['林晓'] });
    expect(lina?.tags).toContainEqual({ id: expect.any(String), group: '场合', name: '通勤' });
    expect(card.customers.find((c) => c.customerId === WANGFANG)).toMatchObject({ followedByYou: false, guides: ['陈思雨'] });
  });

  it('refuses a guide outside the group (403), an unknown group (404) and a malformed id (400)', async () => {
    await expectError(await zhou.get(`/api/groups/${GROUP}`), 403, 'not_your_group');
    await expectError(await zhou.get(`/api/groups/${GROUP}/suggestion`), 403, 'not_your_group');
    await expectError(await zhou.post(`/api/groups/${GROUP}/sent`, { text: '你好' }), 403, 'not_your_group');
    await expectError(await lin.get('/api/groups/wrNoSuchGroup'), 404, 'unknown_group');
    await expectError(await lin.get('/api/groups/wr%20bad%3Cid%3E'), 400, 'bad_chat_id');
  });

  it('drafts for the question a customer @mentions the guide with, and proposes the tag for the customer who said it', async () => {
    const question = '@澜庭-林晓 想买双鞋子，周末出去玩穿，有推荐吗？';
    const { line } = await say(LINA, question);
    const suggestion = await waitForGroupSuggestion(lin, question);
    expect(suggestion.customerId).toBe(GROUP);
    expect(suggestion.group).toMatchObject({ chatId: GROUP, askerId: LINA });
    expect(suggestion.answeredMessageIds).toContain(line.msgid);
    expect(suggestion.drafts.length).toBeGreaterThanOrEqual(1);
    // The live stream said so, under the group's id.
    await eventually(async () => live.events, (events) => events.some((e) => e.event === 'suggestion' && e.data.customerId === GROUP));
    // The tag is proposed for 李娜 (the guide follows her), quoting her words without the @mention.
    const proposals = (await (await lin.get(`/api/customers/${LINA}/tag-proposals`)).json()) as { proposals: Array<{ tag: string; evidence: string }> };
    const shoes = proposals.proposals.find((p) => p.tag === '意向品类/鞋履');
    expect(shoes?.evidence).toContain('鞋');
    expect(shoes?.evidence).not.toContain('@');
    const others = (await (await lin.get(`/api/customers/${SUNYUE}/tag-proposals`)).json()) as { proposals: unknown[] };
    expect(others.proposals).toEqual([]);
    // The group card shows the proposal under 李娜.
    const card = (await (await lin.get(`/api/groups/${GROUP}`)).json()) as { customers: Array<{ customerId: string; proposals: Array<{ tag: string }> }> };
    expect(card.customers.find((c) => c.customerId === LINA)?.proposals.map((p) => p.tag)).toContain('意向品类/鞋履');
  });

  it('leaves other people’s conversation alone: chatter that asks nobody changes nothing', async () => {
    const before = ((await (await lin.get(`/api/groups/${GROUP}/suggestion`)).json()) as { suggestion: GroupSuggestion }).suggestion;
    await say(SUNYUE, '@澜庭-陈思雨 上次说的那款面霜到了吗？');
    await say('wmLTguest01', '哈哈今天天气真好');
    const messages = await eventually(
      async () => ((await (await lin.get(`/api/groups/${GROUP}/messages?limit=50`)).json()) as { messages: Array<{ text: string }> }).messages,
      (m) => m.some((x) => x.text === '哈哈今天天气真好'),
    );
    expect(messages.some((m) => m.text === '哈哈今天天气真好')).toBe(true);
    const after = ((await (await lin.get(`/api/groups/${GROUP}/suggestion`)).json()) as { suggestion: GroupSuggestion }).suggestion;
    expect(after.id).toBe(before.id);
    expect(after.status).toBe('fresh');
    // 陈思雨 was asked by name: her sidebar gets that one.
    const forChen = await waitForGroupSuggestion(chen, '@澜庭-陈思雨 上次说的那款面霜到了吗？');
    expect(forChen.group.askerId).toBe(SUNYUE);
  });

  it('never stores the lines of a customer who did not agree to archiving', async () => {
    await say('wmLTguest02', '@澜庭-林晓 我的手机号是13812345678，帮我留一件');
    await say('wmLTguest01', '我也来凑个热闹');
    const messages = await eventually(
      async () => ((await (await lin.get(`/api/groups/${GROUP}/messages?limit=100`)).json()) as { messages: Array<{ speakerId: string; text: string }> }).messages,
      (m) => m.some((x) => x.text === '我也来凑个热闹'),
    );
    expect(messages.filter((m) => m.speakerId === 'wmLTguest02')).toEqual([]);
    const raw = await service.redis.lrange(service.keys.groupConversation(GROUP), 0, -1);
    expect(raw.join('\n')).not.toContain('13812345678');
  });

  it('sends a draft into the group through the same checks, and records it once (the archive echo is the same line)', async () => {
    const question = '@澜庭-林晓 那双鞋有37码吗？';
    await say(LINA, question);
    const suggestion = await waitForGroupSuggestion(lin, question);
    const draft = suggestion.drafts.find((d) => !d.needsApproval);
    expect(draft).toBeDefined();
    const check = await lin.post(`/api/groups/${GROUP}/send-check`, { text: draft!.text, suggestionId: suggestion.id, draftId: draft!.id });
    expect(check.status).toBe(200);
    expect(((await check.json()) as { status: string }).status).toBe('clear');
    // The sidebar reports it sent as soon as ww.sendChatMessage returns …
    const sent = await lin.post(`/api/groups/${GROUP}/sent`, { text: draft!.text, suggestionId: suggestion.id, draftId: draft!.id });
    expect(sent.status).toBe(201);
    // … and the same line comes back through the archive a moment later, with the archive's own msgid.
    const { line } = await say('guide.lin', draft!.text);
    const pulled = service.emulator!.archive!.records.find((r) => r.msgid === line.msgid)!.seq;
    await eventually(async () => Number(await service.redis.get(service.keys.archiveSeq())), (seq) => seq >= pulled);
    const messages = ((await (await lin.get(`/api/groups/${GROUP}/messages?limit=100`)).json()) as { messages: Array<{ speakerId: string; text: string }> }).messages;
    expect(messages.filter((m) => m.speakerId === 'guide.lin' && m.text === draft!.text)).toHaveLength(1);
    // The send counts for the figures as a draft sent as is.
    const feedback = await service.stores.feedback.events(businessDay(Date.now()));
    expect(feedback).toContainEqual(expect.objectContaining({ guideId: 'guide.lin', customerId: GROUP, suggestionId: suggestion.id, draftId: draft!.id, action: 'sent' }));
    // The guide answered: a plain follow-up question from the same customer is now addressed to the guide.
    const followUp = '那颜色有白色的吗？';
    await say(LINA, followUp);
    expect((await waitForGroupSuggestion(lin, followUp)).group.askerId).toBe(LINA);
  });

  it('refuses a draft that waits for the manager or an unfilled placeholder, in a group as in a 1:1 chat', async () => {
    await expectError(await lin.post(`/api/groups/${GROUP}/send-check`, { text: '这款{product_name}很适合您' }), 422, 'unfilled_placeholder');
    await expectError(await lin.post(`/api/groups/${GROUP}/send-check`, { text: '你好', suggestionId: 'nope', draftId: 'd1' }), 404, 'unknown_draft');
  });

  it('follows group events: a member added is in the card at once, and the guides in the group are told', async () => {
    const before = live.events.length;
    const { deliveries } = await service.emulator!.actions.changeMembers({ chatId: GROUP, add: ['wmLT0011'] });
    expect(deliveries.map((d) => d.status)).toEqual(['delivered']);
    const card = await eventually(
      async () => (await (await lin.get(`/api/groups/${GROUP}`)).json()) as { memberCount: number; customers: Array<{ customerId: string }> },
      (c) => c.memberCount === 8,
    );
    expect(card.customers.map((c) => c.customerId)).toContain('wmLT0011');
    await eventually(async () => live.events.slice(before), (events) => events.some((e) => e.event === 'group' && e.data.customerId === GROUP));
    await service.emulator!.actions.updateGroup({ chatId: GROUP, name: '澜庭静安·VIP会员群' });
    await eventually(async () => ((await (await lin.get(`/api/groups/${GROUP}`)).json()) as { name: string }).name, (n) => n === '澜庭静安·VIP会员群');
    // Removed from the group: 陈思雨 no longer sees it.
    await service.emulator!.actions.changeMembers({ chatId: GROUP, remove: ['guide.chen'] });
    await eventually(async () => (await chen.get(`/api/groups/${GROUP}`)).status, (status) => status === 403);
    await expectError(await chen.get(`/api/groups/${GROUP}`), 403, 'not_your_group');
    expect(((await (await chen.get('/api/groups')).json()) as { groups: unknown[] }).groups).toEqual([]);
  });

  it('keeps a dismissed group readable for its members', async () => {
    await service.emulator!.actions.dismissGroup(GROUP);
    const card = await eventually(async () => (await (await lin.get(`/api/groups/${GROUP}`)).json()) as { status: string; memberCount: number }, (c) => c.status === 'dismissed');
    expect(card).toMatchObject({ status: 'dismissed', memberCount: 7 });
    expect(((await (await lin.get(`/api/groups/${GROUP}/messages?limit=5`)).json()) as { messages: unknown[] }).messages.length).toBeGreaterThan(0);
  });
});
