import { describe, expect, it } from 'vitest';
import { placeFlag, segmentFlaggedText, sortFlags, worstSeverity, type Flag } from '../../web/shared/flag-segments.ts';

// One module marks flagged words for both pages: the guide's drafts in the sidebar, drafts and sent messages
// in the review console.

function flag(text: string, span: [number, number], severity: Flag['severity'] = 'warn', rule = 'absolute_terms'): Flag {
  return { rule, span, text, reason: `原因：${text}`, severity };
}

describe('placeFlag', () => {
  const text = '这是全网最低价，保证第一名';

  it('uses the span when it still covers the flagged words', () => {
    expect(placeFlag(text, flag('最低价', [4, 7]))).toEqual([4, 7]);
  });

  it('finds the words when the span is off (computed on another version of the text)', () => {
    expect(placeFlag(text, flag('最低价', [0, 3]))).toEqual([4, 7]);
    expect(placeFlag(text, flag('第一名', [90, 93]))).toEqual([10, 13]);
  });

  it('places nothing when the words are not in the text', () => {
    expect(placeFlag(text, flag('国家级', [1, 4]))).toBeNull();
  });
});

describe('segmentFlaggedText', () => {
  it('cuts the text into plain and flagged runs that join back into the text', () => {
    const text = '这款是最好的面霜，第一次用也不会过敏';
    const flags = [flag('最好', [3, 5], 'warn'), flag('不会过敏', [14, 18], 'block', 'efficacy')];
    const { segments, unplaced } = segmentFlaggedText(text, flags);
    expect(unplaced).toEqual([]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.map((s) => [s.text, s.flags.map((f) => f.rule)])).toEqual([
      ['这款是', []],
      ['最好', ['absolute_terms']],
      ['的面霜，第一次用也', []],
      ['不会过敏', ['efficacy']],
    ]);
  });

  it('splits overlapping flags so the overlap lists both', () => {
    const text = '全网最低价格';
    const flags = [flag('全网最低', [0, 4], 'warn', 'absolute_terms'), flag('最低价格', [2, 6], 'block', 'price')];
    const { segments } = segmentFlaggedText(text, flags);
    expect(segments.map((s) => [s.text, s.flags.map((f) => f.rule)])).toEqual([
      ['全网', ['absolute_terms']],
      ['最低', ['absolute_terms', 'price']],
      ['价格', ['price']],
    ]);
  });

  it('keeps flags it cannot place so their reasons are still shown', () => {
    const missing = flag('国家级', [0, 3]);
    const { segments, unplaced } = segmentFlaggedText('店长改过的文字', [missing]);
    expect(segments).toEqual([{ text: '店长改过的文字', start: 0, end: 7, flags: [] }]);
    expect(unplaced).toEqual([missing]);
  });

  it('returns the whole text as one plain run without flags', () => {
    expect(segmentFlaggedText('好的', []).segments).toEqual([{ text: '好的', start: 0, end: 2, flags: [] }]);
  });

  it('cuts a held draft around its flag and lists flags with a blank or out-of-range span it cannot place', () => {
    const held = '这件我给您打8折，今天下单就行～';
    const discount = flag('打8折', [5, 8], 'block', 'discount');
    expect(segmentFlaggedText(held, [discount]).segments.map((s) => [s.text, s.flags.length])).toEqual([
      ['这件我给您', 0],
      ['打8折', 1],
      ['，今天下单就行～', 0],
    ]);
    const gone = flag('打5折', [5, 8], 'block', 'discount');
    const outOfRange = flag('', [40, 60]);
    const { segments, unplaced } = segmentFlaggedText(held, [gone, outOfRange]);
    expect(segments.map((s) => s.text)).toEqual([held]);
    expect(unplaced).toEqual([gone, outOfRange]);
  });

  it('splits a flag nested inside another into three runs', () => {
    const { segments } = segmentFlaggedText('全网最低价打7折', [flag('全网最低价', [0, 5], 'warn', 'absolute'), flag('最低', [2, 4], 'block', 'prices')]);
    expect(segments.map((s) => [s.text, s.flags.map((f) => f.rule)])).toEqual([
      ['全网', ['absolute']],
      ['最低', ['absolute', 'prices']],
      ['价', ['absolute']],
      ['打7折', []],
    ]);
  });
});

describe('worstSeverity and sortFlags', () => {
  it('orders block over warn over info', () => {
    expect(worstSeverity([])).toBeNull();
    expect(worstSeverity([flag('a', [0, 1], 'info'), flag('b', [0, 1], 'warn')])).toBe('warn');
    expect(worstSeverity([flag('a', [0, 1], 'block'), flag('b', [0, 1], 'info')])).toBe('block');
  });

  it('lists flags worst first, then in the order they appear in the text', () => {
    const info = flag('这', [0, 1], 'info', 'a');
    const laterWarn = flag('下单', [11, 13], 'warn', 'b');
    const warn = flag('我', [2, 3], 'warn', 'c');
    const block = flag('打8折', [5, 8], 'block', 'd');
    const input = [info, laterWarn, block, warn];
    expect(sortFlags(input).map((f) => f.rule)).toEqual(['d', 'c', 'b', 'a']);
    expect(input.map((f) => f.rule)).toEqual(['a', 'b', 'd', 'c']);
  });
});
