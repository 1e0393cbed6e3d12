/**
 * Policy asks answered with the rule that was asked: member benefits after how to upgrade, how to join and
 * the new-member gift, how long an opened cream keeps, where a store is, what a return does to gifts and
 * points; risky asks (an inflated invoice, paying the guide privately) declined; a budget "别超过800 月底了".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { readBudget } from '../../src/assist/dialogue/read-needs.ts';
import { askDemo, demoAssistant } from './support.ts';

let assistant: Assistant;
beforeAll(async () => {
  ({ assistant } = await demoAssistant());
});

const { suggest, top } = askDemo(() => assistant);

describe('membership', () => {
  it('answers how to upgrade, then what the card gives', async () => {
    const text = await top('顾客: 怎么才能升金卡 金卡有啥好处');
    expect(text).toMatch(/5000/u);
    expect(text).toMatch(/95折/u);
    expect(text.indexOf('5000')).toBeLessThan(text.indexOf('95折'));
  });

  it('answers how to join and what a new member gets', async () => {
    const text = await top('顾客: 我想办个会员 咋注册 新人送东西不');
    expect(text).toMatch(/小程序/u);
    expect(text).toMatch(/小样/u);
    expect(text).not.toMatch(/生日/u);
  });
});

describe('facts of the store and its products', () => {
  it('says how long an opened serum keeps, not how long an order is held', async () => {
    const text = await top('顾客: 安肌舒缓精华买两瓶', '导购: 好的，两瓶给您备上～', '顾客: 开封以后能放多久 怕用不完');
    expect(text).toMatch(/12个月/u);
    expect(text).not.toMatch(/保留7天/u);
  });

  it('says where a store is when asked for its exact place', async () => {
    expect(await top('顾客: 杭州店具体在哪个位置啊 第一次去')).toMatch(/湖滨银泰/u);
  });

  it('says what a return does to the gift and the points, tagged after-sales', async () => {
    const gift = await suggest('顾客: 面霜想退了 送的小样也要一起寄回吗');
    expect(gift.drafts[0]?.text).toMatch(/一并退回/u);
    const points = await suggest('顾客: 上周买的毛衣退了 当时给的积分会扣掉吗');
    expect(points.drafts[0]?.text).toMatch(/扣回/u);
    expect(points.tags.map((t) => t.tag)).toContain('购买阶段/售后');
  });
});

describe('risky asks declined', () => {
  it('declines an invoice written higher and paying the guide privately', async () => {
    expect(await top('顾客: 发票金额能写高一点吗 公司报销')).toMatch(/如实|实际付款/u);
    // The inflated amount said beside what was really paid; a plain invoice asked beside it is still answered.
    const inflated = await top('顾客: 票能不能开3000 报销用 其实买的是2580那个包');
    expect(inflated).toMatch(/如实开具/u);
    expect(inflated).not.toMatch(/可以开发票/u);
    expect(await top('顾客: 能开专票吗 或者金额开高点')).toMatch(/普通发票[\s\S]*如实开具/u);
    const transfer = await top('顾客: 加我私人微信吧 我直接转你 别走公司了 便宜点');
    expect(transfer).toMatch(/个人账户/u);
  });
});

describe('a budget said in passing', () => {
  it('reads 别超过800 even when 月底 follows the figure', () => {
    expect(readBudget('长短都行 别超过800 月底了没钱')?.value).toEqual({ kind: 'max', lo: 0, hi: 800 });
  });
});

describe('stores, delivery and small talk', () => {
  it('says a city has no store yet before listing the stores there are', async () => {
    const text = await top('顾客: 广州有你们的店吗');
    expect(text).toMatch(/广州暂时还没有/u);
    expect(text).toMatch(/上海静安嘉里店/u);
  });

  it('declines delivery to Macau asked as 能寄过去不, the refusal first', async () => {
    const macau = await top('顾客: 我朋友在澳门 能寄过去不');
    expect(macau).toMatch(/^(?:您好，)?不好意思，寄澳门暂时还不行/u);
    expect(macau).toMatch(/不支持配送/u);
  });

  it('answers whether the store opens on a day, and whether a parcel arrives in time', async () => {
    expect(await top('顾客: 礼拜天湖滨店开门吗')).toMatch(/10:00/u);
    expect(await top('顾客: 她在宁波 周五之前寄过去来得及吗')).toMatch(/次日送达/u);
  });

  it('answers a return’s postage and then when the money is back', async () => {
    const text = await top('顾客: 毛衣想退 寄回去运费我自己出吗 钱什么时候回到我卡里');
    expect(text).toMatch(/运费/u);
    expect(text).toMatch(/原路退回/u);
    expect(text.indexOf('运费')).toBeLessThan(text.indexOf('原路退回'));
  });

  it('hems trousers bought here, and says how long it takes', async () => {
    expect(await top('顾客: 裤腿有点长 你们能帮忙剪短吗 要多久')).toMatch(/3-5天/u);
  });

  it('answers the weather and a move away in kind, without a product', async () => {
    const cold = await suggest('顾客: 今天杭州好冷啊 店里暖和不');
    expect(cold.drafts[0]?.text).toMatch(/保暖/u);
    expect(cold.drafts[0]?.skus).toEqual([]);
    expect(await top('顾客: 下个月我要调去成都上班了 以后去不了你们店了')).toMatch(/小程序/u);
  });
});

describe('another person’s purchase', () => {
  it('keeps a wife’s purchases private and helps with the surprise', async () => {
    const text = await top('顾客: 我老婆之前在你们这买了啥 告诉我一下 想给她买个配套的');
    expect(text).toMatch(/保密|不方便透露/u);
    expect(text).toMatch(/她平时喜欢/u);
  });
});

describe('store services asked in a few words', () => {
  it('works out what the points said are worth, within the cap, with nothing the guardrails hold back', async () => {
    const draft = (await suggest('顾客: 我账户里有两万积分 能抵多少钱 买个一千的东西能全抵吗')).drafts[0];
    expect(draft?.text).toMatch(/20000积分可以抵200元[\s\S]*50%/u);
    expect(draft?.flags).toEqual([]);
  });

  it('answers what points are worth and how long they last, in that order', async () => {
    const text = await top('顾客: 我那些积分能当钱花不 有没有期限的');
    expect(text).toMatch(/100积分抵1元[\s\S]*12月31日/u);
  });

  it('holds a pair for two days with the 48-hour rule said', async () => {
    const text = await top('导购: 粗跟切尔西靴37码黑色静安店还有一双，1299元。', '顾客: 帮我留两天 周日过去拿');
    expect(text).toMatch(/留着/u);
    expect(text).toMatch(/48小时/u);
  });

  it('tells how to measure a ring size, and clothes sizes, with nothing the guardrails hold back', async () => {
    const ring = (await suggest('顾客: 素圈戒指有几号的', '导购: 925银素圈戒指259元，国际码7到15号都有，可以叠戴，也适合情侣一起戴。', '顾客: 我也不知道自己戴几号 咋量啊')).drafts[0];
    expect(ring?.text).toMatch(/绕一圈/u);
    expect(ring?.flags).toEqual([]);
    expect(await top('顾客: 我不知道自己穿多大 怎么量啊')).toMatch(/胸围/u);
  });
});

describe('orders, alterations and other shops', () => {
  it('changes a delivery address, without the alteration terms beside it', async () => {
    const text = await top('顾客: 刚下的单地址填成我妈家了 能改吗');
    expect(text).toMatch(/发货前/u);
    expect(text).not.toMatch(/裤长/u);
  });

  it('answers a hemming ask typed as 能给改不 with the free alteration', async () => {
    expect(await top('顾客: 男士直筒西裤 我腿短 买了裤长能给改不 收费不')).toMatch(/免费修改裤长/u);
  });

  it('answers a pickup in store and how long it is kept, and a cash refund with the original way back', async () => {
    const pickup = await top('顾客: 网上下单能去店里自己拿吗 到了以后能放几天 我出差回来才能去');
    expect(pickup).toMatch(/自提[\s\S]*7天/u);
    const cash = await top('顾客: 退货能退现金给我吗 我那张卡不怎么用了');
    expect(cash).toMatch(/原路/u);
    expect(cash).not.toMatch(/鞋|另外/u);
  });

  it('answers what wrapping costs beside the price, without splitting 另外收钱 as another ask', async () => {
    const text = await top('顾客: 晚桂那个香熏蜡烛多少钱呀 送人的 包装要另外收钱吗');
    expect(text).toMatch(/269[\s\S]*不额外收费/u);
  });

  it('offers to hold the one in view for a visit planned to try it', async () => {
    const text = await top('导购: 羊绒圆领毛衣1680元，燕麦色、黑色、浅灰、雾粉，XS到XL。', '顾客: 燕麦色M码还有吗 我周六想去静安店试一下');
    expect(text).toMatch(/燕麦色M码[\s\S]*48小时/u);
  });

  it('takes an online order back in a store', async () => {
    expect(await top('顾客: 闺女 我问一下啊 在网上买的东西 能不能直接拿到你们店里去退')).toMatch(/静安|湖滨/u);
  });

  it('does not match another shop’s price, and reads the difference as no budget', async () => {
    const s = await suggest('顾客: 某宝上你们家同款大衣便宜三百多 能按那个价卖我不');
    expect(s.drafts[0]?.text).toMatch(/同款同价/u);
    expect(s.drafts[0]?.skus ?? []).toEqual([]);
    expect(s.drafts[0]?.text).not.toMatch(/按那个价|预算/u);
    expect(readBudget('某宝上便宜三百多')).toBeUndefined();
  });
});
