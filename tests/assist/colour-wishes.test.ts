/**
 * Colours turned down and depths wanted ("别黑色了", "黑的我已经有一个了 换个颜色", "驼色太老气了 深一点的",
 * "不要黑的 浅色点"): no turned-down colour is sold as the reason, the product in view's other colours
 * are the answer, and a request carries the wish into what is recommended.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { readColourWish } from '../../src/assist/dialogue/read-colour-wish.ts';
import { readNeeds } from '../../src/assist/dialogue/read-needs.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { askDemo, demoAssistant } from './support.ts';

let assistant: Assistant;
let kb: KnowledgeBase;
beforeAll(async () => {
  ({ assistant, kb } = await demoAssistant());
});

const { top } = askDemo(() => assistant);

describe('reading what is said about colour', () => {
  it.each([
    ['S 别黑色了 家里好几条黑的', ['黑色'], undefined],
    ['黑的我已经有一个了 换个颜色', ['黑色'], undefined],
    ['驼色太老气了 换个颜色吧 深一点的', ['驼色'], 'deep'],
    ['不要黑的 浅色点', ['黑色'], 'light'],
    ['黑色藏青都太沉闷了', ['黑色', '藏青'], undefined],
  ])('%s', (text, avoid, depth) => {
    const needs = readNeeds(kb, text);
    expect(needs.colourWish?.value.avoid).toEqual(avoid);
    expect(needs.colourWish?.value.depth).toBe(depth);
    expect(needs.colour).toBeUndefined();
  });

  it('keeps the colour wanted beside the one turned down, and reads a plain wish as a colour', () => {
    expect(readNeeds(kb, '不要黑的 要驼色').colour?.value).toBe('驼色');
    expect(readNeeds(kb, '想要黑色的').colour?.value).toBe('黑色');
    expect(readColourWish('想要黑色的', ['黑色'])).toBeUndefined();
  });
});

describe('the product in view in another colour', () => {
  it('names the other colours of a bag, the versatile one first', async () => {
    const text = await top('顾客: 月牙腋下包还有货吗', '导购: 有的～月牙腋下包1280元，黑色、奶白、酒红都有，肩带可以调成斜挎。', '顾客: 黑的我已经有一个了 换个颜色 哪个百搭点');
    expect(text).toMatch(/除了黑色/u);
    expect(text).toMatch(/奶白/u);
    expect(text).toMatch(/酒红/u);
    expect(text).not.toMatch(/最/u);
  });

  it('names only the deeper colours of a scarf when the camel one looks too old', async () => {
    const text = await top('顾客: 想给我爸买条围巾 他在北方冷', '导购: 羊绒围巾1280元很合适，轻薄保暖，礼盒包装；驼色很稳重，另外还有浅灰、酒红、藏青。', '顾客: 驼色太老气了 换个颜色吧 深一点的');
    expect(text).toMatch(/藏青/u);
    expect(text).not.toMatch(/浅灰/u);
  });

  it('answers a named colour asked with 换个颜色 as a colour asked, not as the rest', async () => {
    const text = await top('顾客: 缎面吊带长裙有M码吗', '导购: 有的，缎面吊带长裙1880元，香槟色、墨绿、雾蓝三色，S/M/L都有。', '顾客: 换个颜色 有黑色的吗');
    expect(text).toMatch(/没有黑色/u);
  });
});

describe('a request with a colour turned down', () => {
  it('gives the colours left as the reason, never the one turned down', async () => {
    const text = await top('顾客: 想买条瑜伽裤', '导购: 好的～平时穿什么码？喜欢什么颜色？', '顾客: S 别黑色了 家里好几条黑的');
    expect(text).toMatch(/高腰瑜伽裤/u);
    expect(text).toMatch(/雾蓝|深灰/u);
    expect(text).not.toMatch(/有黑色/u);
  });

  it('reads 一千出头 as a little over a thousand and leads with a light-coloured coat', async () => {
    const text = await top('顾客: 想买件大衣 去年那件穿旧了', '导购: 好的～您平时穿什么码？预算大概多少呢？', '顾客: 一般M 预算一千出头吧', '导购: 好的，颜色上有偏好吗？', '顾客: 不要黑的 浅色点');
    expect(text).toMatch(/双面羊毛呢大衣/u);
    expect(text).toMatch(/驼色|燕麦色/u);
    expect(text).not.toMatch(/有黑色/u);
  });
});

describe('a foundation shade for the skin tone told', () => {
  it.each([
    ['我比较白', 'fair'],
    ['我偏黄 也不算白', 'yellow'],
    ['我有点黄黑', 'deep'],
  ])('reads %s as %s', (text, tone) => {
    expect(readNeeds(kb, text).skinTone?.value).toBe(tone);
  });

  it('gives the shade of the foundation in view instead of a clothing size', async () => {
    const text = await top('顾客: 混油皮 粉底推荐哪个', '导购: 混油的话推荐轻薄持妆粉底液299元，控油持妆，有象牙白、自然色、小麦色三个色号。', '顾客: 我偏黄 也不算白 选哪个号');
    expect(text).toMatch(/自然色/u);
    expect(text).not.toMatch(/身高|体重|尺码/u);
  });

  it('names the shade beside a foundation recommended for dry, fair skin', async () => {
    const text = await top('顾客: 冬天粉底老卡粉 烦死', '导购: 您皮肤是偏干吗？平时用什么色号？', '顾客: 干皮 我比较白');
    expect(text).toMatch(/象牙白/u);
  });

  it('picks the deeper shade for skin that is a bit dark', async () => {
    const text = await top('顾客: 我想买个粉底液 干皮 冬天老起皮', '导购: 干皮可以看水润光泽粉底液299元，含透明质酸钠和角鲨烷，有象牙白、自然色、小麦色三个色号。', '顾客: 我有点黄黑 选哪个色号啊');
    expect(text).toMatch(/建议选小麦色/u);
  });
});

describe('the nearest when no product of the kind suits the skin', () => {
  it('offers a lotion for oily skin rather than a rich cream, and says none of the creams fit', async () => {
    const text = await top('顾客: 大油皮 冬天也出油 面霜一抹跟上了层猪油似的 有不油的面霜吗');
    expect(text).toMatch(/暂时没有适合油性肌肤/u);
    expect(text).toMatch(/乳液/u);
    expect(text).not.toMatch(/臻养面霜/u);
  });
});
