/**
 * Words of complaint that are not complaints: praise in negative words, a gift bought elsewhere, a fear or
 * a hypothetical, a thing worn out after years, a scare that turned out fine, an accident of their own. Each
 * gets the answer to what was asked, with no apology for a fault that is not there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { askAfterPurchase, demoAssistant } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(async () => {
  ({ kb, assistant } = await demoAssistant());
});

const ask = askAfterPurchase(() => assistant);
const complaintTag = (s: Suggestion): boolean => s.tags.some((t) => /投诉/u.test(t.tag));
const top = (s: Suggestion): string => s.drafts[0]?.text ?? '';

describe('complaint words that are not complaints', () => {
  it('takes praise in negative words with a reorder as a reorder', async () => {
    const s = await ask('AP-1031', '顾客: 你们家这T恤便宜得离谱 料子还厚实 洗了几次也没变形 再给我来两件白的 L码');
    expect(complaintTag(s)).toBe(false);
    expect(top(s)).not.toMatch(/抱歉/u);
  });

  it('answers a silver bracelet from a friend, not bought here, with the cleaning and no pitch', async () => {
    const s = await ask(undefined, '顾客: 朋友送的一条银手链 不是你们家的 戴久了发黑 你们店里能帮忙洗一下吗 收费也行');
    expect(top(s)).toMatch(/清洗/u);
    expect(s.drafts[0]?.skus ?? []).toHaveLength(0);
  });

  it('answers a hypothetical return with the seven days and who pays, and a feared fault with the 30 days', async () => {
    const ret = top(await ask(undefined, '顾客: 我在外地 去不了店里 要是寄过来穿着不合适 能退吗 运费谁出'));
    expect(ret).toMatch(/7天/u);
    const postage = (await ask(undefined, '顾客: 我在外地 去不了店里 要是寄过来穿着不合适 能退吗 运费谁出')).drafts.slice(0, 3).map((d) => d.text).join('\n');
    expect(postage).toMatch(/承担/u);
    const fault = await ask(undefined, '顾客: 那件经典双排扣风衣还有卡其M吗', '导购: 有的～卡其色M码两家门店都有货', '顾客: 好 就是怕穿几次开线 之前别家买的就这样 万一开线了咋整');
    expect(top(fault)).toMatch(/^放心，[\s\S]*30天包换/u);
    expect(complaintTag(fault)).toBe(false);
  });

  it('answers shoes worn through after three years with the same pair, not an apology', async () => {
    const s = await ask(undefined, '顾客: 三年前在你们家买的那双乐福鞋 穿到鞋底都磨穿了 真的太好穿了 还有一样的吗 38码');
    expect(complaintTag(s)).toBe(false);
    expect(top(s)).toMatch(/乐福鞋[\s\S]*38码/u);
  });

  it('answers a scare that is how the product works, and an accident of their own, without apologising for a fault', async () => {
    const scare = await ask('BT-2005', '顾客: 眼唇卸妆液瓶子里分成上下两层了 我以为坏了 这正常吗');
    expect(complaintTag(scare)).toBe(false);
    expect(top(scare)).toMatch(/摇匀/u);
    const dropped = await ask('BT-2030', '顾客: 上次买的口红被我自己手滑摔地上 断成两截了 哭', '导购: 哎呀心疼，没伤到手吧？', '顾客: 没事 怪我自己 番茄红那个色还有货吗 再买一支');
    expect(complaintTag(dropped)).toBe(false);
    expect(top(dropped)).toMatch(/番茄红/u);
    const shrunk = top(await ask('AP-1028', '顾客: 哭了 我自己没看洗标 把那件高领羊毛打底直接扔洗衣机了 缩成童装了 以后羊毛的到底要咋洗啊'));
    expect(shrunk).toMatch(/手洗[\s\S]*30℃/u);
    expect(shrunk).not.toMatch(/童装和儿童鞋/u);
    expect(kb.products.some((p) => p.sku === 'AP-1028')).toBe(true);
  });
});
