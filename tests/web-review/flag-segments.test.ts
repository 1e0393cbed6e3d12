import { describe, expect, it } from 'vitest';
import type { Flag } from '../../web/review/src/api-types.ts';
import { placeFlag, segmentFlaggedText, sortFlags, worstSeverity } from '../../web/review/src/flag-segments.ts';

const flag = (span: [number, number], text: string, severity: Flag['severity'] = 'block', rule = 'discount'): Flag => ({ rule, span, text, reason: `${rule} reason`, severity });
const TEXT = '这件我给您打8折，今天下单就行～';

describe('segmentFlaggedText', () => {
  it('cuts the draft around a flagged span and keeps the rest as plain runs', () => {
    const discount = flag([5, 8], '打8折');
    const { segments, unplaced } = segmentFlaggedText(TEXT, [discount]);
    expect(segments.map((s) => [s.text, s.flags.length])).toEqual([
      ['这件我给您', 0],
      ['打8折', 1],
      ['，今天下单就行～', 0],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(TEXT);
    expect(unplaced).toEqual([]);
  });

  it('splits overlapping flags into runs that list every flag covering them', () => {
    const text = '全网最低价打7折';
    const wide = flag([0, 5], '全网最低价', 'warn', 'absolute');
    const inner = flag([2, 4], '最低', 'block', 'prices');
    const { segments } = segmentFlaggedText(text, [wide, inner]);
    expect(segments.map((s) => [s.text, s.flags.map((f) => f.rule)])).toEqual([
      ['全网', ['absolute']],
      ['最低', ['absolute', 'prices']],
      ['价', ['absolute']],
      ['打7折', []],
    ]);
  });

  it('finds the words again when the span no longer matches, and lists flags it cannot place', () => {
    const moved = flag([0, 3], '打8折');
    expect(placeFlag(TEXT, moved)).toEqual([5, 8]);
    const gone = flag([5, 8], '打5折');
    const outOfRange = flag([40, 60], '');
    const { segments, unplaced } = segmentFlaggedText(TEXT, [gone, outOfRange]);
    expect(segments).toHaveLength(1);
    expect(segments[0]?.text).toBe(TEXT);
    expect(unplaced).toEqual([gone, outOfRange]);
  });

  it('orders flags worst first and names the worst severity of a run', () => {
    const info = flag([0, 1], '这', 'info', 'a');
    const warn = flag([2, 3], '我', 'warn', 'b');
    const block = flag([5, 8], '打8折', 'block', 'c');
    expect(sortFlags([info, block, warn]).map((f) => f.rule)).toEqual(['c', 'b', 'a']);
    expect(worstSeverity([info, warn])).toBe('warn');
    expect(worstSeverity([])).toBeNull();
  });
});
