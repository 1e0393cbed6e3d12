/**
 * The kind of product asked for, in the loose words people use (外搭, 擦脸的, 鲨鱼夹), without taking for it
 * what it is worn with (配裙子的), a full-size bottle (一瓶正装的), a wider word said later (买鞋 after 单鞋)
 * or a wardrobe described (她衣服黑的多); a kind the store does not carry said plainly; the one of a list
 * picked by a shortened name or by being the cheaper; who wears it changing what is in view.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { buildDialogueState } from '../../src/assist/dialogue/build-dialogue-state.ts';
import type { DialogueState } from '../../src/assist/dialogue/dialogue-state.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { emptyProfile } from '../../src/conversation/model.ts';
import { chat, demoAssistant } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(async () => {
  ({ kb, assistant } = await demoAssistant());
});

const NOW = 1_700_000_100_000;
const woman = { ...emptyProfile('wmCUST', NOW), gender: 2 as const };
const suggest = (...lines: string[]): Promise<Suggestion> => assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, profile: woman });
const top = async (...lines: string[]): Promise<string> => (await suggest(...lines)).drafts[0]?.text ?? '';
const stateOf = (...lines: string[]): DialogueState => buildDialogueState(kb, { conversation: chat(...lines), guideId: 'guide.lin', now: NOW, profile: woman });
const kindOf = (...lines: string[]): string | undefined => stateOf(...lines).slots.category?.value.word;

describe('the kind asked for', () => {
  it('reads loose words for a kind: 外搭, 擦脸的, 鲨鱼夹 (and 玳瑁色 for the 玳瑁纹 one)', async () => {
    expect(await top('顾客: 有没有外搭推荐 春秋穿的 五百块左右 平时穿M')).toMatch(/夹克|开衫|外套|风衣/u);
    const face = await suggest('顾客: 有没有擦脸的😂 我大油皮 夏天一擦就油光满面 三百以内');
    expect(face.drafts[0]?.text).toMatch(/清衡清爽乳液|清衡平衡精华/u);
    expect(await top('顾客: 鲨鱼夹有吗 玳瑁色的')).toContain('醋酸板材鲨鱼夹');
  });

  it('does not take what a piece is worn with for the piece, but 再配个 wants one', () => {
    expect(kindOf('顾客: 有没有细一点的皮带 配裙子的 三百以内')).toBe('皮带');
    expect(kindOf('顾客: 敏感肌能用的洗面奶有吗', '顾客: 那再配个面霜呢 也要敏感肌能用的')).toBe('面霜');
  });

  it('reads 正装 as a style or a full-size bottle when it is one', async () => {
    expect(kindOf('顾客: 下周面试 要双皮鞋 正装那种 44码 黑色')).toBe('皮鞋');
    const perfume = stateOf('顾客: 香水有小瓶的吗 想先试试', '导购: 有的～香水旅行套装299元，5支×5ml，几个味道都能试；单瓶小一点的有无花果淡香水30ml 480元。', '顾客: 还是想直接买一瓶正装的 预算再加点 八九百吧');
    expect(perfume.slots.category?.value.category).toBe('美妆');
  });

  it('keeps the narrower kind when a wider word for it comes later, and a wardrobe described is no kind', () => {
    expect(kindOf('顾客: 单鞋有41码的吗 女款 我脚大 每次买鞋都头疼😭')).toBe('单鞋');
    expect(kindOf('顾客: 结婚五周年 想给老婆买个包', '导购: 恭喜～预算大概多少？她平时喜欢什么颜色？', '顾客: 三千以内 她衣服黑的多')).toBe('包');
  });

  it('reads a men’s-only shoe size as a man’s, when nobody said who wears them', async () => {
    const s = await assistant.suggest({ conversation: chat('顾客: 下周面试 要双皮鞋 正装那种 44码 黑色'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
    expect(s.drafts[0]?.text).toContain('男士牛皮德比鞋');
  });

  it('says plainly that a kind is not carried, with what is, and not for a thing in passing', async () => {
    expect(await top('顾客: 你们家有洗发水吗 防脱的那种')).toMatch(/暂时没有洗发水.*服装/u);
    const pen = await suggest('顾客: 想送老师一支钢笔 有吗 五百左右');
    expect(pen.drafts[0]?.text).toMatch(/暂时没有钢笔.*送老师/u);
    expect(pen.drafts[0]?.skus).toEqual([]);
    expect(await top('顾客: 想买双跑鞋 38码 我平时戴耳机跑步')).not.toMatch(/没有耳机/u);
  });
});

describe('the one in view', () => {
  const boots = ['顾客: 短靴有吗 37', '导购: 有的～粗跟切尔西靴1299元，黑色和深棕；复古粗跟短靴1099元，黑色和焦糖色，都有37码。'];
  it('picks a listed product by a shortened name, and answers its heel height', async () => {
    expect(stateOf(...boots, '顾客: 那双黑的复古短靴 跟多高 穿一天累不累').slots.focus?.value.name).toBe('复古粗跟短靴');
    expect(await top(...boots, '顾客: 那双黑的复古短靴 跟多高 穿一天累不累')).toMatch(/5cm/u);
  });

  it('picks the cheaper of those listed (平啲嗰件) without reading it as haggling', () => {
    const state = stateOf('顾客: 有冇真丝衬衫', '导购: 有嘅～19姆米真丝衬衫1580元，象牙白、黑色、雾蓝；醋酸缎面衬衫599元，香槟色、墨绿，光泽好似真丝。', '顾客: 平啲嗰件有冇S码');
    expect(state.slots.focus?.value.name).toBe('醋酸缎面衬衫');
    expect(state.intents.map((h) => h.intent)).not.toContain('议价');
  });

  it('reads a colour they already have as none wanted', () => {
    const state = stateOf('顾客: 想要个斜挎包 日常出门用', '导购: 牛皮斜挎相机包799元挺合适的，22×15×8cm，手机钱包钥匙都放得下，黑色很百搭。', '顾客: 有没有别的颜色 黑的我有好几个了');
    expect(state.slots.colour).toBeUndefined();
  });

  it('drops a women’s piece from view when it turns out to be for her husband', async () => {
    const text = await top('顾客: 想买件羽绒服 轻一点的', '导购: 轻薄短款羽绒服699元，很轻，黑色、奶白、雾蓝，XS到XL。您穿什么码？', '顾客: 不是我穿 给我老公的 他穿XL');
    expect(text).toMatch(/男士[^（]*羽绒服/u);
    expect(text).not.toContain('轻薄短款羽绒服');
  });

  it('answers a budget said beside a size question about the piece in view', async () => {
    const text = await top('顾客: 想给外婆买套保暖内衣 她怕冷', '导购: 好的～羊毛保暖内衣套装459元，肤色和黑色，S到XL。外婆平时穿什么码？', '顾客: M的 五百以内没问题吧');
    expect(text).toMatch(/M码/u);
    expect(text).toMatch(/¥459，在您500以内的预算内/u);
  });

  it('reads an old one worn out after years as the reason to buy, not a complaint', async () => {
    const s = await suggest('顾客: 给我老汉儿买个钱包 三四百块钱的 他用了十几年那个都烂了');
    expect(s.tags.map((t) => t.tag).some((t) => /投诉|售后/u.test(t))).toBe(false);
    expect(s.drafts[0]?.text).not.toMatch(/抱歉/u);
  });

  it('offers others of the same kind when none by that name fits, and the one in view when no other has the wish', async () => {
    expect(await top('顾客: 想买个卡包', '导购: 牛皮卡包299元，黑色、焦糖色、雾蓝，能放6张卡，还可以刻字母。', '顾客: 有没有大一点的 能放零钱那种 五百左右')).toMatch(/暂时没有500左右的卡包，同类的皮具小件.*牛皮短款钱包（¥499/u);
    const coat = await top('顾客: 想看看男士的羽绒服 给我自己穿', '导购: 有一款男士连帽羽绒服1099元，黑色和军绿，M到XXL，90%白鸭绒，帽子抽绳可调。', '顾客: 哦 那有没有长一点的 过膝那种');
    expect(coat).toMatch(/暂时没有长款，目前只有男士连帽羽绒服（¥1099）/u);
  });

  it('reads what he wears every day as no kind wanted for his gift', () => {
    expect(stateOf('顾客: 想给我老公买个生日礼物 他啥都不缺😂', '导购: 哈哈理解～大概什么预算呢？他平时上班穿正装多吗？', '顾客: 五六百吧 上班天天西装').slots.category).toBeUndefined();
  });

  it('reads 便宜的就行 几十块的 as a budget under a hundred, not a discount asked, and an anniversary as a gift', async () => {
    const balm = stateOf('顾客: 润唇膏有吗 便宜的就行 几十块的');
    expect(balm.slots.budget?.value).toMatchObject({ kind: 'max', hi: 100 });
    expect(balm.intents.map((h) => h.intent)).not.toContain('优惠活动');
    expect(stateOf('顾客: 结婚五周年 想给老婆买个包').slots.recipient?.value.gift).toBe(true);
  });
});


describe('what the customer wants it for', () => {
  it('reads 有没有长款 with more said after it as a long one of the kind in view', async () => {
    const s = await suggest('顾客: 羽绒服推荐一下 我特别怕冷', '导购: 可以看看轻薄短款羽绒服699元，黑色、奶白、雾蓝；或者短款面包棉服799元，很蓬松。', '顾客: 有没有长款 能盖住屁股那种');
    expect(s.drafts[0]?.text).toMatch(/过膝长款鹅绒服/u);
  });

  it('offers no script that presumes a wedding or a date nobody mentioned', async () => {
    const s = await suggest('顾客: 羽绒服推荐一下 我特别怕冷', '导购: 可以看看轻薄短款羽绒服699元，黑色、奶白、雾蓝；或者短款面包棉服799元，很蓬松。', '顾客: 有没有长款 能盖住屁股那种');
    for (const d of s.drafts) expect(d.text).not.toMatch(/婚礼|约会|您个子/u);
    const wedding = await suggest('顾客: 下个月参加朋友婚礼 穿什么好', '导购: 可以看看真丝衬衫或者茶歇裙～', '顾客: 怎么搭配比较好');
    expect(wedding.drafts.some((d) => /婚礼/u.test(d.text))).toBe(true);
  });

  it('puts cushioned shoes before dress shoes for an old man who walks a lot', async () => {
    const text = await top('顾客: 想给外公买双鞋', '导购: 外公平时穿多大码？主要是散步穿还是出门做客穿？', '顾客: 42 平时遛弯 要软底的 他走路不太稳了');
    expect(text).toMatch(/男士缓震跑步鞋/u);
    expect(text).not.toMatch(/德比/u);
  });
});

describe('better or cheaper than the one in view', () => {
  it('reads 预算加到一千 有没有高级点的 as dearer ones of the kind within the new budget', async () => {
    const text = await top('顾客: 想买瓶香水 500以内', '导购: 500以内推荐无花果淡香水，480元30ml；也可以先买香水旅行套装299元。', '顾客: 算了预算加到一千 有没有高级点的');
    expect(text).toMatch(/白茶淡香水|晚桂淡香精/u);
    expect(text).not.toMatch(/便宜/u);
    expect(text).toMatch(/1000以内的预算内/u);
  });

  it('says none is cheaper than the coat in view without a made-up budget figure', async () => {
    const text = await top('顾客: 想买件大衣', '导购: 翻领短款羊毛大衣999元，黑色和酒红。', '顾客: 有没有便宜点的');
    expect(text).toMatch(/比翻领短款羊毛大衣更便宜/u);
    expect(text).not.toMatch(/940/u);
  });
});

describe('words around the kind and the wearer', () => {
  it('keeps the kind wanted when another is turned down (别给我推精华 就要霜)', () => {
    expect(stateOf('顾客: 油皮能用的面霜有么 别给我推精华 就要霜').slots.category?.value.subcategories).toEqual(['面霜']);
  });

  it('reads 老婆说我穿粉显年轻 as her opinion, and 来个浅粉的 as the pink one asked for', async () => {
    const man = { ...emptyProfile('wmCUST', NOW), gender: 1 as const };
    const s = await assistant.suggest({ conversation: chat('顾客: 想买件衬衫 上班穿', '导购: 男士易打理牛津纺衬衫459元，白色、浅蓝、浅粉，M到XXL。', '顾客: XXL', '顾客: 来个浅粉的 老婆说我穿粉显年轻'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, profile: man });
    expect(s.drafts[0]?.text).toMatch(/男士易打理牛津纺衬衫.*浅粉/u);
  });
});
