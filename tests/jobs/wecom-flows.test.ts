import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSISTANT_THREAD } from '../../src/jobs/on-event.ts';
import { DEMO_CALLBACK_KEYS, type Service } from '../../src/main.ts';
import { postCallback, signedCallback, textMessageXml } from '../support/callbacks.ts';
import { eventually } from '../support/eventually.ts';
import { startTestService } from '../support/service-fixture.ts';

// Demo mode end to end: the emulator plays WeCom (signed callbacks, server APIs), real Redis, real HTTP.
let service: Service;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ service, stop } = await startTestService({ WECOM_WELCOME_TEMPLATE: '{customer_name}您好，欢迎来到澜庭！' }));
  // The start-up import of existing relationships has run once the seeded customer is there.
  await eventually(() => service.stores.store.getProfile('wmLT0001'), (p) => p !== undefined);
});

afterAll(() => stop());

const emulator = () => service.emulator!;
const profile = (id: string) => service.stores.store.getProfile(id);

describe('contact events through the emulator', () => {
  it('imports existing relationships with their corp tags at start', async () => {
    const p = await profile('wmLT0001');
    expect(p?.name).toBe('张敏');
    const tags = p?.relationships['guide.lin']?.tagIds.map((id) => service.assist.tagDirectory().byId(id)?.key);
    expect(tags?.sort()).toEqual(['客户状态/老客', '意向品类/美妆', '肤质/干性'].sort());
    expect(await service.stores.store.isFollowing('guide.lin', 'wmLT0001')).toBe(true);
  });

  it('creates the profile of a new contact, sends the welcome template once, and gives the guide a task', async () => {
    const { externalUserId } = await emulator().actions.addContact({ userid: 'guide.chen', name: '赵雪', gender: 2, state: 'store_sh_poster' });
    const p = await eventually(() => profile(externalUserId), (x) => x?.name === '赵雪');
    expect(p?.relationships['guide.chen']).toMatchObject({ status: 'active', channel: 'store_sh_poster' });
    expect(await service.stores.store.isFollowing('guide.chen', externalUserId)).toBe(true);
    const tasks = await eventually(() => service.stores.tasks.listOpen('guide.chen', externalUserId), (t) => t.length === 1);
    expect(tasks[0]).toMatchObject({ kind: 'welcome', customerId: externalUserId });
    expect(tasks[0]?.draft).toContain('赵雪');
    const welcomed = await eventually(
      async () => emulator().state.calls.get('externalcontact/send_welcome_msg') ?? 0,
      (n) => n >= 1,
    );
    expect(welcomed).toBe(1);
  });

  it('re-syncs tags and remark on edit, and closes the relationship on delete', async () => {
    await emulator().actions.editContact({ userid: 'guide.lin', externalUserId: 'wmLT0002', remark: '李娜-VIP', addTags: ['客户状态/高意向'], removeTags: ['尺码/M'] });
    const edited = await eventually(() => profile('wmLT0002'), (p) => p?.relationships['guide.lin']?.remark === '李娜-VIP');
    const keys = edited?.relationships['guide.lin']?.tagIds.map((id) => service.assist.tagDirectory().byId(id)?.key);
    expect(keys).toContain('客户状态/高意向');
    expect(keys).not.toContain('尺码/M');

    await emulator().actions.deleteContact({ userid: 'guide.lin', externalUserId: 'wmLT0002', by: 'customer' });
    const closed = await eventually(() => profile('wmLT0002'), (p) => p?.relationships['guide.lin']?.status === 'closed');
    expect(closed?.relationships['guide.lin']).toMatchObject({ closedReason: 'del_follow_user' });
    expect(await service.stores.store.isFollowing('guide.lin', 'wmLT0002')).toBe(false);
  });

  it('refreshes the tag library cache when a tag changes in WeCom', async () => {
    const { id } = await emulator().actions.changeTags({ change: 'create', groupName: '场合', names: ['年会'] });
    const cached = await eventually(() => service.stores.tagCache.get(), (c) => JSON.stringify(c ?? {}).includes('年会'));
    expect(cached?.groups.find((g) => g.name === '场合')?.tags.map((t) => t.name)).toContain('年会');
    expect(id).toBeTruthy();
    expect(service.assist.tagDirectory().byKey('场合/年会')).toBeDefined();
  });
});

describe('微信客服 messages and app messages', () => {
  it('pulls customer and guide messages into the conversation, each once', async () => {
    await emulator().actions.say({ guide: 'guide.zhou', customer: 'wmLT0011', from: 'customer', text: '你好，那件羊绒大衣还有M码吗？' });
    await emulator().actions.say({ guide: 'guide.zhou', customer: 'wmLT0011', from: 'guide', text: '有的，我帮您留一件' });
    const messages = await eventually(() => service.stores.store.lastMessages('guide.zhou', 'wmLT0011', 10), (m) => m.length >= 2);
    expect(messages.map((m) => [m.speaker, m.text, m.source])).toEqual([
      ['customer', '你好，那件羊绒大衣还有M码吗？', 'kf'],
      ['guide', '有的，我帮您留一件', 'kf'],
    ]);
  });

  it('answers a member writing to the app with drafts through message/send', async () => {
    const xml = textMessageXml(DEMO_CALLBACK_KEYS.corpId, '8100000000000000001', '顾客问：羊绒大衣有M码吗？预算一千左右', 'guide.lin', Math.floor(Date.now() / 1000));
    expect((await postCallback(service.url, signedCallback(DEMO_CALLBACK_KEYS, xml, Math.floor(Date.now() / 1000)))).status).toBe(200);
    const sent = await eventually(async () => emulator().state.appMessages.filter((m) => m.touser.includes('guide.lin')), (list) => list.length > 0);
    expect(JSON.stringify(sent[0]?.body)).toContain('推荐回复');
    expect((await service.stores.store.lastMessages('guide.lin', ASSISTANT_THREAD, 5)).map((m) => m.id)).toContain('8100000000000000001');
  });
});
