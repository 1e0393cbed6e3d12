import { describe, expect, it } from 'vitest';
import type { CustomerCard } from '../../web/sidebar/src/api-types.ts';
import { groupTags, pendingProposals, splitTagPath } from '../../web/sidebar/src/group-tags.ts';
import { deriveLifecycleFlags } from '../../web/sidebar/src/lifecycle-flags.ts';

const DAY = 86_400_000;
const now = Date.UTC(2025, 2, 10);

function card(overrides: Partial<CustomerCard> = {}): CustomerCard {
  return {
    customerId: 'wmLT0002',
    name: '李娜',
    gender: 2,
    relationship: { status: 'active', since: now - 100 * DAY, channel: 'store_sh_qr' },
    tags: [],
    facts: [],
    tasks: [],
    ...overrides,
  };
}

describe('groupTags', () => {
  it('groups tags by library group in the order given, without duplicates', () => {
    const tags = [
      { id: 't1', group: '意向品类', name: '服装' },
      { id: 't2', group: '场合', name: '通勤' },
      { id: 't3', group: '意向品类', name: '鞋履' },
      { id: 't1b', group: '意向品类', name: '服装' },
      { id: 't4', group: '', name: '未分组' },
    ];
    expect(groupTags(tags)).toEqual([
      { group: '意向品类', names: ['服装', '鞋履'] },
      { group: '场合', names: ['通勤'] },
      { group: '其他', names: ['未分组'] },
    ]);
  });

  it('splits "组/标签" paths', () => {
    expect(splitTagPath('尺码/M')).toEqual({ group: '尺码', name: 'M' });
    expect(splitTagPath('预算/1000-3000')).toEqual({ group: '预算', name: '1000-3000' });
    expect(splitTagPath('VIP')).toEqual({ group: '', name: 'VIP' });
  });
});

describe('pendingProposals', () => {
  it('drops proposals already on the card (by id or by path) and repeated ones', () => {
    const proposals = [
      { tag: '尺码/M', tagId: 'et_size_m', evidence: '我穿M码', messageId: 'm1', confidence: 0.9 },
      { tag: '场合/通勤', tagId: 'et_commute', evidence: '上班穿', messageId: 'm2', confidence: 0.7 },
      { tag: '预算/1000-3000', tagId: 'et_budget', evidence: '两千左右', messageId: 'm3', confidence: 0.6 },
      { tag: '预算/1000-3000', tagId: 'et_budget', evidence: '两千以内', messageId: 'm4', confidence: 0.5 },
    ];
    const onCard = [
      { id: 'et_size_m', group: '尺码', name: 'M' },
      { id: 'other-id', group: '场合', name: '通勤' },
    ];
    expect(pendingProposals(proposals, onCard).map((p) => p.messageId)).toEqual(['m3']);
  });
});

describe('deriveLifecycleFlags', () => {
  it('marks a contact added within a week as new', () => {
    expect(deriveLifecycleFlags(card({ relationship: { status: 'active', since: now - 2 * DAY } }), now)).toEqual([{ label: '新客户', tone: 'good' }]);
    expect(deriveLifecycleFlags(card(), now)).toEqual([]);
  });

  it('shows a closed relationship and one chip per kind of open task', () => {
    const flags = deriveLifecycleFlags(
      card({
        relationship: { status: 'closed', since: now - 400 * DAY },
        tasks: [
          { id: 't1', kind: 'birthday', title: '生日问候' },
          { id: 't2', kind: 'points_expiring', title: '积分提醒' },
          { id: 't3', kind: 'points_expiring', title: '积分提醒（第二批）' },
          { id: 't4', kind: 'win_back', title: '60天未购买' },
          { id: 't5', kind: 'new_arrival', title: '新品推荐' },
          { id: 't6', kind: 'vip_upgrade', title: '升级金卡' },
        ],
      }),
      now,
    );
    expect(flags.map((f) => f.label)).toEqual(['已不是好友', '生日将至', '积分将过期', '久未购买', '有匹配新品', '升级金卡']);
  });
});
