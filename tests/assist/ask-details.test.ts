/**
 * The detail of an ask decides the answer: a free gift asked for is the offers, an accessory named to go with
 * a dress is that accessory, "能抵吗" before "能抵多少" is answered in that order, creased linen is its nature,
 * warmth asked with the kind a turn earlier still counts, and the measuring guide names no product.
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
});
