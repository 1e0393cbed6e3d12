import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/assist/offline/fill-template.ts';
import { rankReplies } from '../../src/assist/offline/rank-replies.ts';
import { extractAmounts, parseBand } from '../../src/assist/tags/extract-budget.ts';
import { extractMentions } from '../../src/assist/tags/extract-mentions.ts';
import { extractSizes } from '../../src/assist/tags/extract-size.ts';
import { parseAmount, parseChineseNumeral } from '../../src/assist/tags/parse-amount.ts';
import { scoreSentiment } from '../../src/assist/tags/score-sentiment.ts';

describe('numbers and budgets', () => {
  it.each([
    ['五百', 500],
    ['一千五', 1500],
    ['两千', 2000],
    ['三千五百', 3500],
    ['一百零五', 105],
    ['二十五', 25],
    ['两万五', 25000],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('reads arabic amounts with k/w/千/万', () => {
    expect(parseAmount('1.5k')).toBe(1500);
    expect(parseAmount('2w')).toBe(20000);
    expect(parseAmount('800')).toBe(800);
  });

  it.each([
    ['500左右', 500, 500],
    ['一千以内', 600, 1000],
    ['300到500', 300, 500],
    ['两千多', 2000, 3000],
    ['预算800', 800, 800],
    ['不超过1500', 900, 1500],
    ['三四百', 300, 400],
    ['预算其实可以到八百', 480, 800],
    ['能放宽到一千吗', 600, 1000],
    ['预算两千几', 2100, 2900],
    ['千几块', 1100, 1900],
  ])('turns "%s" into [%d, %d]', (text, lo, hi) => {
    const [first] = extractAmounts(text);
    expect(first?.lo).toBeCloseTo(lo);
    expect(first?.hi).toBeCloseTo(hi);
  });

  it('does not read heights, sizes or points as money', () => {
    expect(extractAmounts('身高160左右')).toEqual([]);
    expect(extractAmounts('37码的鞋')).toEqual([]);
    expect(extractAmounts('12岁 150左右')).toEqual([]);
    expect(extractAmounts('五十多岁 一千左右').map((a) => a.lo)).toEqual([1000]);
    expect(extractAmounts('我有3000多积分')).toEqual([]);
  });

  it('reads band tag names', () => {
    expect(parseBand('200以下')).toEqual({ lo: 0, hi: 200 });
    expect(parseBand('500-1000')).toEqual({ lo: 500, hi: 1000 });
    expect(parseBand('3000以上')).toEqual({ lo: 3000, hi: Number.POSITIVE_INFINITY });
    expect(parseBand('送礼')).toBeUndefined();
  });
});

describe('sizes', () => {
  it('reads letters, 号型 and shoe sizes', () => {
    expect(extractSizes('我穿M码').map((s) => s.letter)).toEqual(['M']);
    expect(extractSizes('160/84a').map((s) => [s.kind, s.letter])).toEqual([['height', 'M']]);
    expect(extractSizes('170/88a', { male: true })[0]?.letter).toBe('M');
    expect(extractSizes('鞋码37').map((s) => [s.kind, s.value])).toEqual([['shoe', '37']]);
    expect(extractSizes('mac的口红')).toEqual([]);
    expect(extractSizes('草编渔夫鞋399元')).toEqual([]);
    expect(extractSizes('穿39的鞋').map((s) => s.value)).toEqual(['39']);
  });
});

describe('sentiment', () => {
  it('handles negation, contrast, questions and A不A', () => {
    expect(scoreSentiment('质量很好，很满意').positive).toBeGreaterThan(0);
    const contrast = scoreSentiment('外观好看，但是电池不行，很失望');
    expect(contrast.negative).toBeGreaterThan(contrast.positive);
    const negated = scoreSentiment('没有任何问题');
    expect(negated.positive).toBeGreaterThan(negated.negative);
    expect(scoreSentiment('能退货吗').negative).toBeLessThan(scoreSentiment('我要退货').negative);
    expect(scoreSentiment('这个面霜够不够用').negative).toBe(0);
  });
});

describe('mentions', () => {
  it('finds products, brands, materials, specs and models', () => {
    const m = extractMentions('想买件羊绒大衣，还有华为mate60的手机壳，要128g的');
    const pairs = m.map((x) => `${x.type}:${x.text}`);
    expect(pairs).toEqual(expect.arrayContaining(['material:羊绒', 'product:大衣', 'brand:华为', 'model:mate60', 'product:手机壳', 'spec:128g']));
    for (const x of m) expect('想买件羊绒大衣，还有华为mate60的手机壳，要128g的'.slice(x.span.start, x.span.end)).toBe(x.text);
  });
});

describe('templates', () => {
  it('fills placeholders or refuses the script', () => {
    expect(fillTemplate('{product_name}是{price}元', { product_name: '大衣', price: 1299 })).toBe('大衣是1299元');
    expect(fillTemplate('{product_name}是{price}元', { product_name: '大衣' })).toBeUndefined();
    expect(fillTemplate('{customer_name}您好，我是{guide_name}', { guide_name: '林晓' })).toBe('您好，我是林晓');
    expect(fillTemplate('好的{customer_name}，您先考虑', {})).toBe('好的，您先考虑');
    expect(fillTemplate('{unknown}你好', {})).toBeUndefined();
  });
});

describe('rankReplies', () => {
  it('puts the reply that answers the last customer message first', () => {
    const order = rankReplies(
      ['顾客: 你好', '导购: 您好～', '顾客: 这件大衣M码还有货吗'],
      ['满299元包邮。', '您好，有什么可以帮您？', '大衣M码还有货，我先帮您留48小时。'],
    );
    expect(order[0]).toBe(2);
    expect([...order].sort()).toEqual([0, 1, 2]);
  });
});
