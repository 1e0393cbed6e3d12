import { describe, expect, it } from 'vitest';
import { findPii, maskPii } from '../../src/assist/pii.ts';

describe('findPii / maskPii', () => {
  it.each([
    ['手机号13812345678发你了', 'mobile', '138****5678'],
    ['打我电话 +86 139-1234-5678', 'mobile', '139****5678'],
    ['座机021-62345678', 'landline', '021****5678'],
    ['身份证号110101199003071234', 'id_card', '110***********1234'],
    ['身份证11010119900307123X', 'id_card', '110***********123X'],
    ['卡号 6222 0200 0000 0000 000', 'bank_card', '622************0000'],
  ])('finds and masks %s', (text, kind, masked) => {
    const hits = findPii(text);
    expect(hits.map((h) => h.kind)).toEqual([kind]);
    expect(maskPii(text)).toContain(masked);
    expect(findPii(maskPii(text))).toEqual([]);
  });

  it.each([
    '订单号LT20251018006',
    '满1000减100，会员95折',
    '16:00前付款当天发出，1-3个工作日到账',
    '单号123456789012 已经寄出',
    '门店营业时间10:00-22:00',
  ])('leaves ordinary numbers alone: %s', (text) => {
    expect(findPii(text)).toEqual([]);
    expect(maskPii(text)).toBe(text);
  });
});
