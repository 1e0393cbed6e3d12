/**
 * The newest message asks something concrete and the top draft answers it: two asks in the order asked
 * (opening hours and the floor, a price and the points, a size and sending it to the office), a policy
 * asked before anything happened, a rush order, a time before opening, a discount named as the price; a
 * choice between the products shown by a trait or a use; a part of the product in view; a typed-by-sound
 * kind of product.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { askDemo } from './support.ts';
import type { ChatAsker } from './support.ts';
import { demoAssistant } from './support.ts';

let assistant: Assistant;
beforeAll(async () => {
  ({ assistant } = await demoAssistant());
});
const { suggest, top }: ChatAsker = askDemo(() => assistant);
/** Each pattern found in the text, each after the one before. */
const inOrder = (text: string, ...patterns: RegExp[]): boolean => {
  let from = 0;
  for (const pattern of patterns) {
    const at = text.slice(from).search(pattern);
    if (at < 0) return false;
    from += at + 1;
  }
  return true;
};

describe('two asks in one message', () => {
  it('gives the opening hour, then the floor', async () => {
    expect(inOrder(await top('顾客: 静安店早上几点开门 在嘉里中心几楼啊'), /10:00/u, /L2/u)).toBe(true);
  });

  it('gives the price of the bag pointed at, then what the points are worth', async () => {
    expect(inOrder(await top('顾客: 那个牛皮大号托特包多少钱来着 我攒了好多积分 能抵不'), /1580/u, /100积分抵1元/u)).toBe(true);
  });

  it('confirms the size and says it can go to the office', async () => {
    const text = await top('导购: 有的～单排扣西装外套899元，黑色、藏青、燕麦色，微弹面料不容易起皱。', '顾客: 我穿S 黑色S有没有 有的话直接寄我公司行不');
    expect(inOrder(text, /S码/u, /公司/u)).toBe(true);
  });

  it('answers the return and who pays its postage, asked in Cantonese, and the floor asked as 哪层', async () => {
    expect(inOrder(await top('顾客: 买咗唔啱着可唔可以退啊 运费边个出'), /七天无理由/u, /寄回运费/u)).toBe(true);
    expect(inOrder(await top('顾客: 静安店国庆开到几点 在嘉里中心哪层啊'), /10:00/u, /L2/u)).toBe(true);
  });

  it('answers a size and a colour in the order they were asked', async () => {
    expect(inOrder(await top('顾客: 软羊皮芭蕾舞鞋有35码吗 裸粉的还有没'), /35/u, /裸粉/u)).toBe(true);
  });
});

describe('service asks', () => {
  it('gives the quality terms and the postage for trouble that has not happened, without a complaint', async () => {
    const s = await suggest('顾客: 衣服要是穿几回开线了 能给换不 寄回去运费谁掏啊');
    expect(inOrder(s.drafts[0]?.text ?? '', /30天/u, /运费/u)).toBe(true);
    expect(s.drafts[0]?.text).not.toMatch(/抱歉|不好意思/u);
    expect(s.tags.some((t) => /投诉/u.test(t.tag))).toBe(false);
  });

  it('answers a rush with the same-day cut-off and a time to come with the opening hours', async () => {
    expect(await top('顾客: 能不能加急啊 我后天就要穿 人在杭州')).toMatch(/16:00/u);
    const early = await suggest('顾客: 明早九点能去静安店吗 想赶在上班前');
    expect(early.drafts[0]?.text).toMatch(/10:00/u);
    expect(early.drafts[0]?.skus ?? []).toEqual([]);
  });

  it('hears "八折卖我" as bargaining, not as an order to take', async () => {
    const text = await top('导购: 精纺羊毛西装外套2399元，炭灰和黑色，软肩结构更贴合肩线。', '顾客: 八折卖我我现在就下单 不然就算了');
    expect(text).toMatch(/95折|满1000减100/u);
    expect(text).not.toMatch(/订单链接/u);
  });
});

describe('about the products in view', () => {
  it('picks the lower heel, and the training shoe for aerobics and weights', async () => {
    expect(await top('顾客: 下个月参加婚礼 想买双高跟鞋', '导购: 可以看看这两双：尖头细跟高跟鞋899元，黑色、裸色；中跟尖头单鞋799元，黑色、杏色。', '顾客: 哪双跟矮一点啊 我平时基本不穿高跟')).toMatch(/^(?:您好，)?中跟尖头单鞋/u);
    expect(await top('导购: 运动鞋可以看看缓震跑步鞋599元和综合训练鞋499元，两双都是禾野的。', '顾客: 我主要是跳操加撸铁 买哪个好')).toMatch(/更推荐综合训练鞋/u);
  });

  it('answers a part of the coat shown (its hood), not with hats, and whether a laptop fits the bag', async () => {
    const hood = await suggest('顾客: 想要件过膝的羽绒服', '导购: 过膝长款鹅绒服2599元，黑色和燕麦色，90%白鹅绒填充，领口内侧有防风罗纹。', '顾客: 帽子能拆下来不 我不喜欢带帽子的');
    expect(hood.drafts[0]?.text).toMatch(/帽子可拆/u);
    expect(await top('导购: 牛皮大号托特包1580元，头层牛皮，黑色、焦糖色、灰绿三色，里面有拉链隔层。', '顾客: 我那个14寸的笔记本放得进不')).toMatch(/14寸/u);
  });

  it('answers what an earring is made of to someone whose ears itch with cheap ones', async () => {
    expect(await top('导购: 镀金几何耳环199元，几何造型，搭简单的上衣就很出彩。', '顾客: 我耳朵一戴便宜耳环就痒 这个会不会')).toMatch(/黄铜/u);
  });
});

describe('typed by sound', () => {
  it('reads 防嗮 as 防晒 and recommends one within the budget', async () => {
    const s = await suggest('顾客: 油皮 有没有一百多的防嗮 不要油腻的');
    expect(s.drafts.slice(0, 3).some((d) => /防晒/u.test(d.text) && d.skus.length > 0)).toBe(true);
  });
});

describe('worries and wishes before buying', () => {
  it('hears "戴不是纯金的耳朵会红肿" as a worry and answers the material with the note for sensitive ears', async () => {
    const s = await suggest('导购: 镀金几何耳环199元，黄铜镀金，长3.5cm，戴上很提气色。', '顾客: 可是我戴不是纯金的耳朵会红肿 这个能戴吗');
    expect(s.drafts[0]?.text).toMatch(/黄铜镀金/u);
    expect(s.drafts[0]?.text).toMatch(/银针/u);
    expect(s.tags.some((t) => /投诉|售后/u.test(t.tag))).toBe(false);
  });

  it('answers whether a knit dress is warm enough alone with what to wear over it', async () => {
    expect(await top('导购: 燕麦色M码有货的，羊毛针织连衣裙699元，腰部做了收针，不显腰粗。', '顾客: 冬天单穿会冷吗 上海这种湿冷天')).toMatch(/大衣|外套|叠穿/u);
  });

  it('leaves high and stiletto heels out for someone who cannot walk in them', async () => {
    const { kb } = await demoAssistant();
    const s = await suggest('导购: 在的～三醋酸小黑裙1980元，黑色，S到XL，一字领修身款，垂顺不容易皱。', '顾客: 我要了 下周有个dinner 配什么鞋比较好 我不太会穿高跟');
    const named = s.drafts.slice(0, 3).flatMap((d) => d.skus).map((sku) => kb.products.find((p) => p.sku === sku));
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) expect(p && (Number.parseFloat(String(p.attributes['跟高'] ?? '0')) > 5 || /细跟/u.test(p.name)), p?.name).toBe(false);
  });
});

describe('a product named by its kind and one word of its name', () => {
  it('answers the price, the cut to length and the colour of 男士针扣腰带, in order', async () => {
    const text = await top('顾客: 给我老公看的 男士针扣腰带多少钱 能剪短吗 有棕色吗');
    expect(inOrder(text, /499/u, /剪到合适长度/u, /深棕/u)).toBe(true);
    expect(text).not.toMatch(/裤长/u);
  });

  it('answers the price and the colours of the beret, not with a list of hats', async () => {
    const text = await top('顾客: 贝雷帽多少钱 有几个颜色 头围多大的');
    expect(text).toMatch(/^(?:您好，)?羊毛贝雷帽是¥259/u);
    expect(inOrder(text, /259/u, /黑色、驼色、酒红/u)).toBe(true);
  });
});

describe('a choice stated beside a service ask', () => {
  it('confirms the size and colour of the trousers in view before the alteration days', async () => {
    const text = await top('导购: 有的，男士直筒西裤599元，黑色、藏青、炭灰，M到XXL，门店购买可以免费改裤长。', '顾客: L 藏青 我腿短 改裤长要几天');
    expect(inOrder(text, /男士直筒西裤藏青L码有的/u, /3-5天/u)).toBe(true);
  });
});

describe('what a product holds and has', () => {
  it('says a 14-inch laptop fits the tote, from its description, and finds the jacket\'s inner pockets under another name', async () => {
    expect(await top('顾客: 大号托特包能塞下电脑吗 我那个是14寸的')).toMatch(/能放下14寸电脑/u);
    expect(await top('导购: 男士立领夹克899元，藏青和卡其，M到XXL～', '顾客: 有没有内兜 我钱包手机喜欢揣里面')).toMatch(/暗袋/u);
  });

  it('answers what points are worth to a gold member, not the tiers, then the discount', async () => {
    expect(inOrder(await top('顾客: 我是金卡 积分能抵钱不 买东西有折扣没'), /100积分抵1元/u, /95折/u)).toBe(true);
  });
});
