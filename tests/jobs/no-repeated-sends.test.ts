import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import { createKeys } from '../../src/conversation/keys.ts';
import { createRedisConversationStore } from '../../src/conversation/redis-conversation-store.ts';
import { handleAppText, type AppTextDeps } from '../../src/jobs/handle-app-text.ts';
import { handleContactChange, type ContactDeps } from '../../src/jobs/handle-contact-change.ts';
import { createDigestStore, sendDigest, type DigestDeps } from '../../src/lifecycle/guide-digest.ts';
import { createRedisTaskStore } from '../../src/tasks/task-store.ts';
import { createCallOnce } from '../../src/wecom/api/call-once.ts';
import { createRedisTokenCache } from '../../src/wecom/api/redis-token-cache.ts';
import { createSendGuard } from '../../src/wecom/api/send-guard.ts';
import type { AppMessage, WecomApi } from '../../src/wecom/api/wecom-api.ts';
import { wecomUnreachable } from '../../src/wecom/api/wecom-api-error.ts';
import type { AppTextMessage, ContactAdded } from '../../src/wecom/events.ts';
import { demoCorpTags, fixtureKnowledge } from '../assist/support.ts';
import type { RedisClient } from '../../src/ops/redis-client.ts';
import { startPrivateRedis } from '../faults/support/private-redis.ts';
import { startHarness, type Harness } from '../support/emulator-harness.ts';
import { silentLog, testRedis } from '../support/test-service.ts';

// A retried job must not repeat an outbound WeCom write: the emulator (real HTTP) counts what arrived, the
// idempotency records live in real Redis. A "crash after the send" is an attempt whose call reached WeCom
// and then never returned, so neither its done marker nor its failure was ever written.
let h: Harness;
let api: WecomApi;
const TTL = 3600;

beforeAll(async () => {
  h = await startHarness();
  api = h.client();
});

afterAll(() => h.close());

const toGuide = (userId: string) => h.emulator.state.appMessages.filter((m) => m.touser === userId);
const text = (content: string): AppMessage => ({ toUser: ['guide.lin'], msgtype: 'text', text: { content } });

/** The call reaches WeCom, then the attempt dies: nothing after the send runs. */
function sendThenDie(send: () => Promise<unknown>): () => Promise<never> {
  return async () => {
    await send();
    return new Promise<never>(() => undefined);
  };
}

describe('call-once around message/send (at most once)', () => {
  it('does not send again when the attempt that sent died before recording it', async () => {
    const once = createCallOnce(h.redis, h.keys, TTL);
    const before = toGuide('guide.lin').length;
    void once.run('test-send', 'crash-1', 'at-most-once', sendThenDie(() => api.sendMessage(text('第一次'))));
    await expect.poll(() => toGuide('guide.lin').length).toBe(before + 1);
    const retry = await once.run('test-send', 'crash-1', 'at-most-once', () => api.sendMessage(text('第一次')));
    expect(retry).toEqual({ ran: false, why: 'claimed' });
    expect(toGuide('guide.lin').length).toBe(before + 1);
  });

  it('does not send again when Redis went away between the send and the done marker', async () => {
    const lost = testRedis('oneShot');
    const before = toGuide('guide.lin').length;
    const first = createCallOnce(lost, h.keys, TTL).run('test-send', 'outage-1', 'at-most-once', async () => {
      const sent = await api.sendMessage(text('断线前'));
      lost.disconnect();
      return sent;
    });
    // One server says its connection is closed; a cluster client, that no node is left to ask.
    await expect(first).rejects.toThrow(/Connection is closed|None of startup nodes is available/);
    const retry = await createCallOnce(h.redis, h.keys, TTL).run('test-send', 'outage-1', 'at-most-once', () => api.sendMessage(text('断线前')));
    expect(retry.ran).toBe(false);
    expect(toGuide('guide.lin').length).toBe(before + 1);
  });

  it('sends on the retry when WeCom refused the first call, and only then', async () => {
    const once = createCallOnce(h.redis, h.keys, TTL);
    const before = toGuide('guide.lin').length;
    h.emulator.faults.failNext(60020, 1, 'message/send');
    await expect(once.run('test-send', 'refused-1', 'at-most-once', () => api.sendMessage(text('被拒后重发')))).rejects.toMatchObject({ errcode: 60020 });
    expect((await once.run('test-send', 'refused-1', 'at-most-once', () => api.sendMessage(text('被拒后重发')))).ran).toBe(true);
    expect(await once.run('test-send', 'refused-1', 'at-most-once', () => api.sendMessage(text('被拒后重发')))).toEqual({ ran: false, why: 'done' });
    expect(toGuide('guide.lin').length).toBe(before + 1);
  });

  it('sends on the retry when the attempt timed out getting its access token, not sending', async () => {
    // A process with nothing cached yet (its own token keys), whose gettoken is slower than its timeout.
    const fresh = createKeys(`${h.keys.prefix}fresh-token:`);
    const slow = h.client({ timeoutMs: 50, tokenCache: createRedisTokenCache(h.redis, fresh), sendGuard: createSendGuard(h.redis, fresh) });
    const once = createCallOnce(h.redis, h.keys, TTL);
    const before = toGuide('guide.lin').length;
    h.emulator.faults.latencyMs = 300;
    try {
      await expect(once.run('test-send', 'token-timeout-1', 'at-most-once', () => slow.sendMessage(text('取令牌超时')))).rejects.toThrow('WeCom gettoken did not answer');
    } finally {
      h.emulator.faults.latencyMs = 0;
    }
    expect(toGuide('guide.lin').length).toBe(before);
    expect((await once.run('test-send', 'token-timeout-1', 'at-most-once', () => api.sendMessage(text('取令牌超时')))).ran).toBe(true);
    expect(toGuide('guide.lin').length).toBe(before + 1);
  });

  it('keeps the claim when the call may have reached WeCom (timeout)', async () => {
    const once = createCallOnce(h.redis, h.keys, TTL);
    const before = toGuide('guide.lin').length;
    const timedOut = once.run('test-send', 'timeout-1', 'at-most-once', async () => {
      await api.sendMessage(text('超时但已送达'));
      throw wecomUnreachable('message/send', Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }));
    });
    await expect(timedOut).rejects.toMatchObject({ code: 'wecom_unreachable' });
    expect((await once.run('test-send', 'timeout-1', 'at-most-once', () => api.sendMessage(text('超时但已送达')))).ran).toBe(false);
    expect(toGuide('guide.lin').length).toBe(before + 1);
  });

  it('gives every record a TTL', async () => {
    const once = createCallOnce(h.redis, h.keys, TTL);
    await once.run('test-send', 'ttl-1', 'at-most-once', () => api.sendMessage(text('有期限')));
    const ttl = await h.redis.ttl(h.keys.done('test-send', 'ttl-1'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(TTL);
  });
});

describe('call-once around message/send when Redis goes away', () => {
  it('sends on the retry when the call failed on Redis (rate guard, token cache) before reaching WeCom', async () => {
    const redis = await startPrivateRedis();
    // As the service's connection: a command fails after three reconnection attempts.
    const client = new Redis(redis.url, { maxRetriesPerRequest: 3 });
    client.on('error', () => undefined);
    try {
      const viaOutage = h.client({ tokenCache: createRedisTokenCache(client, h.keys), sendGuard: createSendGuard(client, h.keys) });
      const once = createCallOnce(client, h.keys, TTL);
      const before = toGuide('guide.lin').length;
      const first = once.run('test-send', 'outage-before-1', 'at-most-once', async () => {
        await redis.stop();
        // Longer than the client keeps a command queued (two rounds of three reconnection attempts, ≈1.8 s).
        setTimeout(() => void redis.start(), 3000);
        return viaOutage.sendMessage(text('断线时未发出'));
      });
      await expect(first).rejects.toThrow(/max retries per request/i);
      expect(toGuide('guide.lin').length).toBe(before);
      const retry = await once.run('test-send', 'outage-before-1', 'at-most-once', () => viaOutage.sendMessage(text('断线时未发出')));
      expect(retry.ran).toBe(true);
      expect(toGuide('guide.lin').length).toBe(before + 1);
    } finally {
      client.disconnect();
      await redis.close();
    }
  });

  /** h.redis, except that a claim (SET … NX) is applied and then its answer lost as `lose` says. */
  const losingClaimAnswers = (lose: (retry: () => Promise<unknown>) => Promise<unknown>): RedisClient =>
    new Proxy(h.redis, {
      get(target, prop, receiver) {
        if (prop !== 'set') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<RedisClient['set']>) => {
          if (!args.includes('NX')) return target.set(...args);
          await target.set(...args);
          return lose(() => target.set(...args));
        };
      },
    });

  it('takes its claim when Redis applied it, the answer was lost and the client sent it again', async () => {
    const resending = losingClaimAnswers((again) => again());
    const before = toGuide('guide.lin').length;
    const sent = await createCallOnce(resending, h.keys, TTL).run('test-send', 'resent-1', 'at-most-once', () => api.sendMessage(text('重发的占位')));
    expect(sent.ran).toBe(true);
    expect(toGuide('guide.lin').length).toBe(before + 1);
  });

  it('drops its claim when Redis applied it but the client gave the command up, so the retry sends', async () => {
    const rejecting = losingClaimAnswers(() => Promise.reject(new Error('Connection is closed.')));
    const before = toGuide('guide.lin').length;
    await expect(createCallOnce(rejecting, h.keys, TTL).run('test-send', 'lost-claim-1', 'at-most-once', () => api.sendMessage(text('占位丢了回答')))).rejects.toThrow('Connection is closed.');
    expect(toGuide('guide.lin').length).toBe(before);
    expect((await createCallOnce(h.redis, h.keys, TTL).run('test-send', 'lost-claim-1', 'at-most-once', () => api.sendMessage(text('占位丢了回答')))).ran).toBe(true);
    expect(toGuide('guide.lin').length).toBe(before + 1);
  });
});

describe('call-once around mark_tag (at least once)', () => {
  it('repeats a call whose attempt died, since WeCom applies it idempotently, then skips it once done', async () => {
    const groups = await api.getCorpTagList();
    const tagId = groups.flatMap((g) => g.tags).find((t) => t.name === '高意向')?.id ?? groups[0]!.tags[0]!.id;
    const once = createCallOnce(h.redis, h.keys, TTL);
    const mark = () => api.markTag({ userId: 'guide.chen', externalUserId: 'wmFixtureC003', addTagIds: [tagId] });
    const calls = h.calls('externalcontact/mark_tag');
    void once.run('test-tag', 'c003', 'at-least-once', sendThenDie(mark));
    await expect.poll(() => h.calls('externalcontact/mark_tag')).toBe(calls + 1);
    expect((await once.run('test-tag', 'c003', 'at-least-once', mark)).ran).toBe(true);
    expect((await once.run('test-tag', 'c003', 'at-least-once', mark)).ran).toBe(false);
    expect(h.calls('externalcontact/mark_tag')).toBe(calls + 2);
    const follow = h.emulator.state.customers.get('wmFixtureC003')?.follows.get('guide.chen');
    expect(follow?.tagIds.filter((id) => id === tagId)).toHaveLength(1);
  });
});

describe('jobs that write to WeCom, retried', () => {
  const appText = (msgId: string, content: string): AppTextMessage => ({
    type: 'text',
    corpId: 'ww_fixture_corp',
    msgId,
    fromUser: 'guide.chen',
    agentId: '1000002',
    content,
    createTime: Math.floor(h.clock.now() / 1000),
  });

  async function appTextDeps(sendMessage: WecomApi['sendMessage']): Promise<AppTextDeps> {
    const corp = await demoCorpTags();
    return {
      store: createRedisConversationStore(h.redis, h.keys, { ttlSec: TTL, maxMessages: 50 }),
      assistant: createAssistant({ knowledge: staticKnowledge(await fixtureKnowledge()), corpTags: () => corp }),
      api: { sendMessage },
      now: h.clock.now,
      once: createCallOnce(h.redis, h.keys, TTL),
    };
  }

  it('answers a guide once when the app-text job is run twice', async () => {
    const deps = await appTextDeps((m) => api.sendMessage(m));
    const event = appText('8200000000000000001', '顾客问：有M码吗？');
    expect(await handleAppText(deps, event)).toBe('answered');
    expect(await handleAppText(deps, event)).toBe('already_answered');
    expect(toGuide('guide.chen').filter((m) => JSON.stringify(m.body).includes('推荐回复'))).toHaveLength(1);
  });

  it('answers a guide once when the worker died after the send and the job is retried', async () => {
    const before = toGuide('guide.chen').length;
    const dying = await appTextDeps((m) => sendThenDie(() => api.sendMessage(m))());
    const event = appText('8200000000000000002', '顾客问：羊绒大衣怎么洗？');
    void handleAppText(dying, event);
    await expect.poll(() => toGuide('guide.chen').length).toBe(before + 1);
    expect(await handleAppText(await appTextDeps((m) => api.sendMessage(m)), event)).toBe('already_answered');
    expect(toGuide('guide.chen').length).toBe(before + 1);
  });

  it('sends a lifecycle digest once when the job died after the send, and a new task makes a new card', async () => {
    const digests = createDigestStore(h.redis, h.keys, TTL);
    const tasks = createRedisTaskStore(h.redis, h.keys, TTL);
    const addTask = async (id: string) => {
      await tasks.create({ id, guideId: 'guide.wang', customerId: 'wmFixtureC004', kind: 'birthday', title: '生日祝福', createdAt: h.clock.now(), due: h.clock.now(), status: 'open' }, `once-${id}`);
      await digests.add('guide.wang', id);
    };
    const deps = (sendMessage: WecomApi['sendMessage']): DigestDeps => ({
      digests,
      tasks,
      api: { sendMessage },
      once: createCallOnce(h.redis, h.keys, TTL),
      customerName: async () => '赵阿姨',
      sidebarUrl: () => 'https://guide.example.com/sidebar/?view=tasks',
    });
    await addTask('t-digest-1');
    void sendDigest(deps((m) => sendThenDie(() => api.sendMessage(m))()), 'guide.wang');
    await expect.poll(() => toGuide('guide.wang').length).toBe(1);
    expect(await sendDigest(deps((m) => api.sendMessage(m)), 'guide.wang')).toBe('digest_1');
    expect(toGuide('guide.wang')).toHaveLength(1);
    expect(await digests.pending('guide.wang')).toEqual([]);

    await addTask('t-digest-2');
    expect(await sendDigest(deps((m) => api.sendMessage(m)), 'guide.wang')).toBe('digest_1');
    expect(toGuide('guide.wang')).toHaveLength(2);
  });

  it('sends the welcome message once when the contact job died after send_welcome_msg and is retried', async () => {
    const { externalUserId, welcomeCode } = await h.emulator.actions.addContact({ userid: 'guide.lin', name: '钱女士' });
    const event: ContactAdded = {
      type: 'change_external_contact',
      changeType: 'add_external_contact',
      corpId: 'ww_fixture_corp',
      createTime: Math.floor(h.clock.now() / 1000),
      userId: 'guide.lin',
      externalUserId,
      ...(welcomeCode ? { welcomeCode } : {}),
    };
    const deps = (sendWelcomeMessage: WecomApi['sendWelcomeMessage']): ContactDeps => ({
      store: createRedisConversationStore(h.redis, h.keys, { ttlSec: TTL, maxMessages: 50 }),
      api: { getExternalContact: (id) => api.getExternalContact(id), sendWelcomeMessage },
      tasks: createRedisTaskStore(h.redis, h.keys, TTL),
      log: silentLog,
      now: h.clock.now,
      welcomeTemplate: '{customer_name}您好，欢迎光临！',
      guideName: () => '林晓',
      once: createCallOnce(h.redis, h.keys, TTL),
    });
    const calls = h.calls('externalcontact/send_welcome_msg');
    void handleContactChange(deps((w) => sendThenDie(() => api.sendWelcomeMessage(w))()), event, h.clock.now());
    await expect.poll(() => h.emulator.state.welcomeMessages.filter((w) => w.externalUserId === externalUserId)).toHaveLength(1);
    expect(await handleContactChange(deps((w) => api.sendWelcomeMessage(w)), event, h.clock.now())).toBe('contact_add_external_contact');
    expect(h.calls('externalcontact/send_welcome_msg')).toBe(calls + 1);
    expect(h.emulator.state.welcomeMessages.filter((w) => w.externalUserId === externalUserId)[0]?.text).toBe('钱女士您好，欢迎光临！');
  });
});
