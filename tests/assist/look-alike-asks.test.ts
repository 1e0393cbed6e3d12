/**
 * Words that look like another ask, read as what they are: an ok with a wider budget, a pregnancy with flat
 * shoes, 换成平底的, a product named by the end of its name, 想换个面霜 with a budget, clothes ruled out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { checkDraft } from '../../src/assist/guardrails/check-draft.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { readMadeOf } from '../../src/assist/dialogue/read-made-of.ts';
import { askDemo, demoAssistant } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(async () => {
  ({ kb, assistant } = await demoAssistant());
});

const { suggest, top } = askDemo(() => assistant);
describe('words that look like another ask', () => {
  it('reads 预算加到四千左右ok的 as a wider budget, not a goodbye, and 怀孕 with flat shoes as no health question', async () => {
    const necklace = await suggest('顾客: 明年结婚 想买条项链 婚礼当天戴 预算三千', '导购: 三千以内可以看看18K金锁骨链1680元，或者淡水珍珠项链899元。', '顾客: 想要带钻的 一辈子就一次 预算加到四千左右ok的');
    expect(necklace.drafts[0]?.text).toMatch(/钻石吊坠项链/u);
    expect(necklace.drafts[0]?.text).not.toMatch(/不客气/u);
    const shoes = await top('顾客: 怀孕五个月了脚有点肿 想买双平底的 好穿脱的', '导购: 恭喜呀～平时穿几码呢？', '顾客: 以前37 现在肿了估计要38了');
    expect(shoes).toMatch(/38码/u);
    expect(shoes).not.toMatch(/医生|皮肤科/u);
    expect(await top('导购: 晚桂淡香精880元50ml，桂花混着一点焚香和木质。', '顾客: 我怀孕四个月 喷香水没事吧')).toMatch(/医生/u);
    const flats = await suggest('顾客: 下周去参加朋友婚礼 想买双鞋配裙子 37码', '导购: 可以看看尖头细跟高跟鞋899元，7cm细跟。', '顾客: 算了跟太高我驾驭不了 换成平底的吧 还是要好看点的');
    for (const sku of flats.drafts[0]?.skus ?? []) expect(kb.products.find((p) => p.sku === sku)?.subcategory).not.toBe('高跟鞋');
    expect(flats.drafts[0]?.text).not.toMatch(/七天无理由|退换/u);
    expect(flats.drafts[0]?.skus?.length).toBeGreaterThan(0);
  });

  it('answers a price and a material asked of a product named by the end of its name, in Cantonese', async () => {
    const text = await top('顾客: 唔该 啲珍珠耳钉几钱 係咪真珍珠嚟㗎');
    expect(text).toMatch(/925银淡水珍珠耳钉是¥299[\s\S]*材质是925银 淡水珍珠/u);
  });

  it('reads 想换个面霜 三百以内 after a skin worry as a request, and a gift for a teacher with clothes ruled out', async () => {
    const cream = await suggest('顾客: 最近换季脸上老是泛红发痒', '导购: 换季皮肤确实容易不稳定～您平时是敏感肌吗？', '顾客: 对 敏感肌 想换个面霜 三百以内');
    expect(cream.drafts[0]?.text).toMatch(/安肌舒缓霜/u);
    expect(cream.tags.map((t) => t.tag)).not.toContain('客户状态/投诉');
    const gift = await suggest('顾客: 孩子班主任要退休了 几个家长想一起送个礼物', '导购: 好的～老师是男老师还是女老师？预算大概多少？', '顾客: 女老师 五十多岁 三四百块吧 衣服就算了 尺码不好拿');
    const picks = (gift.drafts[0]?.skus ?? []).map((sku) => kb.products.find((p) => p.sku === sku));
    expect(picks.length).toBeGreaterThan(0);
    for (const p of picks) expect(p?.category).not.toBe('服装');
    expect(gift.drafts[0]?.text).not.toMatch(/身高|尺码表/u);
  });

  it('takes 围巾披肩都行 as either kind, 她不爱红色 as a colour turned down, and a time settled on as said back', async () => {
    const gift = await suggest('顾客: 给婆婆买个保暖的 围巾披肩都行', '导购: 好的～预算大概多少？婆婆平时喜欢什么颜色呢？', '顾客: 一千五以内 她不爱红色 说老气');
    const picks = (gift.drafts[0]?.skus ?? []).map((sku) => kb.products.find((p) => p.sku === sku));
    expect(picks.some((p) => p?.subcategory === '围巾' && p.price <= 1500)).toBe(true);
    expect(gift.drafts[0]?.text).not.toMatch(/暂时没有/u);
    expect(await top('导购: 我帮您把大衣的M码备好，预留好试衣间，周六下午见。', '顾客: 好嘞 那就周六三点 拜拜')).toMatch(/周六三点/u);
  });

  it('answers what a set holds, another customer’s number as private, a price cut after buying, and arrival before a trip', async () => {
    expect(await top('导购: 可以看看香水旅行套装299元，送礼也合适。', '顾客: 里面有几瓶啊 每瓶多大')).toMatch(/5×5ml|5ml/u);
    const phone = await suggest('顾客: 上周跟我一起来试大衣的那个王姐 你把她手机号给我呗 我俩走散了没留');
    expect(phone.drafts[0]?.text).toMatch(/隐私/u);
    expect(phone.drafts[0]?.skus ?? []).toEqual([]);
    expect(await top('顾客: 我前天在店里买的羊绒围巾 今天看小程序便宜了 咋回事')).toMatch(/差价/u);
    expect(await top('顾客: 我下礼拜二就出发去北京了 今天下午付款 能在那之前寄到上海家里吗')).toMatch(/次日/u);
  });

  it('works out a member price and points said as 分, with nothing the guardrails hold back, and reads kinds typed by sound', async () => {
    const member = (await suggest('导购: 羊绒圆领毛衣1680元，燕麦色、黑色。', '顾客: 羊绒圆领毛衣 我是金卡 打完折多少钱')).drafts[0];
    expect(member?.text).toMatch(/折后是¥1596/u);
    expect(member?.flags).toEqual([]);
    expect(checkDraft(kb, '羊绒圆领毛衣是¥1680，金卡及以上会员95折，折后是¥1500。').flags.map((f) => f.rule)).toEqual(['price']);
    const points = (await suggest('顾客: 积分能抵钱吗 我有8000分 能抵多少')).drafts[0];
    expect(points?.text).toMatch(/8000积分可以抵80元/u);
    expect(points?.flags).toEqual([]);
    expect(await top('顾客: 想买条连衣群 日常穿的 三百以内就行')).toMatch(/连衣裙/u);
  });

  it('compares two named pieces on warmth, and answers both points asks, expiry then worth', async () => {
    const warm = await top('顾客: 轻薄短款羽绒服跟过膝长款鹅绒服 去北京过年 哪个暖和');
    expect(warm).toMatch(/过膝长款鹅绒服填充的是90%白鹅绒，更保暖/u);
    expect(await top('顾客: 我积分是不是快过期了 能抵多少钱啊')).toMatch(/12月31日[\s\S]*100积分抵1元/u);
  });

  it('says honestly whether the piece in view is warm enough for the cold named, and names the warmer one when not', async () => {
    const light = (await suggest('顾客: 就是那个 呃 轻薄短款羽绒服啊 零下十几度 够不够啊 我要去长春出差嘛')).drafts[0];
    expect(light?.text).toMatch(/不太够[\s\S]*过膝长款鹅绒服/u);
    expect(light?.flags).toEqual([]);
    expect(await top('导购: 过膝长款鹅绒服2599元，填充90%白鹅绒。', '顾客: 去哈尔滨穿这个够不够')).toMatch(/加件毛衣/u);
  });

  it('answers what a gift set holds before its price, and a ring’s sizes before how to measure', async () => {
    expect(await top('顾客: 晚桂那个香水身体乳礼盒 里面都有啥 多少钱')).toMatch(/淡香精50ml\+身体乳200ml[\s\S]*¥899/u);
    expect(await top('顾客: 素圈戒指有哪些号 我不知道自己戴几号咋整')).toMatch(/7-15号[\s\S]*绕一圈/u);
  });

  it('answers 有没有证书的 from what comes with the piece, and reads 玫瑰金的 as a colour, not the metal', async () => {
    expect(await top('顾客: 那个钻石吊坠的项链多少钱 有没有证书的')).toMatch(/¥3999[\s\S]*附鉴定证书/u);
    expect(readMadeOf('有没有玫瑰金的').material).toBeUndefined();
    expect(readMadeOf('要金的').material?.value).toBe('金');
  });
});
