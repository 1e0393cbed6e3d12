import { beforeAll, describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/assist/guardrails/check-draft.ts';
import { findSlots, slotNames } from '../../src/assist/guardrails/find-slots.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { fillSlots } from '../../src/assist/knowledge/fill-slots.ts';
import { fixtureKnowledge } from './support.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await fixtureKnowledge();
});

describe('unfilled_placeholder: no template slot reaches a customer', () => {
  it.each([
    ['送长辈的话，{product_name}手感软糯，冬天很用得上。', '{product_name}', 'product_name'],
    ['这款现在{price}元', '{price}', 'price'],
    ['{{product_name}}很适合您', '{{product_name}}', 'product_name'],
    ['{{ 商品名 }}今天到货', '{{ 商品名 }}', 'product_name'],
    ['｛product_name｝很保暖', '｛product_name｝', 'product_name'],
    ['${customer_name}您好', '${customer_name}', 'customer_name'],
    ['【商品名】手感很好', '【商品名】', 'product_name'],
    ['[客户姓名]您好，欢迎到店', '[客户姓名]', 'customer_name'],
    ['亲爱的XXX，生日快乐', 'XXX', 'customer_name'],
    ['{商品名}到货啦', '{商品名}', 'product_name'],
    ['我是{guide_name}', '{guide_name}', 'guide_name'],
    ['欢迎来{store_name}试穿', '{store_name}', 'store_name'],
    ['{days}天后积分到期', '{days}', 'days'],
  ])('%s → blocked at %s', (text, span, name) => {
    const check = checkDraft(kb, text);
    const flag = check.flags.find((f) => f.rule === 'unfilled_placeholder');
    expect(flag, JSON.stringify(check.flags)).toBeDefined();
    expect(flag?.text).toBe(span);
    expect(flag?.severity).toBe('block');
    expect(check.needsApproval).toBe(true);
    expect(slotNames(text)).toContain(name);
  });

  it.each([
    '这款羊绒围巾手感软糯，冬天很用得上。',
    '尺码有 S、M、L，XXL 也有',
    '【新品】秋冬大衣到货啦',
    '【温馨提示】七天无理由退换',
    '我的手机号是138****5678',
    '尺码表见图 [S, M, L]',
    'XXXL 偏大一码',
  ])('%s has no slot', (text) => {
    expect(findSlots(text)).toEqual([]);
    expect(checkDraft(kb, text).flags.map((f) => f.rule)).not.toContain('unfilled_placeholder');
  });

  it('an approved script text does not excuse its own slot', () => {
    const text = '{product_name}手感软糯';
    expect(checkDraft(kb, text, { approvedText: text }).flags.map((f) => f.rule)).toContain('unfilled_placeholder');
  });
});

describe('fillSlots fills what is known and reports the rest', () => {
  it('fills every form of a known slot', () => {
    const filled = fillSlots('{customer_name}您好，【商品名】现在{{price}}元，到{store_name}试试', { product_name: '羊绒围巾', price: '899', store_name: '静安店', customer_name: '张姐' });
    expect(filled).toEqual({ text: '张姐您好，羊绒围巾现在899元，到静安店试试', slots: [] });
  });

  it('keeps an unknown slot in place and lists it once', () => {
    expect(fillSlots('{product_name}手感软糯，{product_name}也保暖，我是{guide_name}', { guide_name: '林晓' })).toEqual({
      text: '{product_name}手感软糯，{product_name}也保暖，我是林晓',
      slots: ['product_name'],
    });
  });

  it('an empty customer name leaves no dangling comma', () => {
    expect(fillSlots('{customer_name}，您好', { customer_name: '' }).text).toBe('您好');
  });
});
