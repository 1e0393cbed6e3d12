/**
 * The detail of an ask decides the answer: a free gift asked for is the offers, an accessory named to go with
 * a dress is that accessory, "能抵吗" before "能抵多少" is answered in that order, creased linen is its nature,
 * warmth asked with the kind a turn earlier still counts, the measuring guide names no product, a product
 * pointed at by the start of its name is the one asked about, and a suggestion turned down is no complaint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { askDemo, demoAssistant } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(async () => {
  ({ kb, assistant } = await demoAssistant());
});

const { suggest, top } = askDemo(() => assistant);
const subcategoryOf = (sku: string): string | undefined => kb.products.find((p) => p.sku === sku)?.subcategory;

describe('the detail of an ask', () => {
  it('answers 你送我个包呗 with the offers, not with bags to buy', async () => {
    const gift = await suggest('顾客: 我买两件大衣 你送我个包呗 别家都送');
    expect(gift.drafts[0]?.text).toMatch(/赠品[\s\S]*满1000减100/u);
    expect(gift.drafts[0]?.skus ?? []).toHaveLength(0);
    expect(await top('顾客: 买两件送个围巾呗')).toMatch(/赠品/u);
    // A gift for someone is still a request.
    expect(await top('顾客: 想送个礼物给我妈 预算五百')).not.toMatch(/赠品/u);
  });

  it('pairs the accessory named with a dress, necklace and earrings first', async () => {
    const paired = await suggest('顾客: 三醋酸小黑裙 配什么首饰好看 去年会穿');
    const skus = paired.drafts[0]?.skus ?? [];
    expect(skus.filter((sku) => subcategoryOf(sku) === '首饰').length).toBeGreaterThanOrEqual(2);
    expect(paired.drafts[0]?.text).toMatch(/珍珠(?:耳钉|项链)/u);
    expect(paired.drafts[0]?.text).not.toMatch(/胸针|开衫|斗篷/u);
  });

  it('says whether points pay before what 8000 of them are worth, and the sum alone when only that is asked', async () => {
    expect(await top('顾客: 积分能抵钱吗 我有8000分 能抵多少')).toMatch(/可以，100积分抵1元，您的8000积分可以抵80元/u);
    expect(await top('顾客: 我有两万积分能抵多少钱')).toMatch(/^您好，您的20000积分可以抵200元。规则是100积分抵1元/u);
  });

  it('tells creased linen is what linen does, with the apology first and the exchange kept open', async () => {
    const text = await top('顾客: 亚麻衬衫洗完皱得跟咸菜一样 是不是面料有问题啊');
    expect(text).toMatch(/^非常抱歉/u);
    expect(text).toMatch(/亚麻面料容易起褶皱，这是天然面料的特性[\s\S]*蒸汽/u);
    expect(text).toMatch(/30天包换/u);
  });

  it('keeps the warmth asked with the kind when the size and budget come a turn later', async () => {
    const warm = await suggest('顾客: 妹子 我下个月回哈尔滨 整件贼暖和的外套呗', '导购: 好嘞～您平时穿什么码？预算大概多少呢？', '顾客: 俺穿L 别整太贵 一千来块就行');
    const kinds = (warm.drafts[0]?.skus ?? []).map(subcategoryOf);
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(['羽绒服', '棉服', '大衣']).toContain(kind);
  });

  it('sends how to measure for clothes without a product card beside it', async () => {
    const how = await suggest('顾客: 我想网上买衣服 但是不知道自己穿啥码 怎么量啊');
    expect(how.drafts[0]?.text).toMatch(/胸围[\s\S]*腰围[\s\S]*臀围/u);
    expect(how.drafts[0]?.skus ?? []).toHaveLength(0);
  });

  it('answers 降级了积分会不会清零 with the level rule, not with 没怎么买 read as how to buy', async () => {
    const text = await top('顾客: 我今年没怎么买 会员要是降级了 积分会不会清零啊');
    expect(text).toMatch(/积分不会因为等级调整而清零/u);
    expect(text).not.toMatch(/试用台/u);
  });

  it('answers whether a store has the boots named as a stock question, before the visit', async () => {
    const text = await top('顾客: 杭州店有粗跟切尔西靴吗 37黑色 我下午想过去试');
    expect(text).toMatch(/^您好，粗跟切尔西靴有黑色37码的/u);
    expect(await top('顾客: 最近店里有啥活动没')).toMatch(/满1000减100/u);
  });

  it('tells the price of the one named before the cheaper ones asked with it', async () => {
    const text = await top('顾客: 安肌舒缓洁面乳多少钱 有没有更便宜的敏感肌也能用的 一百以内');
    expect(text).toMatch(/安肌舒缓洁面乳是¥119[\s\S]*另外，[\s\S]*暂时没有/u);
  });

  it('reads 那套真丝睡衣 as the product pointed at, and 我有好多真丝睡衣 as nothing in view', async () => {
    const pyjamas = await suggest('顾客: 想给婆婆买那套真丝睡衣 有XL吗 能包成礼盒吗 要加钱不');
    expect(pyjamas.drafts[0]?.text).toMatch(/真丝睡衣套装没有XL码，这款只有S\/M\/L码[\s\S]*礼盒[\s\S]*不额外收费/u);
    const owned = await suggest('顾客: 我有好多真丝睡衣 平时怎么洗');
    expect(owned.drafts[0]?.skus ?? []).not.toContain(kb.products.find((p) => p.name === '真丝睡衣套装')?.sku);
  });

  it('reads 买双跑步穿的 as running shoes for him in 43 around 700', async () => {
    const shoes = await suggest('顾客: 我老公最近开始夜跑 想给他买双跑步穿的', '导购: 好呀～他平时穿多大码？预算大概多少呢？', '顾客: 43的 七百左右吧');
    expect(shoes.drafts[0]?.text).toMatch(/男士缓震跑步鞋（¥699，有43码/u);
  });

  it('takes a cream turned down for what it did once as a request for another, not a complaint', async () => {
    const other = await suggest('顾客: 求推荐适合干皮的面霜', '导购: 干皮可以看看沁润滋养面霜358元，质地偏厚的滋润型，适合秋冬；或者晨露保湿霜268元，是柔软的乳霜质地。', '顾客: 沁润那个我以前用过 太厚了 闷得长闭口 换个别的');
    expect(other.tags.map((t) => t.tag).some((t) => /投诉|售后/u.test(t))).toBe(false);
    expect(other.drafts[0]?.text).toMatch(/晨露保湿霜|安肌舒缓霜/u);
    for (const draft of other.drafts.slice(0, 3)) expect(draft.text).not.toMatch(/沁润滋养面霜/u);
  });

  it('keeps a flat and a colour asked after heels, and says honestly none is flat in champagne', async () => {
    const text = await top('顾客: 伴娘穿的鞋 要香槟色', '导购: 香槟色的有一字扣高跟凉鞋799元，脚踝一字扣比较稳，跟高8cm；缎面珍珠婚鞋1299元，跟高也是8cm。', '顾客: 8厘米站一天要命 有没有平一点的 还要香槟色');
    expect(text).toMatch(/暂时没有香槟色/u);
    expect(text).not.toMatch(/一字扣高跟凉鞋有香槟色/u);
  });

  it('picks flats for wide feet that pointed toes hurt, and a bag for what it must carry', async () => {
    const flats = await suggest('顾客: 那个小姑娘啊我想问一下就是有没有那种平底的鞋子啊我脚有点宽穿那种尖头的挤脚 三十九码的');
    const named = (flats.drafts[0]?.skus ?? []).map((sku) => kb.products.find((p) => p.sku === sku)?.name ?? '');
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(name).not.toMatch(/尖头|高跟/u);
    const bag = await suggest('顾客: 周末出去玩背的包 小一点 能装手机钥匙卡包就够了 一千以内');
    expect(bag.drafts[0]?.text).toMatch(/相机包/u);
    expect(bag.drafts[0]?.text).not.toMatch(/牛皮卡包/u);
  });

  it('tells the dispatch cut-off of the day, the range of a ring after how to measure, and the volume of a trial size', async () => {
    expect(await top('顾客: 就买一支润唇膏 包邮吗 今天下午能发出来不')).toMatch(/12元[\s\S]*16:00前付款的订单当天发出/u);
    expect(await top('顾客: 想给我俩买对戒指', '导购: 925银素圈戒指259元，可以叠戴，也适合情侣一起戴。', '顾客: 我不知道自己戴几号 咋量啊 还有我男朋友手指粗 最大有几号')).toMatch(/绕一圈[\s\S]*925银素圈戒指是国际码7-15号/u);
    expect(await top('顾客: 晨露面霜那个体验装是多大的 我想先试试')).toMatch(/容量是15g/u);
  });

  it('answers a discount asked with a threat to look elsewhere as bargaining, not a request for coats', async () => {
    const text = await top('顾客: 我在你们家买了好几年了 这次大衣打个八折呗 不然我去别家看看了');
    expect(text).toMatch(/满1000减100[\s\S]*95折/u);
    expect(text).not.toMatch(/给您挑了/u);
  });
});
