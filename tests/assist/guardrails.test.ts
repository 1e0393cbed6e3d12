import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { checkDraft } from '../../src/assist/guardrails/check-draft.ts';
import { pointsAmounts } from '../../src/assist/guardrails/check-prices.ts';
import { fixtureKnowledge } from './support.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await fixtureKnowledge();
});

const rulesOf = (text: string, context = {}): string[] => checkDraft(kb, text, context).flags.map((f) => f.rule);

describe('guardrails flag what the store cannot stand behind', () => {
  it.each([
    ['这是全网最低价，买到就是赚到', 'absolute', '全网最低'],
    ['这款面霜是最好的保湿霜', 'absolute', '最'],
    ['销量第一的大衣', 'absolute', '第一'],
    ['国家级工艺，顶级面料', 'absolute', '国家级'],
    ['100%不起球', 'absolute', '100%'],
    ['用了能美白祛斑', 'efficacy', '美白'],
    ['这个精华可以治疗痘痘', 'rule:medical-claim', '治疗'],
    ['比优衣库的好多了', 'competitor', '优衣库'],
    ['给您打一折', 'discount', '一折'],
    ['今天给您打八折', 'discount', '八折'],
    ['买一送一', 'discount', '买一送一'],
    ['我再送您一瓶小样', 'discount', '送您一瓶'],
    ['满500减200', 'discount', '满500减200'],
    ['这件只要888元', 'price', '888元'],
    ['¥1999 就能拿走', 'price', '¥1999'],
    ['不满意随时退，全额退款', 'promise', '随时退'],
    ['质量问题假一赔十', 'promise', '假一赔十'],
    ['保证不会过敏', 'promise', '保证不会'],
    ['30天无理由退换', 'promise', '30天无理由退换'],
    ['您加我电话13812345678', 'pii', '13812345678'],
    ['直接转账到我个人账户就行', 'rule:private-transfer', '转账到我'],
  ])('%s → %s', (text, rule, span) => {
    const check = checkDraft(kb, text);
    const flag = check.flags.find((f) => f.rule === rule);
    expect(flag, `flags: ${JSON.stringify(check.flags)}`).toBeDefined();
    expect(flag?.text).toContain(span);
    expect(text.slice(flag?.span[0], flag?.span[1])).toBe(flag?.text);
    expect(flag?.reason).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('holds a draft for the manager at or above the policy severity, not below', () => {
    expect(checkDraft(kb, '给您打一折').needsApproval).toBe(true);
    expect(checkDraft(kb, '全额退款').needsApproval).toBe(true);
    const warnOnly = checkDraft(kb, '这是最好看的一件');
    expect(warnOnly.flags.map((f) => f.severity)).toEqual(['warn']);
    expect(warnOnly.needsApproval).toBe(false);
  });
});

describe('guardrails let benign wording through', () => {
  it.each([
    '最近到了一批新款',
    '这是最后一件M码了',
    '第一次来店里的话可以先试穿',
    '最新到货的羊毛大衣',
    '最快明天就能到，最晚后天',
    '最好先试穿一下再决定',
    '我第一时间帮您查库存',
    '面料是100%桑蚕丝',
    '金卡及以上会员可以享95折',
    '满1000减100，当季新品除外',
    '满299元包邮，不满收取运费12元',
    '签收7天内可以七天无理由退换',
    '质量问题30天包换，顺丰到付寄回',
    '100积分抵1元',
    '生日月双倍积分',
    '订单号LT20251018006已经发出',
    '门店每天10:00-22:00营业',
  ])('%s', (text) => {
    expect(checkDraft(kb, text).flags).toEqual([]);
  });

  it('allows the catalog price of a product the draft names, and only that price', () => {
    expect(rulesOf('双面羊毛呢大衣是1299元')).toEqual([]);
    expect(rulesOf('双面羊毛呢大衣是1199元')).toEqual(['price']);
    expect(rulesOf('这款是358元', { products: [kb.productBySku.get('T-CREAM-1')] })).toEqual([]);
    expect(checkDraft(kb, '双面羊毛呢大衣很挺括').skus).toEqual(['T-COAT-1']);
  });

  it('allows the worth of the points a draft names at the policy rate, and no other sum', () => {
    expect(pointsAmounts(['100积分抵1元'], '您的20000积分可以抵200元')).toEqual([200]);
    expect(pointsAmounts(['100积分抵1元'], '您的20000积分可以抵300元')).toEqual([]);
    expect(pointsAmounts(['生日月双倍积分'], '您的20000积分可以抵200元')).toEqual([]);
  });

  it('trusts amounts and offers worded as in the approved script the draft came from', () => {
    const approved = '收到后不合适，运费补贴15元';
    expect(rulesOf('收到后不合适，运费补贴15元', { approvedText: approved })).toEqual([]);
    expect(rulesOf('收到后不合适，运费补贴15元')).toEqual(['price']);
  });
});
