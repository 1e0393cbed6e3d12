import { describe, expect, it } from 'vitest';
import { editDistance } from '../../web/sidebar/src/edit-distance.ts';

describe('editDistance', () => {
  it('is zero for the same text and the length of the other text against empty', () => {
    expect(editDistance('您好，欢迎光临', '您好，欢迎光临')).toBe(0);
    expect(editDistance('', '好的')).toBe(2);
    expect(editDistance('好的', '')).toBe(2);
  });

  it('counts insertions, deletions and substitutions of Chinese characters', () => {
    expect(editDistance('这件大衣有M码', '这件大衣还有M码')).toBe(1);
    expect(editDistance('这件大衣有M码', '这件大衣M码')).toBe(1);
    expect(editDistance('亲，M码有货', '您好，M码有货')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('counts an emoji (a surrogate pair) as one character', () => {
    expect(editDistance('好的😊', '好的')).toBe(1);
    expect(editDistance('好的😊', '好的🙂')).toBe(1);
  });

  it('is symmetric', () => {
    const a = '双面羊毛呢大衣，驼色 M 码还有两件';
    const b = '双面羊绒大衣，黑色 M 码只剩一件了';
    expect(editDistance(a, b)).toBe(editDistance(b, a));
  });
});
