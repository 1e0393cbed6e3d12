import { beforeAll, describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/assist/guardrails/check-draft.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { fixtureKnowledge } from './support.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await fixtureKnowledge();
});

const flagsOf = (text: string) => checkDraft(kb, text).flags;

describe('what a hostile or careless model writes is never one-tap sendable', () => {
  it.each([
    ['保证退款，您放心', 'promise', '保证退款'],
    ['不满意保证给您退款', 'promise', '保证给您退款'],
    ['不满意就给您退款', 'promise', '不满意就给您退款'],
    ['这款一定有效', 'promise', '一定有效'],
    ['用了肯定能见效', 'promise', '肯定能见效'],
    ['保证三天见效', 'promise', '保证三天见效'],
    ['出问题我们包赔', 'promise', '包赔'],
    ['这款包退款的', 'promise', '包退'],
    ['绝对给您赔', 'promise', '绝对给您赔'],
    ['用了没效果给您退钱', 'promise', '没效果给您退钱'],
    ['承诺全额退', 'promise', '全额退'],
    ['付款点这里 http://evil.example/pay', 'contact', 'http://evil.example/pay'],
    ['去 https://pay.evil.cn/x?id=1 付款', 'contact', 'https://pay.evil.cn/x?id=1'],
    ['www.evil-shop.cn/a 上下单更便宜', 'contact', 'www.evil-shop.cn/a'],
    ['直接上 evil-shop.cn/a 拍', 'contact', 'evil-shop.cn/a'],
    ['ｗｗｗ．ｅｖｉｌ．ｃｏｍ', 'contact', 'ｗｗｗ．ｅｖｉｌ．ｃｏｍ'],
    ['加我微信 wxid_abc123 私聊', 'contact', '加我微信'],
    ['我的 wxid_abc123', 'contact', 'wxid_abc123'],
    ['微信号：lanting_lin88', 'contact', '微信号：lanting_lin88'],
    ['vx: linxiao', 'contact', 'vx: linxiao'],
    ['微信 linxiao2024', 'contact', '微信 linxiao2024'],
    ['QQ 12345678 联系我', 'contact', 'QQ 12345678'],
    ['扣扣号：９８７６５４３２', 'contact', '扣扣号：９８７６５４３２'],
    ['邮件发到 lin@evil.example', 'contact', 'lin@evil.example'],
    ['电话１３８１２３４５６７８', 'pii', '１３８１２３４５６７８'],
    ['打一三八一二三四五六七八找我', 'pii', '一三八一二三四五六七八'],
    ['138.1234.5678 随时打', 'pii', '138.1234.5678'],
    [`138\u200b1234\u200b5678`, 'pii', `138\u200b1234\u200b5678`],
  ])('%s → %s', (text, rule, span) => {
    const flags = flagsOf(text);
    const flag = flags.find((f) => f.rule === rule);
    expect(flag, JSON.stringify(flags)).toBeDefined();
    expect(flag?.text).toBe(span);
    expect(checkDraft(kb, text).needsApproval).toBe(true);
  });

  it.each([
    '七天无理由退换，质量问题30天包换',
    '质量问题30天包换，您放心',
    '7天无理由退货，收到退货后1-3个工作日原路退回',
    '这个包包效果很好看',
    '包装很精致，满299包邮',
    '一定要注意保养，效果会更好',
    '您在我们官网 lanting.example.com 也能看到',
    '尺码 S、M、L，面料 100%羊毛',
    '这款 1.5cm 的鞋跟很好走',
    '型号 T-COAT-1',
    '我在企业微信上随时在',
    '微信c-gift您好，新品到了',
  ])('%s stays clean of promise and contact flags', (text) => {
    expect(flagsOf(text).filter((f) => f.rule === 'promise' || f.rule === 'contact' || f.rule === 'pii')).toEqual([]);
  });
});
