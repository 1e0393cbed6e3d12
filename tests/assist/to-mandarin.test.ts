/** Dialect and colloquial words read as Mandarin; Mandarin and product words are left alone. */
import { describe, expect, it } from 'vitest';
import { toMandarin } from '../../src/assist/dialogue/to-mandarin.ts';

describe('toMandarin', () => {
  it.each([
    ['呢件大衣有冇M码', '这件大衣有没有M码'],
    ['几多钱呀', '多少钱呀'],
    ['我想俾阿妈买条围巾', '我想给妈妈买条围巾'],
    ['件衫唔啱我着', '件衫不合适我着'],
    ['可以着M码吗', '可以穿M码吗'],
    ['侬好，迭个包几钿', '你好，这个包多少钱'],
    ['有黑色伐', '有黑色吗'],
    ['覅太贵的', '不要太贵的'],
    ['这鞋咋整啊 穿两天就埋汰了', '这鞋怎么办啊 穿两天就脏了'],
    ['给俺瞅瞅大衣', '给俺看看大衣'],
    ['白茶淡香水 好多钱 男的用 要得不', '白茶淡香水 多少钱 男的用 行不行'],
    ['18K金锁骨链 price多少 有rose gold吗', '18K金锁骨链 价格多少 有玫瑰金色吗'],
  ])('%s → %s', (said, mandarin) => {
    expect(toMandarin(said)).toBe(mandarin);
  });

  it.each([
    ['想買件大褸返工著 一兩千蚊 有冇推介', '想买件大衣上班穿 一两千元 有没有推荐'],
    ['真絲點洗㗎 同埋黑色有冇M碼', '真丝怎么洗的 另外黑色有没有M码'],
    ['係咪真係 嗰件幾多錢', '是不是真是 那件多少钱'],
    ['收到嗰個盒都爛咗 條頸鏈仲甩咗粒珠', '收到那个盒都烂了 条颈链还掉了粒珠'],
  ])('reads traditional characters as simplified: %s → %s', (said, mandarin) => {
    expect(toMandarin(said)).toBe(mandarin);
  });

  it.each([
    ['能开发票吗不合适能退不', '能开发票吗不合适能退吗'],
    ['雨后森林淡香水多少钱 男的能用不', '雨后森林淡香水多少钱 男的能用吗'],
    ['翻领短款羊毛大衣现在啥价', '翻领短款羊毛大衣现在多少钱'],
  ])('reads a question closed with 不 as a 吗 question: %s → %s', (said, mandarin) => {
    expect(toMandarin(said)).toBe(mandarin);
  });

  it.each(['系带浴袍式大衣', '俺不要了 给俺退了中不中', '我不', '好不好'])('keeps %s', (text) => {
    expect(toMandarin(text)).toBe(text);
  });

  it.each(['花了好多钱也没买到合适的', '平底鞋有37码吗', '我有点着急，今天能发货吗', '看着挺好的', '想买双平底单鞋'])('leaves %s as it is', (text) => {
    expect(toMandarin(text)).toBe(text);
  });
});

describe('voice input that spaced every character', () => {
  it('reads it without the spaces, and leaves ordinary spacing alone', () => {
    expect(toMandarin('晚 桂 淡 香 精 一 百 毫 升 的 多 少 钱')).toBe('晚桂淡香精100ml的多少钱');
    expect(toMandarin('想要一件 衬衫 白色的 穿 M 码')).toBe('想要一件 衬衫 白色的 穿 M 码');
    expect(toMandarin('我的快递五日都未到')).toBe('我的快递五日都没到');
    expect(toMandarin('想要一件 衬衫 白色的 穿 M 码 四 百 块 左右 上班 穿')).toBe('想要一件 衬衫 白色的 穿 M 码 四百块左右 上班 穿');
    expect(toMandarin('一 千 五 以内')).toBe('一千五 以内');
    expect(toMandarin('我问一下 那个 羊绒围巾 是 真的 羊绒 吗 有 多 大')).toBe('我问一下 那个 羊绒围巾 是 真的 羊绒 吗有多大');
  });
});
