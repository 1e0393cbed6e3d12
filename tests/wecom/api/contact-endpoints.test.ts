import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('externalcontact/get', () => {
  it('maps the contact, every follow user and their corp tags', async () => {
    const detail = await api.getExternalContact('wmFixtureC001');
    expect(detail.contact).toEqual({ externalUserId: 'wmFixtureC001', name: '张女士', type: 1, gender: 2 });
    expect(detail.followUsers).toHaveLength(1);
    expect(detail.followUsers[0]).toMatchObject({
      userId: 'guide.lin',
      remark: '张姐-南京西路',
      createTime: 1700000000,
      state: 'store-sh01-poster',
      tags: [
        { groupName: '意向品类', tagName: '美妆', tagId: 'et01T02', type: 1 },
        { groupName: '肤质', tagName: '敏感性', tagId: 'et04T04', type: 1 },
      ],
    });
  });

  it('an unknown external_userid is 40096', async () => {
    await expect(api.getExternalContact('wmNobody')).rejects.toMatchObject({ errcode: 40096, path: 'externalcontact/get' });
  });
});

describe('externalcontact/list and batch/get_by_user', () => {
  it('lists one member’s customers', async () => {
    expect(await api.listExternalContacts('guide.chen')).toEqual(['wmFixtureC002', 'wmFixtureC003']);
  });

  it('a member without customers gets an empty list, not an error', async () => {
    expect(await api.listExternalContacts('manager.zhou')).toEqual([]);
  });

  it('pages through several members with the cursor', async () => {
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const page = await api.batchGetContactsByUser({ userIds: ['guide.lin', 'guide.chen'], limit: 1, ...(cursor ? { cursor } : {}) });
      pages += 1;
      for (const item of page.items) seen.push(`${item.follow.userId}:${item.contact.externalUserId}:${item.follow.tagIds.join(',')}`);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toEqual(['guide.lin:wmFixtureC001:et01T02,et04T04', 'guide.lin:wmFixtureC002:et02T03', 'guide.chen:wmFixtureC002:', 'guide.chen:wmFixtureC003:et03T03,et07T04']);
  });
});

describe('corp tag library', () => {
  it('returns the whole library, or only the asked groups or tags', async () => {
    const all = await api.getCorpTagList();
    expect(all.map((g) => g.groupName)).toEqual(['意向品类', '预算', '尺码', '肤质', '购买阶段', '客户状态', '场合']);
    const budget = await api.getCorpTagList({ groupIds: ['etG02'] });
    expect(budget).toHaveLength(1);
    expect(budget[0]?.tags.map((t) => t.name)).toEqual(['200以下', '200-500', '500-1000', '1000-3000', '3000以上']);
    const picked = await api.getCorpTagList({ tagIds: ['et03T03', 'et07T04'] });
    expect(picked.map((g) => [g.groupName, g.tags.map((t) => t.name)])).toEqual([
      ['尺码', ['M']],
      ['场合', ['通勤']],
    ]);
  });

  it('adds tags to a new group and to an existing one; a duplicate name is 40071', async () => {
    const created = await api.addCorpTag({ groupName: '会员等级', tags: [{ name: '银卡' }, { name: '金卡' }] });
    expect(created.groupName).toBe('会员等级');
    expect(created.tags.map((t) => t.name)).toEqual(['银卡', '金卡']);
    const more = await api.addCorpTag({ groupId: created.groupId, tags: [{ name: '黑卡' }] });
    expect(more.tags.map((t) => t.name)).toEqual(['黑卡']);
    const library = await api.getCorpTagList({ groupIds: [created.groupId] });
    expect(library[0]?.tags.map((t) => t.name)).toEqual(['银卡', '金卡', '黑卡']);
    await expect(api.addCorpTag({ groupId: created.groupId, tags: [{ name: '金卡' }] })).rejects.toMatchObject({ errcode: 40071 });
  });
});

describe('mark_tag and remark', () => {
  it('mark_tag adds and removes tags on one relationship only', async () => {
    await api.markTag({ userId: 'guide.lin', externalUserId: 'wmFixtureC002', addTagIds: ['et07T01', 'et05T03'], removeTagIds: ['et02T03'] });
    const detail = await api.getExternalContact('wmFixtureC002');
    const byGuide = Object.fromEntries(detail.followUsers.map((f) => [f.userId, f.tags.map((t) => t.tagId)]));
    expect(byGuide).toEqual({ 'guide.lin': ['et07T01', 'et05T03'], 'guide.chen': [] });
  });

  it('an unknown tag id is 40068', async () => {
    await expect(api.markTag({ userId: 'guide.lin', externalUserId: 'wmFixtureC002', addTagIds: ['etNope'] })).rejects.toMatchObject({ errcode: 40068 });
  });

  it('remark updates remark and description', async () => {
    await api.remark({ userId: 'guide.chen', externalUserId: 'wmFixtureC003', remark: '王小姐-通勤', description: '喜欢简约款' });
    const follow = (await api.getExternalContact('wmFixtureC003')).followUsers[0];
    expect(follow).toMatchObject({ remark: '王小姐-通勤', description: '喜欢简约款' });
  });

  it('after the guide deletes the customer: 84061; after the customer deletes the guide: still works', async () => {
    await h.emulator.actions.deleteContact({ userid: 'guide.chen', externalUserId: 'wmFixtureC002', by: 'guide' });
    await expect(api.markTag({ userId: 'guide.chen', externalUserId: 'wmFixtureC002', addTagIds: ['et07T01'] })).rejects.toMatchObject({ errcode: 84061 });
    expect((await api.getExternalContact('wmFixtureC002')).followUsers.map((f) => f.userId)).toEqual(['guide.lin']);

    await h.emulator.actions.deleteContact({ userid: 'guide.wang', externalUserId: 'wmFixtureC004', by: 'customer' });
    await api.markTag({ userId: 'guide.wang', externalUserId: 'wmFixtureC004', addTagIds: ['et06T01'] });
    expect((await api.getExternalContact('wmFixtureC004')).followUsers[0]?.tags.map((t) => t.tagId)).toEqual(['et06T04', 'et06T01']);
  });
});
