/**
 * The after-sales terms that fit when the thing was bought: inside the 30 days a defect is exchanged,
 * after them repaired (said plainly); clothes are mended, not given the shoe-repair menu; how long ago
 * it was bought is read from the customer's words or the purchase on record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { readPurchaseAge } from '../../src/assist/dialogue/read-purchase-age.ts';
import { emptyProfile } from '../../src/conversation/model.ts';
import { chat, demoAssistant } from './support.ts';

let assistant: Assistant;
beforeAll(async () => {
  ({ assistant } = await demoAssistant());
});

const NOW = Date.parse('2026-11-28T10:00:00+08:00');
const DAY = 86_400_000;
const top = async (...lines: string[]): Promise<string> => (await assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW })).drafts[0]?.text ?? '';
/** A woman who bought `sku` `days` ago. */
const bought = (sku: string, days: number) => ({ ...emptyProfile('wmCUST', NOW), gender: 2 as const, facts: [{ key: 'purchase', value: sku, at: NOW - days * DAY }] });
const topAfter = async (sku: string, days: number, ...lines: string[]): Promise<string> =>
  (await assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, profile: bought(sku, days) })).drafts[0]?.text ?? '';

describe('how long ago it was bought', () => {
  it('reads spans and months said, else the purchase on record', () => {
    expect(readPurchaseAge(['这马丁靴穿了不到一个月 鞋底就张嘴了'], [], NOW)).toBeLessThanOrEqual(30);
    expect(readPurchaseAge(['这才一个多月鞋头就开胶了'], [], NOW)).toBeGreaterThan(30);
    expect(readPurchaseAge(['上周买的裙子'], [], NOW)).toBeLessThanOrEqual(7);
    expect(readPurchaseAge(['十月中旬买的马丁靴'], [], NOW)).toBeGreaterThan(40);
    expect(readPurchaseAge(['十月中旬买的马丁靴'], [], NOW)).toBeLessThan(50);
    expect(readPurchaseAge(['鞋底开胶了'], [NOW - 40 * DAY, NOW - 90 * DAY], NOW)).toBe(40);
    expect(readPurchaseAge(['鞋底开胶了'], [], NOW)).toBeUndefined();
  });
});

describe('a defect inside or past the 30 days', () => {
  it('offers the exchange for boots coming apart within a month, without a repair charge', async () => {
    const text = await top('顾客: 我跟你说 这马丁靴穿了不到一个月 鞋底就张嘴了 咋整');
    expect(text).toMatch(/^非常抱歉/u);
    expect(text).toMatch(/30天包换/u);
    expect(text).not.toMatch(/按项目收费/u);
  });

  it('says the 30 days are past and offers the repair for boots bought six weeks ago', async () => {
    const text = await top('顾客: 十月中旬买的马丁靴 这才一个多月鞋头就开胶了 能换吗');
    expect(text).toMatch(/已经过了质量问题30天包换的时间/u);
    expect(text).toMatch(/修补/u);
    const profile = { ...emptyProfile('wmCUST', NOW), gender: 2 as const, facts: [{ key: 'purchase', value: 'AP-1008', at: NOW - 60 * DAY }] };
    const coat = (await assistant.suggest({ conversation: chat('顾客: 羽绒服拉链坏了 拉不上'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, profile })).drafts[0]?.text ?? '';
    expect(coat).toMatch(/已经过了质量问题30天包换的时间/u);
    expect(coat).toMatch(/换拉链/u);
  });

  it('mends clothes with the clothes terms, not the shoe-repair menu', async () => {
    const cardigan = await top('顾客: 我在你们这买的那件羊毛V领开衫 袖口那里开线了 不太想退 能不能帮我修一下');
    expect(cardigan).toMatch(/缝补/u);
    expect(cardigan).not.toMatch(/鞋跟|前掌/u);
    expect(await top('顾客: 我买的那件衬衫扣子掉了一颗 能帮我钉一下吗')).toMatch(/钉扣/u);
  });
});

describe('a parcel signed for that never came', () => {
  it('says where to look and what happens next, first', async () => {
    const assistantTop = await top('顾客: 咋回事啊 物流显示签收了我压根没收着 你们这快递咋整的');
    expect(assistantTop).toMatch(/^非常抱歉/u);
    expect(assistantTop).toMatch(/快递柜|驿站/u);
    expect(assistantTop).toMatch(/补发/u);
  });
});

describe('complaints told in everyday words', () => {
  it('hears a wrong colour told as 拆开是驼色的 and offers the exchange', async () => {
    const text = await top('顾客: 买的黑色毛衣 拆开是驼色的 我选的明明是黑色');
    expect(text).toMatch(/^非常抱歉/u);
    expect(text).toMatch(/发错货/u);
  });

  it('answers blisters from new shoes with care for the feet and the shoes, not a cream’s batch number', async () => {
    const s = await assistant.suggest({ conversation: chat('顾客: 新买的单鞋磨得脚后跟全是血泡'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.drafts[0]?.text).toMatch(/^非常抱歉/u);
    expect(s.drafts[0]?.text).toMatch(/撑/u);
    expect(s.drafts[0]?.text).not.toMatch(/批号/u);
    expect(s.tags.map((t) => t.tag).some((t) => /投诉|售后/u.test(t))).toBe(true);
  });

  it('hears a zip pull come off as a defect, with no product named', async () => {
    const s = await assistant.suggest({ conversation: chat('顾客: 托特包拉链头掉了 才用了一周'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.drafts[0]?.text).toMatch(/^非常抱歉/u);
    expect(s.drafts[0]?.text).toMatch(/30天包换/u);
  });

  it('answers a price cut after buying, said in anger, with the price-protection terms and no request to explain', async () => {
    const s = await assistant.suggest({ conversation: chat('顾客: 我上周买的大衣 今天就便宜了？当我冤大头是吧'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.drafts[0]?.text).toMatch(/^非常抱歉/u);
    expect(s.drafts[0]?.text).toMatch(/差价/u);
    expect(s.drafts[0]?.text).not.toMatch(/麻烦说一下具体情况|满1000减100/u);
  });
});

describe('the terms that fit the problem told', () => {
  it('treats a snapped lipstick as a defect, not as an opened cream that disagreed with the skin', async () => {
    const text = await top('顾客: 唇膏一转出来就折了 我才第一次用');
    expect(text).toMatch(/抱歉/u);
    expect(text).toMatch(/30天包换/u);
    expect(text).not.toMatch(/皮肤感到不适/u);
  });

  it('offers cleaning for silver gone grey, before any word on whether it is genuine', async () => {
    const text = await top('顾客: 银项链戴了三周 发乌了 你们这是真银吗');
    expect(text).toMatch(/氧化/u);
    expect(text).toMatch(/清洗/u);
  });

  it('answers a complaint about a clerk who ignored a size question without asking the size again', async () => {
    const text = await top('顾客: 今天去静安店 问了店员两遍尺码都不带搭理的 一直玩手机 什么服务态度');
    expect(text).toMatch(/抱歉/u);
    expect(text).not.toMatch(/身高、体重/u);
  });
});

describe('after-sales asks that carry on from what was bought', () => {
  const topFor = (sku: string, ...lines: string[]): Promise<string> => topAfter(sku, 3, ...lines);

  it('says an opened perfume is outside the seven days, without selling another', async () => {
    const text = await topFor('BT-2053', '导购: 晚桂淡香精已经给您寄出了，顺丰单号稍后发您～', '顾客: 收到了 喷了两下 不太喜欢这个味儿 能退吗');
    expect(text).toMatch(/^不好意思/u);
    expect(text).toMatch(/拆封/u);
    expect(text).toMatch(/不支持七天无理由/u);
    expect(text).not.toMatch(/晚桂|¥/u);
  });

  it('keeps a stuck zip open when the customer asks whether it is an exchange or a refund', async () => {
    const text = await topFor('AP-1051', '顾客: 裙子收到了 拉链拉到一半卡住了', '导购: 不好意思给您添麻烦了，麻烦拍一下拉链的位置发我看看～', '顾客: [图片]', '顾客: 是换还是退 我周六当伴娘要穿的');
    expect(text).toMatch(/抱歉/u);
    expect(text).toMatch(/换/u);
    expect(text).not.toMatch(/¥/u);
  });

  it('names what use did to it in the apology', async () => {
    const text = await topFor('AP-1023', '顾客: 你们这个羊绒衫咋个洗一水就缩了嘛 穿都穿不进去了');
    expect(text).toMatch(/^非常抱歉，羊绒衫洗一水就缩了/u);
    expect(text).toMatch(/拍照/u);
  });
});

describe('the next step of an after-sales ask, answered', () => {
  const topFor = (sku: string, ...lines: string[]): Promise<string> => topAfter(sku, 6, ...lines);

  it('says when a refund arrives to someone waiting on it', async () => {
    const text = await topFor('AP-1046', '顾客: 裙子寄回去都五天了 退款到底啥时候能到账啊 等得着急死了');
    expect(text).toMatch(/^非常抱歉/u);
    expect(text).toMatch(/1-3个工作日/u);
  });

  it('tells a shoe with something poking through to go back at our cost, not to be broken in', async () => {
    const text = await topFor('SH-3016', '顾客: 跑鞋鞋垫那块硌脚 里面好像有个什么东西凸出来了', '导购: 抱歉！方便拍一下鞋垫和鞋里面凸起的位置吗？我帮您看看。', '顾客: [图片]', '顾客: 我要寄回去换的话是不是直接到付就行');
    expect(text).toMatch(/到付/u);
    expect(text).not.toMatch(/磨脚|撑一撑|¥/u);
  });

  it('answers what an alteration costs and how long it takes, once, for the trousers bought', async () => {
    const text = await topFor('AP-1060', '顾客: 上周在你们静安店买的阔腿裤 回家配平底鞋拖地了', '导购: 不好意思呀～门店买的裤装可以改裤长，您方便的时候拿过来就行。', '顾客: 改要钱不 大概几天能拿');
    expect(text).toMatch(/免费/u);
    expect(text).toMatch(/3-5天/u);
    expect(text).not.toMatch(/鞋/u);
  });

  it('apologises first when a parcel signed for is not at the door either', async () => {
    const text = await topFor('AP-1024', '顾客: 开衫换的那件 物流显示昨天签收了 我家根本没人收到', '顾客: 门口也没有');
    expect(text).toMatch(/^非常抱歉/u);
    expect(text).toMatch(/驿站|快递柜/u);
  });
});

describe('a problem and what comes next, with the purchase on record', () => {
  const topFor = (sku: string, ...lines: string[]): Promise<string> => topAfter(sku, 20, ...lines);

  it('hears a clasp gone loose three weeks after buying as a defect inside the 30 days', async () => {
    const text = await topFor('AC-4002', '顾客: 你好 月牙包的扣子松了 老是自己弹开 买了差不多三个礼拜了 这个还能换吗');
    expect(text).toMatch(/^非常抱歉/u);
    expect(text).toMatch(/30天包换/u);
    expect(text).not.toMatch(/七天无理由/u);
  });

  it('gives both ways back once the photos are in: 到付 or the store', async () => {
    const text = await topFor('AP-1008', '顾客: 鹅绒服一直往外钻毛 黑色的毛衣上全是白毛 烦死了', '导购: 抱歉给您添麻烦了！麻烦拍一下钻绒的位置发我，我帮您确认～', '顾客: [图片][图片]', '顾客: 照片发你了 然后呢 寄回去还是我拿到店里');
    expect(text).toMatch(/到付/u);
    expect(text).toMatch(/门店/u);
  });

  it('says a gift sample goes back with the return', async () => {
    const text = await topFor('BT-2009', '顾客: 精华打开有股怪怪的味道 跟之前用的不一样 像放坏了 我想退掉', '导购: 抱歉给您添麻烦了！麻烦拍一下精华瓶身和批号发我，我帮您核实～', '顾客: 好 那个送的小样我拆了用了一点 也要一起寄回去吗');
    expect(text).toMatch(/一并退回/u);
  });

  it('answers a stock question beside a complaint without naming or pitching the product', async () => {
    const suggestion = await assistant.suggest({ conversation: chat('顾客: 牛仔裤穿了两周膝盖那块就鼓包了 说实话有点失望 另外之前看的那个垂感阔腿裤还有黑色S吗'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, profile: bought('AP-1061', 20) });
    const text = suggestion.drafts[0]?.text ?? '';
    expect(text).toMatch(/^非常抱歉，牛仔裤鼓包了/u);
    expect(text).toMatch(/黑色S码是有的/u);
    expect(text).not.toMatch(/垂感阔腿裤|¥/u);
    expect(suggestion.drafts[0]?.skus ?? []).toEqual([]);
  });
});

describe('what the policy excludes, said before anything is promised', () => {
  it('tells an engraved ring that it is made to order, and looks into the size instead', async () => {
    const text = await topAfter('AC-4042', 20, '顾客: 戒指小了一点戴着勒 当时刻了字母的', '导购: 不好意思呀～是哪根手指戴着勒呢？', '顾客: 无名指 能换个大一号的吗');
    expect(text).toMatch(/个性化定制/u);
    expect(text).toMatch(/调整/u);
    expect(text).not.toMatch(/七天内.*都可以七天无理由退换/u);
  });

  it('says opened intimate wear is outside the seven days, and never calls it worn', async () => {
    const text = await topAfter('AP-1077', 3, '顾客: 内衣套装买小了 我拆开试了一下 没穿出去 能换个大一码吗');
    expect(text).toMatch(/贴身衣物/u);
    expect(text).not.toMatch(/穿过的就不能/u);
  });

  it('offers the exchange for a snag inside the 30 days when asked repair or exchange', async () => {
    const text = await topAfter('AC-4022', 20, '顾客: 丝巾', '顾客: 才戴了两回就勾丝了 一根线拉出来老长 这个能修吗 还是只能换');
    expect(text).toMatch(/^非常抱歉/u);
    expect(text).toMatch(/30天包换/u);
    expect(text).not.toMatch(/七天无理由/u);
  });
});

describe('their own purchase, liked and looked after', () => {
  it('gives the leather care for rain spots on a tote they love, with no apology', async () => {
    const text = await topAfter('AC-4001', 20, '顾客: 之前买的托特包 昨天下雨淋了几滴 有几个水印 要怎么弄啊 超喜欢这个包 别给我整坏了');
    expect(text).toMatch(/吸干/u);
    expect(text).not.toMatch(/抱歉|添麻烦/u);
  });

  it('orders the same loafers again in the colour and size asked', async () => {
    const text = await topAfter('SH-3001', 20, '导购: 孙小姐，云步软羊皮乐福鞋黑色37码穿着还舒服吗？', '顾客: 太舒服了！！穿着逛了一整天迪士尼 晚上脚一点都不疼 同事都让我推给她', '顾客: 我再要一双焦糖色的 还是37');
    expect(text).toMatch(/焦糖色37码/u);
    expect(text).not.toMatch(/抱歉|添麻烦/u);
  });
});
