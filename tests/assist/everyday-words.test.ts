/**
 * What customers say in everyday words, read as a guide reads it, on the demo knowledge: a skin reaction
 * told after "用了三天了", an in-law named through the spouse (老公他妈), a whole budget (凑了两百块, 水乳
 * 加起来三四百), the size asked for beside the one that no longer fits, 合金 that is no gold, a listed
 * product picked by its price, another person's purchases, shipping asks, a repair after the 30 days,
 * a guarantee against dye, and how a product in view is used.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { buildDialogueState } from '../../src/assist/dialogue/build-dialogue-state.ts';
import type { DialogueState } from '../../src/assist/dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { emptyProfile } from '../../src/conversation/model.ts';
import type { CustomerProfile } from '../../src/conversation/model.ts';
import { chat, demoAssistant } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(async () => {
  ({ kb, assistant } = await demoAssistant());
});

const NOW = 1_700_000_100_000;
const boughtProfile = (sku: string): CustomerProfile => ({ ...emptyProfile('wmCUST', NOW), gender: 2, facts: [{ key: 'purchase', value: sku, at: NOW - 20 * 86_400_000 }] });

const suggest = (lines: string[], profile?: CustomerProfile): Promise<Suggestion> =>
  assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, ...(profile ? { profile } : {}) });
const stateOf = (...lines: string[]): DialogueState => buildDialogueState(kb, { conversation: chat(...lines), guideId: 'guide.lin', now: NOW });
const top = async (...lines: string[]): Promise<string> => (await suggest(lines)).drafts[0]?.text ?? '';

describe('everyday words', () => {
  it('reads a reaction told after what was used as a complaint, with the stop-and-see-a-doctor path first', async () => {
    const s = await suggest(['顾客: 那个面霜我用了三天了', '导购: 用着感觉怎么样呀？', '顾客: 脸上痒 还有点红 咋回事啊'], boughtProfile('BT-2011'));
    expect(s.tags.map((t) => t.tag).some((t) => /投诉|售后/u.test(t))).toBe(true);
    expect(s.drafts[0]?.text).toMatch(/^(?:您好，)?非常抱歉/u);
    expect(s.drafts[0]?.text).toMatch(/停用/u);
    expect(s.drafts[0]?.skus).toEqual([]);
  });

  it('names the in-law said through the spouse, and reads a whole budget as the ceiling', () => {
    const inLaw = stateOf('顾客: 老公他妈过生日 想送条丝巾 别太花哨 她比较朴素').slots.recipient?.value;
    expect(inLaw).toMatchObject({ who: '婆婆', gender: 'female', older: true });
    expect(stateOf('顾客: 同事生日 我们几个凑了两百块 买点啥好').slots.budget?.value).toMatchObject({ kind: 'max', hi: 200 });
    expect(stateOf('顾客: 油皮 水乳加起来三四百吧').slots.budget?.value).toMatchObject({ kind: 'max', hi: 400 });
  });

  it('takes the size asked for over the one that is tight, and says plainly when the product lacks it', async () => {
    expect(stateOf('顾客: 男士休闲西装有3XL的吗 我块头大 XXL穿着紧').slots.size?.value).toBe('XXXL');
    expect(await top('顾客: 男士休闲西装有3XL的吗 我块头大 XXL穿着紧')).toMatch(/没有XXXL码/u);
  });

  it('reads 合金 as no gold, and a listed product by its price', async () => {
    const earrings = stateOf('顾客: 想买对耳钉日常戴 500以内 我耳朵有点敏感 戴合金的会痒');
    expect(earrings.slots.material).toBeUndefined();
    expect(earrings.slots.colour).toBeUndefined();
    expect(await top('顾客: 想买对耳钉日常戴 500以内 我耳朵有点敏感 戴合金的会痒')).toMatch(/925银.*¥299/u);
    const trench = stateOf('顾客: 想看看风衣', '导购: 好的～推荐经典双排扣风衣1099元，卡其和黑色；也有防泼水连帽风衣599元，黑色和雾蓝，更休闲一些。', '顾客: 599那个有雾蓝m吗');
    expect(trench.slots.focus?.value.name).toBe('防泼水连帽风衣');
  });

  it('keeps another person’s purchases private, without a contact the guardrails hold back', async () => {
    const s = await suggest(['顾客: 帮我查下我朋友上周在你们店买的那件大衣多少钱 她叫王丽 手机尾号3321']);
    expect(s.drafts[0]?.text).toMatch(/隐私/u);
    expect(s.drafts[0]?.skus).toEqual([]);
    expect(s.drafts[0]?.flags).toEqual([]);
  });

  it('answers shipping asks: yes and how long, no promise of a day, and try at home within the seven days', async () => {
    const far = await top('顾客: 我在成都 能寄过来不 多久到');
    expect(far).toMatch(/可以寄/u);
    expect(far).toMatch(/2-3天/u);
    expect(far.indexOf('可以寄')).toBeLessThan(far.indexOf('2-3天'));
    expect(await top('顾客: 今天下单 明天一定能到北京吗 急用')).toMatch(/没法跟您保证.*2-3天/u);
    expect(await top('顾客: 能不能先寄过来试试 不合适再退')).toMatch(/7天|七天/u);
    // Picking up in store is not a delivery date.
    expect(await top('顾客: 可以到店自提吗 杭州那家')).toMatch(/自提/u);
  });

  it('answers a repair asked after the 30 days with the repair policy for the kind bought', async () => {
    const s = await suggest(['顾客: 之前买的腋下包 肩带的扣松了', '导购: 抱歉给您带来不便！包是什么时候收到的呀？方便拍张扣子的照片吗？', '顾客: 快两个月了 照片发你了 能修不'], boughtProfile('AC-4002'));
    expect(s.drafts[0]?.text).toMatch(/皮具.*报价/u);
  });

  it('declines a guarantee against dye but says how to wash it, and tells how a product in view is used', async () => {
    const dye = await top('顾客: 这个牛仔夹克保证不掉色吗 我怕染到里面的衣服');
    expect(dye).toMatch(/不能保证/u);
    expect(dye).toMatch(/冷水.*单独洗/u);
    const spray = await top('顾客: 想买点放家里的香氛 蜡烛之类的', '导购: 有的～晚桂香薰蜡烛269元，东方花香调；织物香氛喷雾159元，可以喷床品和窗帘。', '顾客: 第二个衣服上能喷吗');
    expect(spray).toMatch(/^(?:您好，)?织物香氛喷雾.*大衣上/u);
  });

  it('reads a worn-out thing replaced as a request, not an exchange', async () => {
    const s = await suggest(['顾客: 钱包用烂了 想换个短款的 黑色 男的用']);
    expect(s.drafts[0]?.text).toMatch(/牛皮短款钱包/u);
    expect(s.tags.map((t) => t.tag)).not.toContain('购买阶段/售后');
  });

  it('reads damage found on arrival as transit damage, and opens calm after-sales about a purchase with an apology', async () => {
    const cracked = await suggest(['顾客: 我买的那个晨露保湿三件套礼盒 今天收到的时候乳液那瓶盖子裂了 漏了好多出来 咋个处理嘛'], boughtProfile('BT-2010'));
    expect(cracked.drafts[0]?.text).toMatch(/^(?:您好，)?非常抱歉，收到就裂了.*拍.*补发或换货/u);
    expect(cracked.drafts[0]?.text).not.toContain('建议签收时');
    const refund = await suggest(['顾客: 你好 我退的那件大衣 门店说已经收到了 钱什么时候能退回来呀'], boughtProfile('AP-1001'));
    expect(refund.drafts[0]?.text).toMatch(/^(?:您好，)?不好意思给您添麻烦了！.*1-3个工作日/u);
    // A policy question before any purchase is answered plainly.
    expect(await top('顾客: 买了不合适能退吗')).not.toMatch(/添麻烦/u);
  });

  it('lists the other colours of what they bought, and says engraved goods are not returned', async () => {
    const more = await suggest(['导购: 小白鞋39码已经给您寄出了', '顾客: 妹子 上次那双小白鞋穿着老得劲了', '顾客: 还有没有别的色儿啊 想再整一双换着穿 还是39'], boughtProfile('SH-3013'));
    expect(more.drafts[0]?.text).toMatch(/除了白色，还有白绿/u);
    const engraved = await top('顾客: 牛皮长款钱包酒红好看 不过想问下压了字母之后要是不喜欢还能退吗');
    expect(engraved).toMatch(/不支持七天无理由退换/u);
  });

  it('suggests gifts within a budget when only who it is for is known, and reads what a piece goes with as no kind wanted', async () => {
    const intern = await suggest(['顾客: 我们组有个实习生下周就走了，想送个小东西', '导购: 好的～是男生还是女生呀？预算多少？', '顾客: 女孩子 一两百块的就行 心意到了就好']);
    expect(intern.drafts[0]?.skus.length).toBeGreaterThan(0);
    for (const sku of intern.drafts[0]?.skus ?? []) expect(kb.products.find((p) => p.sku === sku)?.price).toBeLessThanOrEqual(220);
    const sweater = stateOf('顾客: 阿拉老头子下礼拜生日', '导购: 阿姨好～想送叔叔点什么呀？', '顾客: 伊欢喜穿羊毛衫，要V领额，好配衬衫，XL');
    expect(sweater.slots.category?.value.subcategories).toContain('毛衣');
    expect(sweater.intents.map((h) => h.intent)).not.toContain('材质咨询');
  });

  it('picks a size for a small hand and answers whether a light colour shows dirt', async () => {
    const gloves = await top('顾客: 你们那个小羊皮触屏手套', '导购: 在的～小羊皮触屏手套399元，黑色和焦糖色，S/M/L三个尺寸。', '顾客: 我手比较小平时戴手套指头都空一截选哪个尺寸呀还有焦糖色的会不会不耐脏');
    expect(gloves).toMatch(/建议选S码/u);
    expect(gloves).toMatch(/显脏.*黑色/u);
    expect(gloves.indexOf('S码')).toBeLessThan(gloves.indexOf('显脏'));
  });

  it('reads a follow-up for another cut or heel of what was shown, widening the kind when none of it has the trait', () => {
    const flats = stateOf('顾客: 下周去参加朋友婚礼 想买双鞋配裙子 37码', '导购: 可以看看尖头细跟高跟鞋899元，7cm细跟；或者一字扣高跟凉鞋799元。', '顾客: 算了跟太高我驾驭不了 换成平底的吧 还是要好看点的');
    expect(flats.intents[0]?.intent).toBe('商品推荐');
    expect(flats.slots.category?.value).toMatchObject({ category: '鞋履', subcategories: [] });
    const long = stateOf('顾客: 冬天上班穿的羽绒服有吗 怕冷', '导购: 有的～轻薄短款羽绒服699元，黑色、奶白、雾蓝。', '顾客: 那个长款呢 要能盖住屁股的');
    expect(long.slots.variant?.value.words).toContain('长款');
  });

  it('takes a kind turned down or not worn as no kind wanted, and a Cantonese 条裙 for a wedding as a dress', () => {
    const fatherInLaw = stateOf('顾客: 第一次去女朋友家 给她爸带点啥好', '导购: 可以考虑男士羊绒V领毛衣1880元，或者男士牛皮公文包2580元。', '顾客: 她爸退休了 公文包用不上', '导购: 那毛衣会更实用～叔叔平时穿什么码？', '顾客: 他穿XXL 驼色有没');
    expect(fatherInLaw.slots.category).toBeUndefined();
    expect(fatherInLaw.slots.focus?.value.name).toBe('男士羊绒V领毛衣');
    expect(stateOf('顾客: 裤子吧 我不太穿裙子').slots.category?.value.word).toBe('裤子');
    const dress = stateOf('顾客: 想揾条裙去饮喜酒 唔好太暴露 M码 预算一千蚊左右');
    expect(dress.slots.category?.value.subcategories).toContain('连衣裙');
    expect(dress.slots.occasion?.value).toBe('婚礼');
  });

  it('holds an item asked to be kept, picks a listed product by what it is made of, and names the deeper colours', async () => {
    expect(await top('顾客: 我老刘 上回你说的那个羊绒V领毛衣 给我留件XL的 藏青色 周末过去拿')).toMatch(/留/u);
    const gold = stateOf('顾客: 想买副耳钉 日常戴', '导购: 可以看看925银淡水珍珠耳钉299元；或者18K金小圆耳钉880元。', '顾客: 我耳朵一戴银的就痒 金的那个有玫瑰金吗');
    expect(gold.slots.focus?.value.name).toBe('18K金小圆耳钉');
    const scarf = await top('顾客: 羊绒围巾有哪些颜色', '导购: 羊绒围巾1280元，有驼色、浅灰、酒红、藏青四个颜色。', '顾客: 要深一点的颜色 我皮肤黑 浅色显脏');
    expect(scarf).toMatch(/深一点的颜色有酒红、藏青/u);
    // A request that says the colour it wants is still a request.
    expect(stateOf('顾客: 想要个通勤的包 一千五以内 颜色浅一点的').intents[0]?.intent).not.toBe('颜色建议');
  });

  it('answers after-sales follow-ups: a late alteration is the tailor’s, the wrong item goes back at our cost, an exchange under way is chased', async () => {
    const tailor = await suggest(['顾客: 裤子改好了没 说三到五天 今天都第八天了', '导购: 抱歉抱歉，我这就去问下师傅～', '顾客: 我明天就要穿 今天能不能弄好 不行我就不要了'], boughtProfile('AP-1062'));
    expect(tailor.drafts[0]?.text).toMatch(/师傅/u);
    expect(tailor.drafts[0]?.text).not.toContain('顺丰核实包裹');
    const wrong = await suggest(['顾客: 我买的是S 寄来的是L 吊牌都还在', '导购: 真的非常抱歉，是我们发错了～我这边马上给您安排换S码。', '顾客: 那L这件我怎么处理 要自己去寄吗'], boughtProfile('AP-1060'));
    expect(wrong.drafts[0]?.text).toMatch(/到付/u);
    const exchange = await suggest(['顾客: 我那双换码的切尔西靴 寄回去快一周了', '导购: 查到仓库周四签收了您寄回的鞋，正在安排换货。', '顾客: 那大概多久能处理好 下周要出差想穿'], boughtProfile('SH-3008'));
    expect(exchange.drafts[0]?.text).toMatch(/换货.*2-3天/u);
    expect(exchange.drafts[0]?.skus).toEqual([]);
  });

  it('answers small talk and risky asks in kind: a person, not a bot; thanks after an exchange; the doctor without a pitch; a friend’s bag kept private', async () => {
    expect(await top('顾客: 你回得好快啊 你是机器人吗😂')).toMatch(/不是机器人/u);
    const thanks = await suggest(['顾客: 收到换的新鞋了 这次码刚好 辛苦你啦'], boughtProfile('SH-3002'));
    expect(thanks.drafts[0]?.skus).toEqual([]);
    expect(thanks.drafts[0]?.text).toMatch(/不辛苦/u);
    const acne = await suggest(['顾客: 积雪草面膜能治痘痘吗 我脸上好多红痘痘']);
    expect(acne.drafts[0]?.text).toMatch(/皮肤科/u);
    expect(acne.drafts[0]?.text).not.toMatch(/给您挑了/u);
    expect(await top('顾客: 我闺蜜上周在你这买了个包 是哪个啊 我想买个一样的')).toMatch(/隐私/u);
    expect(await top('顾客: 广州的 要是今天下午付款 礼拜一能收到不')).toMatch(/16:00/u);
  });

  it('suggests what goes with a piece they bought, of another kind and not in the black they own', async () => {
    const s = await suggest(['顾客: 上次买的那条驼色A字裙 上面配啥好看啊 我衣柜里全是黑的'], boughtProfile('AP-1055'));
    const names = (s.drafts[0]?.skus ?? []).filter((sku) => sku !== 'AP-1055').map((sku) => kb.products.find((p) => p.sku === sku));
    expect(names.length).toBeGreaterThan(0);
    for (const p of names) expect(['毛衣', '针织开衫', '衬衫', 'T恤']).toContain(p?.subcategory);
    expect(s.drafts[0]?.text).not.toMatch(/黑色的/u);
  });

  it('suggests shoes for a skirt when shoes are asked for, and a shirt or knit under a jacket, in the right measure word', async () => {
    const skirt = await suggest(['顾客: 买了条羊毛A字半身裙 驼色的 配啥鞋好看啊'], boughtProfile('AP-1055'));
    const shoes = (skirt.drafts[0]?.skus ?? []).map((sku) => kb.products.find((p) => p.sku === sku)).filter((p) => p?.sku !== 'AP-1055');
    expect(shoes.length).toBeGreaterThan(0);
    for (const p of shoes) expect(p?.category).toBe('鞋履');
    const jacket = await suggest(['顾客: 买了件男士立领夹克 里面配啥好 我平时上班穿'], { ...boughtProfile('AP-1020'), gender: 1 });
    expect(jacket.drafts[0]?.text).toMatch(/^您好，您那件男士立领夹克配/u);
    for (const sku of (jacket.drafts[0]?.skus ?? []).filter((s) => s !== 'AP-1020')) expect(['毛衣', '衬衫', 'T恤', 'Polo衫', '针织开衫']).toContain(kb.products.find((p) => p.sku === sku)?.subcategory);
  });

  it('answers wear the washing or wearing explains with its care, apologising first and keeping the exchange open', async () => {
    const cases: [string, string, RegExp][] = [
      ['AP-1023', '顾客: 一千六的羊绒毛衣 穿了两次腋下全是球 这就是你们说的十二针细密针织？', /起球器/u],
      ['AP-1024', '顾客: V领开衫洗完挂起来晾 领口全拉长了 变形成这样还怎么穿', /平铺/u],
      ['AP-1057', '顾客: 牛仔半身裙洗了一次 把我一起洗的白T全染蓝了 无语', /单独洗/u],
      ['AP-1084', '顾客: 不是说面包服机洗不结块吗 我就洗了一次 里面的棉全团成一块一块的', /拍打/u],
      ['BT-2063', '顾客: 蜡烛点了两回 中间烧成一个深坑 边上一圈都没化 是不是坏的啊', /整个表面/u],
    ];
    for (const [sku, line, care] of cases) {
      const text = (await suggest([line], boughtProfile(sku))).drafts[0]?.text ?? '';
      expect(text).toMatch(/^非常抱歉/u);
      expect(text).toMatch(care);
      expect(text).toMatch(/30天包换/u);
    }
    // After two wears, "normal" is not what a guide says.
    const pilled = (await suggest(['顾客: 一千六的羊绒毛衣 穿了两次腋下全是球 这就是你们说的十二针细密针织？'], boughtProfile('AP-1023'))).drafts[0]?.text ?? '';
    expect(pilled).toMatch(/确实不应该/u);
    expect(pilled).not.toMatch(/正常现象/u);
  });

  it('answers boots that press on the foot with the break-in care, not the exchange terms alone', async () => {
    const text = (await suggest(['顾客: 马丁靴太硬了 走路脚背那里压得生疼 穿了三天就不敢穿了'], boughtProfile('SH-3011'))).drafts[0]?.text ?? '';
    expect(text).toMatch(/^非常抱歉/u);
    expect(text).toMatch(/撑/u);
  });

  it('reads peeling skin after a toner bought as a reaction, and a missing refill named back', async () => {
    const toner = await suggest(['顾客: 冬天用这个控油水 脸干得起皮 一搓全是皮屑 是不是不适合我啊'], boughtProfile('BT-2013'));
    expect(toner.drafts[0]?.text).toMatch(/停用/u);
    expect(toner.tags.map((t) => t.tag).some((t) => /投诉|售后/u.test(t))).toBe(true);
    expect(toner.drafts[0]?.text).toMatch(/^非常抱歉/u);
    const cushion = (await suggest(['顾客: 气垫不是说含替换装吗 我这盒里就一个 没有替换芯'], boughtProfile('BT-2035'))).drafts[0]?.text ?? '';
    expect(cushion).toMatch(/^非常抱歉，少发了替换芯/u);
  });

  it('explains a partial refund of a reduced order, and gets a button sewn on in time rather than an exchange', async () => {
    const refund = (await suggest(['顾客: 大衣和半裙一起买的 当时满减了100 现在退了大衣 怎么只退了我1230多 大衣明明1299'], boughtProfile('AP-1001'))).drafts[0]?.text ?? '';
    expect(refund).toMatch(/实付/u);
    expect(refund).toMatch(/订单号/u);
    const button = (await suggest(['顾客: 西装扣子掉了一颗 明天上午要见客户 这咋整'], boughtProfile('AP-1011'))).drafts[0]?.text ?? '';
    expect(button).toMatch(/^非常抱歉/u);
    expect(button).toMatch(/钉上/u);
    expect(button).not.toMatch(/寄回地址/u);
  });

  it('answers a stock ask typed as 有货没 beside a postage ask, and a bottle size asked as 多大一瓶', async () => {
    const bag = await top('顾客: 帆布托特包黑色有货没 有的话直接寄给我 能包邮不');
    expect(bag).toMatch(/黑色/u);
    expect(bag).toMatch(/299/u);
    expect(bag.indexOf('黑色')).toBeLessThan(bag.indexOf('299'));
    const perfume = await top('顾客: 你们家那个雪松男士淡香水多少钱 多大一瓶');
    expect(perfume).toMatch(/680.*50ml/u);
    expect(perfume).not.toMatch(/身高|尺码/u);
  });

  it('tags after-sales about their own purchase, reads a trouble question about it as a problem, but not a mishap of their own', async () => {
    const refund = await suggest(['顾客: 你好 我退的那件大衣 门店说已经收到了 钱什么时候能退回来呀'], boughtProfile('AP-1001'));
    expect(refund.tags.map((t) => t.tag)).toContain('购买阶段/售后');
    const trouble = stateOf('顾客: 上次买的那条裤子 怎么回事啊 才穿两天');
    expect(trouble.complaint).toBeDefined();
    expect(stateOf('顾客: 抽绳水桶包淋雨了 咋办啊').complaint).toBeUndefined();
    expect(stateOf('顾客: 买了不合适怎么办').complaint).toBeUndefined();
    // A trouble question after a problem told before carries that problem on.
    const carried = stateOf('顾客: 我买的是S 寄来的是L 吊牌都还在', '导购: 真的非常抱歉，是我们发错了～我这边马上给您安排换S码。', '顾客: 那L这件我怎么处理 要自己去寄吗');
    expect(carried.complaint?.kind).toBe('wrong_item');
  });

  it('picks a foundation for the skin type and the shade for the tone', async () => {
    const s = await suggest(['顾客: 粉底液想要持妆好点的 大油皮 黄黑皮 选哪个色号啊']);
    expect(s.drafts[0]?.text).toMatch(/轻薄持妆粉底液.*小麦色/u);
    expect(s.drafts[0]?.flags).toEqual([]);
  });

  it('suggests a gift for what the person does, and answers a worry about wool against the skin', async () => {
    const runner = await suggest(['顾客: 男朋友生日快到了 送啥好啊', '导购: 可以先说说他平时喜欢什么吗？比如运动、上班通勤还是爱打扮～预算大概多少呢？', '顾客: 他天天夜跑 七百以内吧']);
    expect(runner.drafts[0]?.text).toMatch(/^给您挑了两款：男士缓震跑步鞋/u);
    expect(await top('顾客: 双面羊毛呢大衣是纯羊毛的吗 我穿羊毛的东西容易扎')).toMatch(/刺感.*打底/u);
  });
});
