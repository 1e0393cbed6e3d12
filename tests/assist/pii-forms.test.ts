import { describe, expect, it } from 'vitest';
import { findPii, maskPii } from '../../src/assist/pii.ts';

const ZW = '\u200b';
const ZWJ = '\u200d';
const WJ = '\u2060';
const BOM = '\ufeff';
/** The same characters in full width (U+FF10…), as a Chinese IME types them. */
const wide = (ascii: string): string => ascii.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** [how a person or model wrote it, the kind, the mask that must appear] */
const FORMS: Array<[string, string, string]> = [
  ['13812345678', 'mobile', '138****5678'],
  ['138 1234 5678', 'mobile', '138****5678'],
  ['138-1234-5678', 'mobile', '138****5678'],
  ['138.1234.5678', 'mobile', '138****5678'],
  ['138_1234_5678', 'mobile', '138****5678'],
  ['138/1234/5678', 'mobile', '138****5678'],
  ['138·1234·5678', 'mobile', '138****5678'],
  ['138—1234—5678', 'mobile', '138****5678'],
  ['1 3 8 1 2 3 4 5 6 7 8', 'mobile', '138****5678'],
  ['+8613812345678', 'mobile', '138****5678'],
  ['+86 138 1234 5678', 'mobile', '138****5678'],
  ['86-138-1234-5678', 'mobile', '138****5678'],
  ['１３８１２３４５６７８', 'mobile', '138****5678'],
  ['１３８－１２３４－５６７８', 'mobile', '138****5678'],
  ['＋８６１３８１２３４５６７８', 'mobile', '138****5678'],
  [`138${ZW}1234${ZW}5678`, 'mobile', '138****5678'],
  [`1${ZW}3${ZW}8${ZW}1${ZW}2${ZW}3${ZW}4${ZW}5${ZW}6${ZW}7${ZW}8`, 'mobile', '138****5678'],
  [`138${ZWJ}1234${WJ}5678`, 'mobile', '138****5678'],
  [`${BOM}13812345678`, 'mobile', '138****5678'],
  ['一三八一二三四五六七八', 'mobile', '138****5678'],
  ['幺三八一二三四五六七八', 'mobile', '138****5678'],
  ['一三八 一二三四 五六七八', 'mobile', '138****5678'],
  ['一三八〇〇〇〇五六七八', 'mobile', '138****5678'],
  ['一三八零零零零五六七八', 'mobile', '138****5678'],
  ['1三8一2三4五6七8', 'mobile', '138****5678'],
  ['13８1２34５67８', 'mobile', '138****5678'],
  [`１３８${ZW}一二三四.5678`, 'mobile', '138****5678'],
  ['我电话是15912345678，随时打', 'mobile', '159****5678'],
  ['电话：199 8765 4321', 'mobile', '199****4321'],
  ['021-62345678', 'landline', '021****5678'],
  ['021 6234 5678', 'landline', '021****5678'],
  ['０２１－６２３４５６７８', 'landline', '021****5678'],
  ['0571.87654321', 'landline', '057*****4321'],
  ['110101199003071234', 'id_card', '110***********1234'],
  ['11010119900307123X', 'id_card', '110***********123X'],
  ['11010119900307123x', 'id_card', '110***********123x'],
  ['１１０１０１１９９００３０７１２３Ｘ', 'id_card', '110***********123X'],
  [`110101${ZW}19900307${ZW}1234`, 'id_card', '110***********1234'],
  ['一一〇一〇一一九九〇〇三〇七一二三四', 'id_card', '110***********1234'],
  ['6222020000000000000', 'bank_card', '622************0000'],
  ['6222 0200 0000 0000 000', 'bank_card', '622************0000'],
  ['6222-0200-0000-0000-000', 'bank_card', '622************0000'],
  [wide('6222020000000000000'), 'bank_card', '622************0000'],
  [wide('110101199003071234'), 'id_card', '110***********1234'],
  ['4111 1111 1111 1111', 'bank_card', '411*********1111'],
];

describe('personal numbers are found however they are written', () => {
  it('covers at least 40 forms', () => {
    expect(FORMS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(FORMS)('%s → %s, masked as %s', (text, kind, masked) => {
    const hits = findPii(text);
    expect(hits.map((h) => h.kind)).toEqual([kind]);
    const out = maskPii(text);
    expect(out).toContain(masked);
    expect(findPii(out)).toEqual([]);
    // The flag quotes the original characters (what the guide sees highlighted).
    const [hit] = hits;
    expect(text.slice(hit?.start, hit?.end).length).toBeGreaterThan(0);
  });

  it.each([
    '七天无理由退换，质量问题30天包换',
    '满1000减100，会员95折，满299包邮',
    '订单号LT20251018006',
    '单号123456789012 已经寄出',
    '门店营业时间10:00-22:00',
    '2025-10-18 16:00 前付款当天发出',
    '一共三件，一件1299元',
    '1-3个工作日原路退回',
    '尺码 36.5、37、38 都有',
    '价格 1,299.00 元',
    '一二三四五六七八九十',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(findPii(text)).toEqual([]);
    expect(maskPii(text)).toBe(text);
  });
});
