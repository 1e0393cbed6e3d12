import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SendRateLimitedError } from '../../../src/wecom/api/wecom-api-error.ts';
import type { WecomApi } from '../../../src/wecom/api/wecom-api.ts';
import { startHarness, type Harness } from '../../support/emulator-harness.ts';

let h: Harness;
let api: WecomApi;

beforeAll(async () => {
  h = await startHarness();
  api = h.client();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.emulator.faults.reset();
});

const sendReminder = (i: number) => api.sendMessage({ toUser: ['guide.wang'], msgtype: 'text', text: { content: `提醒 ${i}` } });

const delivered = (userid: string) => h.emulator.state.appMessages.filter((m) => m.touser === userid && !m.dropped);

describe('message/send', () => {
  it('sends text, textcard and markdown with the app agentid', async () => {
    await api.sendMessage({ toUser: ['guide.chen'], msgtype: 'text', text: { content: '王小姐 30 分钟前咨询了通勤外套' } });
    await api.sendMessage({
      toUser: ['guide.chen'],
      msgtype: 'textcard',
      textcard: { title: '待审核回复', description: '店长已批准', url: 'https://example.com/review/1', btntxt: '查看' },
    });
    const result = await api.sendMessage({ toUser: ['guide.chen', 'ghost.user'], msgtype: 'markdown', markdown: { content: '**今日任务** 3 条' } });
    expect(result.invalidUsers).toEqual(['ghost.user']);
    expect(result.msgId).not.toBe('');
    expect(delivered('guide.chen').map((m) => [m.msgtype, m.body])).toEqual([
      ['text', { content: '王小姐 30 分钟前咨询了通勤外套' }],
      ['textcard', { title: '待审核回复', description: '店长已批准', url: 'https://example.com/review/1', btntxt: '查看' }],
      ['markdown', { content: '**今日任务** 3 条' }],
    ]);
  });

  it('all recipients invalid is 81013', async () => {
    await expect(api.sendMessage({ toUser: ['ghost.user'], msgtype: 'text', text: { content: 'x' } })).rejects.toMatchObject({ errcode: 81013, path: 'message/send' });
  });

  it('refuses over-long content before calling WeCom', async () => {
    const before = h.calls('message/send');
    await expect(api.sendMessage({ toUser: ['guide.chen'], msgtype: 'text', text: { content: '字'.repeat(700) } })).rejects.toMatchObject({ code: 'message_invalid', status: 400 });
    expect(h.calls('message/send')).toBe(before);
  });

  it('the 31st message to one member within a minute throws send_rate_limited; WeCom got exactly 30', async () => {
    for (let i = 0; i < 30; i++) {
      await sendReminder(i);
      h.clock.advance(1000);
    }
    const error = await sendReminder(30).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendRateLimitedError);
    expect(error).toMatchObject({ code: 'send_rate_limited', userIds: ['guide.wang'] });
    // The first of the 30 was sent 30 s ago: room again in 30 s.
    expect((error as SendRateLimitedError).retryAfterMs).toBe(30_000);
    expect(delivered('guide.wang')).toHaveLength(30);
    expect(h.emulator.state.appMessages.filter((m) => m.touser === 'guide.wang')).toHaveLength(30);

    h.clock.advance(30_000);
    await sendReminder(31);
    expect(delivered('guide.wang')).toHaveLength(31);
  });

  it('a full window of one recipient blocks a group message without consuming the others’ slots', async () => {
    for (let i = 0; i < 30; i++) await api.sendMessage({ toUser: ['manager.zhou'], msgtype: 'text', text: { content: `汇总 ${i}` } });
    const linBefore = await h.redis.zcard(h.keys.sendWindow('guide.lin'));
    await expect(api.sendMessage({ toUser: ['guide.lin', 'manager.zhou'], msgtype: 'text', text: { content: '群发' } })).rejects.toMatchObject({
      code: 'send_rate_limited',
      userIds: ['manager.zhou'],
    });
    expect(await h.redis.zcard(h.keys.sendWindow('guide.lin'))).toBe(linBefore);
    expect(await h.redis.pttl(h.keys.sendWindow('manager.zhou'))).toBeGreaterThan(0);
  });
});

describe('send_welcome_msg', () => {
  it('sends within the window once; a second use is {sent:false, reason:"already_chatting"}', async () => {
    const added = await h.emulator.actions.addContact({ userid: 'guide.lin', name: '新客户甲', state: 'store-sh01-poster' });
    expect(added.welcomeCode).toBeDefined();
    const code = added.welcomeCode ?? '';
    expect(await api.sendWelcomeMessage({ welcomeCode: code, text: '您好，我是林晓，很高兴为您服务！' })).toEqual({ sent: true });
    expect(h.emulator.state.welcomeMessages.at(-1)).toMatchObject({ userid: 'guide.lin', externalUserId: added.externalUserId, text: '您好，我是林晓，很高兴为您服务！' });
    expect(await api.sendWelcomeMessage({ welcomeCode: code, text: '再发一次' })).toEqual({ sent: false, reason: 'already_chatting' });
  });

  it('a code older than 20 seconds is answered 41051 too', async () => {
    const added = await h.emulator.actions.addContact({ userid: 'guide.chen' });
    h.clock.advance(21_000);
    expect(await api.sendWelcomeMessage({ welcomeCode: added.welcomeCode ?? '', text: '欢迎' })).toEqual({ sent: false, reason: 'already_chatting' });
  });
});

describe('JS-SDK tickets', () => {
  it('fetches each ticket once, caches it in Redis, and shares one refresh between concurrent callers', async () => {
    const before = { jsapi: h.calls('get_jsapi_ticket'), agent: h.calls('ticket/get') };
    h.emulator.faults.latencyMs = 20;
    const clients = Array.from({ length: 10 }, () => h.client());
    const jsapi = await Promise.all(clients.map((c) => c.getJsApiTicket()));
    const agent = await Promise.all(clients.map((c) => c.getAgentConfigTicket()));
    expect(new Set(jsapi).size).toBe(1);
    expect(new Set(agent).size).toBe(1);
    expect(jsapi[0]).not.toBe(agent[0]);
    expect(h.calls('get_jsapi_ticket') - before.jsapi).toBe(1);
    expect(h.calls('ticket/get') - before.agent).toBe(1);
    expect(await h.redis.hget(h.keys.ticket('agent_config'), 'value')).toBe(agent[0]);
    expect(await h.redis.pttl(h.keys.ticket('jsapi'))).toBeGreaterThan(6_800_000);
  });
});

describe('auth/getuserinfo', () => {
  it('a member code gives the userid, once; reuse is 40029', async () => {
    const code = h.emulator.actions.issueOauthCode({ userid: 'guide.lin' });
    expect(await api.getUserInfo(code)).toEqual({ userId: 'guide.lin' });
    await expect(api.getUserInfo(code)).rejects.toMatchObject({ errcode: 40029, path: 'auth/getuserinfo' });
  });

  it('a code older than 5 minutes is 40029', async () => {
    const code = h.emulator.actions.issueOauthCode({ userid: 'guide.lin' });
    h.clock.advance(301_000);
    await expect(api.getUserInfo(code)).rejects.toMatchObject({ errcode: 40029 });
  });

  it('a WeChat user (openid) is not_a_member', async () => {
    const code = h.emulator.actions.issueOauthCode({ openid: 'oWechatUser123' });
    await expect(api.getUserInfo(code)).rejects.toMatchObject({ code: 'not_a_member', status: 403 });
  });
});
