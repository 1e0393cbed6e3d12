/**
 * Questions about something the customer already has: a scratch their cat made, pilling on a coat from
 * another shop, leather darkening with use, a wish for new shoes said as "别磨脚就行", the same shoes again
 * for a sister. Each is answered about the thing itself, not with products like it or an apology.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { askAfterPurchase, demoAssistant } from './support.ts';

let assistant: Assistant;
beforeAll(async () => {
  ({ assistant } = await demoAssistant());
});

const ask = askAfterPurchase(() => assistant);
const top = async (sku: string | undefined, ...lines: string[]): Promise<string> => (await ask(sku, ...lines)).drafts[0]?.text ?? '';

describe('questions about what the customer already has', () => {
  it('answers care and repair for a mishap of their own or a coat bought elsewhere, not with bags or coats to buy', async () => {
    const scratched = await ask(undefined, '顾客: 哭了 我家猫把月牙包抓了几道印子 是我自己没放好 这种还能补救吗');
    expect(scratched.drafts[0]?.text).toMatch(/报价|补色/u);
    expect(scratched.drafts[0]?.skus ?? []).toEqual([]);
    expect(await top(undefined, '顾客: 我在别家买的羊绒大衣起球了 不是你们家的哈 想问下你们店能帮忙去球吗 或者有啥办法')).toMatch(/起球器|小剪刀/u);
  });

  it('says leather darkening with use is normal, from the FAQ', async () => {
    const darker = await ask('AC-4011', '顾客: 半月包背了三个礼拜 颜色比买的时候深了一点 这是正常的吧 我还挺喜欢这个变化的');
    expect(darker.drafts[0]?.text).toMatch(/正常/u);
    expect(darker.tags.some((t) => /投诉/u.test(t.tag))).toBe(false);
  });

  it('hears "别磨脚就行" as what new shoes must do, and an oily-skin eye cream asked for as a request', async () => {
    const shoes = await ask(undefined, '顾客: 想要双上班穿的平底鞋 我一站一整天', '导购: 好的～平时穿几码？颜色有要求吗？', '顾客: 37 黑色 别磨脚就行');
    expect(shoes.drafts[0]?.text).not.toMatch(/抱歉/u);
    expect(shoes.drafts.slice(0, 3).some((d) => d.skus.length > 0)).toBe(true);
    expect(shoes.tags.some((t) => /投诉|售后/u.test(t.tag))).toBe(false);
    expect(await top(undefined, '顾客: 我大油皮 眼周也爱出油 有适合的眼霜吗')).toMatch(/没有|暂无|暂时/u);
  });

  it('offers the shoes bought again when a sister wants the same pair', async () => {
    const again = await ask('SH-3002', '顾客: 这鞋穿上贼拉舒服 害得我姐天天惦记 非让我给她也整一双 38的有不');
    expect(again.drafts.slice(0, 3).some((d) => d.skus.includes('SH-3002'))).toBe(true);
  });
});

describe('what the customer wears or owns, told as context', () => {
  it('keeps the belt asked for when the trousers he wears are mentioned', async () => {
    const s = await ask(undefined, '顾客: 男朋友下周生日 想送条皮带', '导购: 好呀～他平时穿正装多还是休闲多？', '顾客: 上班穿西裤 喜欢黑的', '导购: 好的，预算大概多少呢？', '顾客: 五百左右吧 别太贵 不然他又说我乱花钱');
    expect(s.drafts[0]?.text).toMatch(/腰带/u);
    expect(s.drafts[0]?.text).not.toMatch(/西裤/u);
  });

  it('says no white scarf is there when the coat it goes with is mentioned, and any wool will do', async () => {
    const text = await top(undefined, '顾客: 有没有白色的围巾', '导购: 您想要羊绒的还是羊毛的呢？', '顾客: 羊绒羊毛都行 一定要白色 配我那件黑大衣');
    expect(text).toMatch(/围巾里暂时没有白色/u);
  });

  it('asks for the cardigan, not the trousers it must go with, when both are named together', async () => {
    const s = await ask(undefined, '顾客: 秋装上新了吗 想要件开衫配我那条黑色阔腿裤', '导购: 上新了～您穿什么码？喜欢什么颜色？', '顾客: M码 六百以内 先要米白吧');
    expect(s.drafts.slice(0, 3).some((d) => /开衫/u.test(d.text) && d.skus.length > 0)).toBe(true);
    expect(s.drafts[0]?.text).not.toMatch(/阔腿裤/u);
  });

  it('offers the one cardigan bought again for a sister in her size', async () => {
    const s = await ask('AP-1024', '导购: 新的开衫已经给您寄出了，顺丰单号发您短信了～', '顾客: 收到啦', '顾客: 新的这件没毛病了 谢谢哈 顺便想给我妹也买一件 她穿S 米白的还有吗');
    expect(s.drafts[0]?.skus).toContain('AP-1024');
  });
});

describe('needs told with a past or a reason', () => {
  it('hears "想换双跑鞋" as a new pair wanted, and "想换个码" as an exchange', async () => {
    const run = await ask(undefined, '顾客: 想换双跑鞋 43码 六百左右 脚背高 平时穿别的牌子老压脚');
    expect(run.drafts[0]?.skus.length ?? 0).toBeGreaterThan(0);
    expect(run.drafts[0]?.text).not.toMatch(/添麻烦|抱歉/u);
    const exchange = await ask('AP-1061', '顾客: 想换个码 牛仔裤买大了 还没穿 吊牌都在');
    expect(exchange.drafts[0]?.skus ?? []).toEqual([]);
  });

  it('takes an allergy to cheap metal as a need for the gift, and 香香的东西 as fragrance', async () => {
    const jewel = await ask(undefined, '顾客: 想给女朋友买个首饰 五百到八百 她耳朵对便宜的金属过敏');
    expect(jewel.drafts[0]?.text).not.toMatch(/抱歉/u);
    expect(jewel.drafts[0]?.skus.length ?? 0).toBeGreaterThan(0);
    expect(await top(undefined, '顾客: 舍友下周过生 想送个小礼物三百块以内 女生 平时就爱香香的东西')).toMatch(/两款香氛/u);
  });
});
