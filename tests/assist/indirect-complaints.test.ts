/**
 * Complaints as customers really put them, never saying 投诉 or 质量: what happened to them or a relative,
 * a thing that squeaks or marks the skin, a shade unlike the label, being passed from phone to phone.
 * Each is tagged and answered with an apology first and no product pitched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { askAfterPurchase, demoAssistant } from './support.ts';

let assistant: Assistant;
beforeAll(async () => {
  ({ assistant } = await demoAssistant());
});

const ask = askAfterPurchase(() => assistant);
/** What a guide would have to fix: no complaint tag, no apology first, a product pitched. */
const faults = (s: Suggestion): string[] => [
  ...(s.tags.some((t) => /投诉|售后/u.test(t.tag)) ? [] : ['untagged']),
  ...(/^(?:您好，)?(?:非常抱歉|真的很抱歉|不好意思|实在抱歉)/u.test(s.drafts[0]?.text ?? '') ? [] : [`no apology: ${s.drafts[0]?.text ?? ''}`]),
  ...((s.drafts[0]?.skus ?? []).length === 0 ? [] : ['a product pitched']),
];

describe('complaints that never say so', () => {
  it('hears what the wearing did: blood at the heel, a black ring on the neck, pearls falling off', async () => {
    expect(faults(await ask('SH-3021', '顾客: 周六穿去当伴娘 穿了一天脚后跟全是血 今天走路还一瘸一拐的'))).toEqual([]);
    expect(faults(await ask('AC-4037', '顾客: 锁骨链戴了一个多礼拜 脖子上一圈黑印子 洗都洗不掉'))).toEqual([]);
    expect(faults(await ask('AC-4036', '顾客: 我早排喺你哋度买嗰条珍珠项链 啱啱发现甩咗两粒珠 条线都松晒'))).toEqual([]);
  });

  it('hears a clerk who left them waiting, an eye on a mother dressed plainly, and being passed between phones', async () => {
    expect(faults(await ask(undefined, '顾客: 站了快十分钟没人过来 问了一句 说你自己先看看 算了 不说了'))).toEqual([]);
    expect(faults(await ask(undefined, '顾客: 我妈前天去湖滨店 回来跟我说 你们店员看她穿得普通 问价格的时候那个眼神'))).toEqual([]);
    expect(faults(await ask(undefined, '顾客: 打客服电话听了二十分钟音乐 又说找门店 门店电话又没人接 你们这皮球踢得挺溜啊'))).toEqual([]);
  });

  it('hears shoes that squeak, plating that flakes, a shade unlike the label and a lid that leaks', async () => {
    expect(faults(await ask('SH-3002', '顾客: 这鞋走一步吱一声 开会的时候一屋人都看我'))).toEqual([]);
    expect(faults(await ask('AC-4040', '顾客: 几何耳环上的金色一块一块往下掉 露出来黑黑的 才戴了几回'))).toEqual([]);
    expect(faults(await ask('BT-2033', '顾客: 我买的象牙白 挤出来咋是黄的 比我脖子深两个度 是不是装错了'))).toEqual([]);
    expect(faults(await ask('BT-2032', '顾客: 唇釉盖子拧不紧 放包里全漏出来了 新包啊'))).toEqual([]);
  });

  it('hears the same wrong size again, a Cantonese rash, a parcel never moving, specks in a serum and uneven hems after an alteration', async () => {
    expect(faults(await ask('SH-3012', '顾客: 换的那双到了', '导购: 好的～这次38码穿着合适吗？', '顾客: 合适啥呀 打开又是37 盒子标签写的38 里面鞋是37 折腾两回了'))).toEqual([]);
    expect(faults(await ask('BT-2008', '顾客: 你哋支保湿霜搽完块面又红又痕 今朝起身仲有啲肿 点算啊'))).toEqual([]);
    expect(faults(await ask(undefined, '导购: 换的M码今天给您发出，单号稍后发您～', '顾客: 你讲咗一个礼拜前就寄 到而家物流都冇更新过 係咪根本冇寄啊'))).toEqual([]);
    const specks = await ask('BT-2015', '顾客: 精华滴管里有个黑点 瓶口那一圈也有黑渣渣 到底还能不能用啊');
    expect(faults(specks)).toEqual([]);
    expect(specks.drafts[0]?.text).toMatch(/先别用/u);
    expect(specks.drafts[0]?.text).not.toMatch(/黑渣了/u);
    expect(faults(await ask('AP-1062', '导购: 九分西装裤的裤长改好了，今天下午可以来店里取哦。', '顾客: 取回来了 一条腿长一条腿短 差了快一厘米'))).toEqual([]);
  });

  it('hears marks left after drying and a gift sent bare, and leaves a what-if about an untouched tag alone', async () => {
    expect(faults(await ask('AP-1006', '顾客: 那个织物喷雾 我隔了三十厘米喷的大衣 干了以后留了好几个圈圈印子'))).toEqual([]);
    expect(faults(await ask(undefined, '顾客: 让你们包成礼盒直接寄给我朋友 我特意备注了是生日礼物 她收到就一个快递袋 连张卡片都没有 我脸都丢尽了'))).toEqual([]);
    const whatIf = await ask(undefined, '顾客: 想买条丝巾送人 万一她不喜欢 吊牌没拆的话能退吗');
    expect(whatIf.tags.some((t) => /投诉/u.test(t.tag))).toBe(false);
    expect(whatIf.drafts[0]?.text).toMatch(/7天|七天/u);
    expect(whatIf.drafts[0]?.text).not.toMatch(/抱歉/u);
  });
});

