import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CustomerGroup, GroupMessage } from '../../src/conversation/group-model.ts';
import { createKeys } from '../../src/conversation/keys.ts';
import { createRedisConversationStore } from '../../src/conversation/redis-conversation-store.ts';
import { createRedisGroupStore } from '../../src/conversation/redis-group-store.ts';
import { deleteUnder, testRedis } from '../support/test-service.ts';

const prefix = `test:${randomUUID().slice(0, 8)}:`;
const redis = testRedis();
afterAll(async () => {
  await deleteUnder(prefix);
  redis.disconnect();
});

const fresh = () => {
  const keys = createKeys(`${prefix}${randomUUID().slice(0, 4)}:`);
  return { keys, store: createRedisGroupStore(redis, keys, { ttlSec: 3600, maxMessages: 5 }) };
};

const line = (id: string, speakerId: string, text: string, at: number, extra: Partial<GroupMessage> = {}): GroupMessage => ({
  id,
  chatId: 'wrG1',
  speakerId,
  speaker: speakerId.startsWith('wm') ? 'customer' : 'member',
  text,
  source: 'archive',
  at,
  ...extra,
});

const group = (members: string[], extra: Partial<CustomerGroup> = {}): CustomerGroup => ({
  chatId: 'wrG1',
  name: '会员群',
  owner: 'guide.lin',
  members: members.map((userId) => ({ userId, kind: userId.startsWith('wm') ? 'external' : 'member' })),
  admins: [],
  status: 'active',
  refreshedAt: 1,
  ...extra,
});

describe('the group store (Redis)', () => {
  it('keeps a group conversation of its own, by chat id: idempotent, in the platform order, capped, with speaker ids', async () => {
    const { store } = fresh();
    expect(await store.appendMessage(line('m2', 'wmA', '有M码吗', 20, { seq: 2 }))).toBe(true);
    expect(await store.appendMessage(line('m1', 'guide.lin', '欢迎大家', 10, { seq: 1 }))).toBe(true);
    expect(await store.appendMessage(line('m2', 'wmA', '有M码吗', 20, { seq: 2 }))).toBe(false);
    expect(await store.appendMessage(line('m3', 'wmB', '', 30, { seq: 3, kind: 'image' }))).toBe(true);
    expect(await store.lastMessages('wrG1', 10)).toEqual([
      line('m1', 'guide.lin', '欢迎大家', 10, { seq: 1 }),
      line('m2', 'wmA', '有M码吗', 20, { seq: 2 }),
      line('m3', 'wmB', '', 30, { seq: 3, kind: 'image' }),
    ]);
    for (let i = 4; i < 9; i++) await store.appendMessage(line(`m${i}`, 'wmA', `t${i}`, i * 10));
    expect((await store.lastMessages('wrG1', 100)).map((m) => m.id)).toEqual(['m4', 'm5', 'm6', 'm7', 'm8']);
    expect(await store.lastMessages('wrOther', 10)).toEqual([]);
    expect(await store.lastMessages('wrG1', 0)).toEqual([]);
  });

  it('never mixes with a 1:1 conversation, even for the same people', async () => {
    const { store, keys } = fresh();
    const oneToOne = createRedisConversationStore(redis, keys, { ttlSec: 3600, maxMessages: 5 });
    await store.appendMessage(line('g1', 'wmA', '群里问', 1));
    await oneToOne.appendMessage({ id: 'p1', guideId: 'guide.lin', customerId: 'wmA', speaker: 'customer', text: '私聊问', source: 'paste', at: 2 });
    expect((await store.lastMessages('wrG1', 10)).map((m) => m.text)).toEqual(['群里问']);
    expect((await oneToOne.lastMessages('guide.lin', 'wmA', 10)).map((m) => m.text)).toEqual(['私聊问']);
    // Its profile writes still work beside the group store on the same connection.
    await oneToOne.updateProfile('wmA', 3, (p) => ({ ...p, name: '甲' }));
    expect((await oneToOne.getProfile('wmA'))?.name).toBe('甲');
  });

  it('saves the group and moves the member index with it: who joined sees it, who left does not', async () => {
    const { store } = fresh();
    await store.saveGroup(group(['guide.lin', 'guide.chen', 'wmA']));
    expect(await store.groupsOf('guide.lin')).toEqual(['wrG1']);
    expect(await store.groupsOf('guide.chen')).toEqual(['wrG1']);
    // Externals are not indexed as members of the corp.
    expect(await store.groupsOf('wmA')).toEqual([]);
    await store.saveGroup(group(['guide.lin', 'guide.zhou', 'wmA'], { name: '新名字' }));
    expect(await store.groupsOf('guide.chen')).toEqual([]);
    expect(await store.groupsOf('guide.zhou')).toEqual(['wrG1']);
    expect((await store.getGroup('wrG1'))?.name).toBe('新名字');
    // The owner counts as a member even when a member list leaves them out.
    await store.saveGroup(group(['wmA'], { owner: 'guide.he' }));
    expect(await store.groupsOf('guide.he')).toEqual(['wrG1']);
    expect(await store.groupsOf('guide.lin')).toEqual([]);
    expect(await store.getGroup('wrNone')).toBeUndefined();
  });

  it('writes every key with a TTL', async () => {
    const { store, keys } = fresh();
    await store.saveGroup(group(['guide.lin']));
    await store.appendMessage(line('x', 'wmA', 'hi', 1));
    for (const key of [keys.group('wrG1'), keys.groupConversation('wrG1'), keys.groupConversationIndex('wrG1'), keys.groupChats(), keys.memberGroups('guide.lin')]) {
      expect(await redis.ttl(key), key).toBeGreaterThan(0);
    }
  });
});
