import { describe, expect, it } from 'vitest';
import { taskActions } from '../../web/sidebar/src/task-actions.ts';
import { kindChip, taskHeadline } from '../../web/sidebar/src/task-kinds.ts';

const task = { customerId: 'wmLT0002', customerName: '李娜', draft: '李娜您好，好久不见～', following: true };

describe('taskActions', () => {
  it('sends the draft only beside that customer’s chat', () => {
    expect(taskActions(task, { chatCustomerId: 'wmLT0002', onCard: false })).toEqual({ send: true, copy: false, note: null });
    // On the customer's own card the draft can also be copied, to edit it in the chat box first.
    expect(taskActions(task, { chatCustomerId: 'wmLT0002', onCard: true })).toEqual({ send: true, copy: true, note: null });
  });

  it('copies instead, naming whose chat to open, when the sidebar is beside another chat or none', () => {
    for (const chatCustomerId of ['wmLT0001', null]) {
      const actions = taskActions(task, { chatCustomerId, onCard: false });
      expect(actions.send).toBe(false);
      expect(actions.copy).toBe(true);
      expect(actions.note).toBe('复制后，请打开与李娜的聊天粘贴发送。');
    }
    // Without a name (the server fell back to the id) the note does not show an id to the guide.
    expect(taskActions({ ...task, customerName: 'wmLT0002' }, { chatCustomerId: null, onCard: false }).note).toBe('复制后，请打开与该客户的聊天粘贴发送。');
  });

  it('offers nothing to send for a task without a draft (held by the guardrails)', () => {
    expect(taskActions({ ...task, draft: undefined }, { chatCustomerId: 'wmLT0002', onCard: false })).toEqual({ send: false, copy: false, note: null });
    expect(taskActions({ ...task, draft: '  ' }, { chatCustomerId: 'wmLT0002', onCard: true })).toEqual({ send: false, copy: false, note: null });
  });

  it('says why when the customer is no longer a contact', () => {
    const actions = taskActions({ ...task, following: false }, { chatCustomerId: 'wmLT0002', onCard: false });
    expect(actions.send).toBe(false);
    expect(actions.copy).toBe(false);
    expect(actions.note).toContain('不在你的企业微信联系人中');
  });
});

describe('task kinds', () => {
  it('names each lifecycle rule and falls back for others', () => {
    expect(kindChip('birthday')).toEqual({ label: '生日关怀', tone: 'good' });
    expect(kindChip('win_back').label).toBe('老客回访');
    expect(kindChip('points_expiring').label).toBe('积分到期');
    expect(kindChip('new_arrival').label).toBe('新品推荐');
    expect(kindChip('something_new')).toEqual({ label: '待办', tone: 'muted' });
  });

  it('drops the rule name the title starts with, and only a short one', () => {
    expect(taskHeadline('老客回访：李娜 已 85 天未购买')).toBe('李娜 已 85 天未购买');
    expect(taskHeadline('新品推荐：翻领短款羊毛大衣（999元）· 匹配服装')).toBe('翻领短款羊毛大衣（999元）· 匹配服装');
    expect(taskHeadline('给李娜回电话')).toBe('给李娜回电话');
    expect(taskHeadline('这是一句很长的开场白不像规则名：后面')).toBe('这是一句很长的开场白不像规则名：后面');
  });

  it('drops the customer’s name the list shows above the title, never the whole title', () => {
    expect(taskHeadline('老客回访：李娜 已 85 天未购买', '李娜')).toBe('已 85 天未购买');
    expect(taskHeadline('生日关怀：李娜 11月28日生日', '李娜')).toBe('11月28日生日');
    expect(taskHeadline('新品推荐：双面羊毛呢大衣（1299元）· 匹配服装', '李娜')).toBe('双面羊毛呢大衣（1299元）· 匹配服装');
    expect(taskHeadline('生日关怀：李娜', '李娜')).toBe('李娜');
  });
});
