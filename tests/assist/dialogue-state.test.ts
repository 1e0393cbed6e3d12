/**
 * The dialogue state as a pure function of the conversation: slots with the message they came from,
 * later statements replacing earlier ones, the newest message's intents in answering order, complaints
 * and the relationship. Table-driven over the demo catalog.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDialogueState } from '../../src/assist/dialogue/build-dialogue-state.ts';
import { describeState, stateData } from '../../src/assist/dialogue/describe-state.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import type { ChatMessage, CustomerProfile } from '../../src/conversation/model.ts';
import { DEMO_DIR, chat } from './support.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledge(DEMO_DIR);
});
const NOW = 1_700_000_000_000 + 60_000;
const DAY = 86_400_000;
const state = (lines: string[], profile?: CustomerProfile, conversation?: ChatMessage[]) =>
  buildDialogueState(kb, { conversation: conversation ?? chat(...lines), profile, guideId: 'guide.lin', now: NOW });

describe('budget slot', () => {
  it.each([
    ['预算500左右', 'around', 500, 500],
    ['五百以内', 'max', 0, 500],
    ['不超过一千', 'max', 0, 1000],
    ['一千左右吧', 'around', 1000, 1000],
    ['预算两千五', 'around', 2500, 2500],
    ['预算1k', 'around', 1000, 1000],
    ['1.5k左右', 'around', 1500, 1500],
    ['300-500的', 'range', 300, 500],
    ['八百到一千二', 'range', 800, 1200],
    ['三四百的面霜', 'range', 300, 400],
    ['两千以上的大衣', 'min', 2000, Number.POSITIVE_INFINITY],
    ['千几蚊嘅大衣', 'range', 1100, 1900],
    ['千把块的大衣', 'range', 900, 1100],
    ['大几百的包', 'range', 600, 900],
    ['小一千的外套', 'range', 800, 1000],
    ['一千五六的大衣', 'range', 1500, 1600],
    ['两千以里的包', 'max', 0, 2000],
    ['俩仨百的帽子', 'range', 200, 300],
    ['围巾吧 一千多点', 'range', 1000, 1300],
    ['送领导 男的 五十多岁 一千左右', 'around', 1000, 1000],
  ])('%s → %s %d..%d', (text, kind, lo, hi) => {
    const budget = state([`顾客: ${text}`]).slots.budget;
    expect(budget?.value).toEqual({ kind, lo, hi });
    expect(budget?.messageId).toBe('m1');
  });

  it('does not read a size, a weight or a price question as a budget', () => {
    expect(state(['顾客: 我160cm 100斤']).slots.budget).toBeUndefined();
    expect(state(['顾客: 这件是899元吗']).slots.budget).toBeUndefined();
  });
});

describe('other slots', () => {
  it('reads category, size, colour, occasion and keeps the message each came from', () => {
    const s = state(['顾客: 想要一条黑色直筒西装裤', '导购: 好的', '顾客: 平时穿M码，上班穿']);
    expect(s.slots.category?.value).toMatchObject({ word: '西装裤', category: '服装', subcategories: ['裤装'] });
    expect(s.slots.category?.messageId).toBe('m1');
    expect(s.slots.colour?.value).toBe('黑色');
    expect(s.slots.size).toMatchObject({ value: 'M', messageId: 'm3' });
    expect(s.slots.occasion?.value).toBe('通勤');
  });

  it.each([
    ['想给妈妈买条围巾', '妈妈', 'female', true, false],
    ['送老公的生日礼物', '老公', 'male', false, true],
    ['送闺蜜香水', '闺蜜', 'female', false, true],
    ['给男朋友挑个钱包', '男朋友', 'male', false, false],
    ['男朋友穿42码的鞋', '男朋友', 'male', false, false],
    ['阿拉老头子要一件毛衣', '老头子', 'male', true, false],
    ['给我对象整件羽绒服 他穿XL', '对象', 'male', false, false],
    ['俺闺女想要一条项链', '闺女', 'female', false, false],
    ['买俾我细佬', '弟弟', 'male', false, false],
    ['阿拉爷要一件羊毛衫', '爸爸', 'male', true, false],
    ['给俺媳妇整个包', '媳妇', 'female', false, false],
    ['俺家那口子要双鞋 他穿43', '那口子', 'male', false, false],
  ])('%s → recipient %s', (text, who, gender, older, gift) => {
    expect(state([`顾客: ${text}`]).slots.recipient?.value).toEqual({ who, gender, older, ...(gift ? { gift } : {}) });
  });

  it('reads the wearer from a pronoun when no one is named, and a grown-up daughter as no child', () => {
    expect(state(['顾客: 想给她整条项链 一千以内'], { customerId: 'c', gender: 1, relationships: {}, facts: [], updatedAt: NOW }).slots.gender).toMatchObject({ value: 'female', quote: '给她' });
    expect(state(['顾客: 他平时穿XXL的 要条裤子']).slots.gender?.value).toBe('male');
    expect(state(['顾客: 女儿十八岁生日 想送她项链']).slots.child).toBeUndefined();
    expect(state(['顾客: 女儿六岁 想买件羽绒服']).slots.child?.value).toBe(true);
  });

  it('reads what a short follow-up leaves out from the turns before it, and no more', () => {
    expect(state(['顾客: 小白鞋有吗 38的', '导购: 牛皮小白鞋599元，38码有', '顾客: 那黑色呢']).slots.colour?.value).toBe('黑色');
    expect(state(['顾客: 马丁靴多少钱', '顾客: 有棕色的吗']).slots.colour?.value).toBe('棕色');
    expect(state(['导购: 老爷子穿什么码？', '顾客: XL 他八十多了 怕冷']).slots.budget).toBeUndefined();
    expect(state(['导购: 儿子平时穿什么码？', '顾客: S 他比较瘦']).slots.size?.value).toBe('S');
    expect(state(['顾客: 燕麦色XL有伐 阿拉穿L有点紧']).slots.size?.value).toBe('XL');
    expect(state(['导购: 外甥女多大啦？', '顾客: 6岁 穿120的']).slots.child?.value).toBe(true);
    expect(state(['顾客: 我们女领导下个月生日 送个礼']).slots.recipient?.value.gender).toBe('female');
    expect(state(['导购: 男士切尔西靴1499元，39到44码', '顾客: 有38吗 我脚小']).slots.size?.value).toBe('38');
    expect(state(['导购: 三醋酸小黑裙1980元，S到XL都有', '顾客: 有别的颜色吗']).slots.size).toBeUndefined();
  });

  it('takes the size wanted, not the one being left behind', () => {
    expect(state(['顾客: 我女儿原来穿M现在估计S就行 想给她买件卫衣']).slots.size?.value).toBe('S');
    expect(state(['顾客: 有没有XXL的连衣裙 我平时穿XL都有点紧']).slots.size?.value).toBe('XXL');
    expect(state(['顾客: 想再买一件大一码的，原来是M，这次要L']).slots.size?.value).toBe('L');
    expect(state(['顾客: 我穿M 有大一码的吗']).slots.size?.value).toBe('L');
    expect(state(['顾客: 想买双平底的 好穿脱的', '导购: 平时穿几码呢？', '顾客: 以前37 现在肿了估计要38了']).slots).toMatchObject({ size: { value: '38' }, category: { value: { category: '鞋履' } } });
    expect(state(['顾客: 想买双单鞋', '导购: 穿几码？', '顾客: 37，预算五百以内吧', '导购: 有草编渔夫鞋399元。', '顾客: 预算可以到八百']).slots).toMatchObject({ size: { value: '37' }, budget: { value: { hi: 800 } } });
  });

  it.each([
    ['有冇中码', 'M'],
    ['加大码有吗', 'XL'],
    ['我要件大码嘅褛', 'L'],
  ])('reads %s as size %s', (text, size) => {
    expect(state([`顾客: ${text}`]).slots.size?.value).toBe(size);
  });

  it('reads 小白鞋 as a white casual shoe, and an amount said a syllable at a time', () => {
    const shoe = state(['顾客: 瞅瞅你家小白鞋 我穿42']).slots;
    expect(shoe.category?.value).toMatchObject({ category: '鞋履', subcategories: ['休闲鞋'] });
    expect(shoe.colour?.value).toBe('白色');
    expect(state(['顾客: 想要一件 衬衫 白色的 穿 M 码 四 百 块 左右']).slots.budget?.value).toEqual({ kind: 'around', lo: 400, hi: 400 });
  });

  it('reads skin type and body measurements', () => {
    const s = state(['顾客: 我是混油皮', '顾客: 身高165 体重110斤']);
    expect(s.slots.skinType?.value).toBe('混合性');
    expect(s.slots.body?.value).toEqual({ heightCm: 165, weightJin: 110 });
  });

  it('lets a later statement replace an earlier one', () => {
    const s = state(['顾客: 预算五百', '导购: 好的', '顾客: 算了预算一千左右吧', '顾客: 穿S码', '顾客: 不对，还是M码']);
    expect(s.slots.budget).toMatchObject({ value: { kind: 'around', lo: 1000, hi: 1000 }, messageId: 'm3' });
    expect(s.slots.size).toMatchObject({ value: 'M', messageId: 'm5' });
  });

  it('drops the size and budget of the old category when the customer moves to another', () => {
    const s = state(['顾客: 想买件外套 M码 预算800', '导购: 好的', '顾客: 先不看衣服了，想看看鞋子']);
    expect(s.slots.category?.value.category).toBe('鞋履');
    expect(s.slots.size).toBeUndefined();
    expect(s.slots.budget).toBeUndefined();
  });
});

describe('focus product', () => {
  it('is the product named last, by either side', () => {
    const s = state(['顾客: 有没有通勤外套', '导购: 水洗牛仔夹克（¥499）和防泼水连帽风衣（¥599）都不错', '顾客: 第二款有黑色吗']);
    expect(s.slots.focus?.value.name).toBe('防泼水连帽风衣');
    expect(s.slots.focus?.messageId).toBe('m3');
  });

  it('is dropped when the customer asks for another kind of product afterwards', () => {
    const s = state(['顾客: 双面羊毛呢大衣多少钱', '导购: ¥1299', '顾客: 有点贵，有没有裤子推荐']);
    expect(s.slots.focus).toBeUndefined();
    expect(s.slots.category?.value.word).toBe('裤子');
  });
});

describe('intents of the newest message', () => {
  it.each([
    [['顾客: 羊绒围巾有什么颜色', '导购: 有驼色和灰色', '顾客: 可以开发票吗'], ['发票']],
    [['导购: 您平时穿什么码？', '顾客: S码。另外你们门店几点关门'], ['尺码咨询', '营业时间']],
    [['顾客: 有38码的乐福鞋吗 另外能开发票吗'], ['尺码咨询', '发票']],
    [['顾客: 双面羊毛呢大衣有XXL吗'], ['尺码咨询']],
    [['顾客: 这个精华保证三天见效吗'], ['功效咨询']],
    [['顾客: 能便宜两百吗'], ['议价']],
    [['顾客: 通勤的外套，预算500左右'], ['商品推荐']],
    [['顾客: 早上好 刚加上 我想看看大衣'], ['商品推荐']],
    [['顾客: 下单后多久能到杭州'], ['物流']],
    [['顾客: 雪松男士淡香水多少钱 送给男朋友合不合适'], ['价格咨询', '适合谁']],
    [['顾客: 你们用什么快递 寄去广州要多久'], ['物流', '物流']],
    [['顾客: 月牙腋下包有几个颜色多少钱'], ['库存咨询', '价格咨询']],
    [['导购: 可以的～新疆一般3-5天能到', '顾客: 包邮不 啥时候发'], ['物流', '物流']],
    [['顾客: 送男朋友的话能包起来吗'], ['礼盒包装']],
    [['顾客: 我是金卡 买双面羊毛呢大衣能打95折吗'], ['优惠活动']],
    [['导购: 现在满1000减100（当季新品除外）', '顾客: 新款也能减吗'], ['优惠活动']],
    [['顾客: 那件经典双排扣风衣有没有XS 今天你们开到几点'], ['尺码咨询', '营业时间']],
    [['顾客: 我积分攒了挺多的 能抵多少钱啊 会不会过期'], ['会员积分', '会员积分']],
    [['顾客: 多少包邮？今天下单今天能发吗'], ['物流', '物流']],
    [['顾客: 刚买的九分西装裤有点长 门店能帮我改吗 多少钱'], ['售后']],
    [['顾客: 闺蜜发我的：“湖滨店周五周六开到十点半”', '顾客: 是真的吗'], ['营业时间']],
  ])('%j → %j first', (lines, intents) => {
    expect(state(lines).intents.map((h) => h.intent).slice(0, intents.length)).toEqual(intents);
  });

  it('reads an answer to the guide’s question as the customer’s earlier ask, with what it adds', () => {
    const boots = state(['顾客: 想买双靴子', '导购: 好的～您平时穿多大码？想要短靴还是长靴？', '顾客: 37 短的']);
    expect(boots.intents.map((h) => h.intent)).toEqual(['商品推荐']);
    expect(boots.slots.size).toMatchObject({ value: '37', messageId: 'm3' });
    const open = state(['顾客: 想看看毛衣', '导购: 好的，预算多少呢？', '顾客: 不限 质量好就行']);
    expect(open.intents.map((h) => h.intent)).toEqual(['商品推荐']);
  });

  it('takes only the newest message: an earlier discount question does not carry over', () => {
    const s = state(['顾客: 有什么优惠活动吗', '导购: 满1000减100', '顾客: 这个精华保证三天见效吗']);
    expect(s.intents.map((h) => h.intent)).not.toContain('优惠活动');
  });
});

describe('complaints and relationship', () => {
  it.each([
    ['上次买的面霜用了脸上起红疹', 'harm'],
    ['收到的大衣开线了', 'quality'],
    ['你们发错货了，不是我买的颜色', 'wrong_item'],
    ['快递怎么还没到，都一周了', 'delay'],
    ['你们店员态度太差了', 'service'],
  ])('%s → %s with the quote', (text, kind) => {
    const s = state([`顾客: ${text}`]);
    expect(s.complaint?.kind).toBe(kind);
    expect(text).toContain(s.complaint?.quote);
    expect(s.complaint?.messageId).toBe('m1');
  });

  it('knows a new contact from one coming back after weeks and from a known purchase', () => {
    const added = (since: number): CustomerProfile => ({ customerId: 'c', relationships: { 'guide.lin': { guideId: 'guide.lin', status: 'active', since, tagIds: [] } }, facts: [], updatedAt: 0 });
    expect(state(['顾客: 你好'], added(NOW - 60_000)).relationship.isNew).toBe(true);
    expect(state(['顾客: 你好'], added(NOW - 200 * DAY)).relationship.isNew).toBe(false);
    const back: ChatMessage[] = [
      { id: 'a', guideId: 'guide.lin', customerId: 'c', speaker: 'guide', text: '有需要随时找我', source: 'kf', at: NOW - 40 * DAY },
      { id: 'b', guideId: 'guide.lin', customerId: 'c', speaker: 'customer', text: '在吗', source: 'kf', at: NOW },
    ];
    expect(state([], added(NOW - 200 * DAY), back).relationship.returning).toBe(true);
    expect(state(['导购: 您好', '顾客: 在吗'], added(NOW - 200 * DAY)).relationship.returning).toBe(false);
    const bought: CustomerProfile = { ...added(NOW - 200 * DAY), facts: [{ key: 'purchase', value: 'AP-1001', at: 0 }] };
    expect(state(['顾客: 在吗'], bought).relationship.purchases.map((p) => p.sku)).toEqual(['AP-1001']);
  });

  it('describes itself in one line and as data', () => {
    const s = state(['顾客: 想给妈妈买件大衣，预算两千左右，她穿L码']);
    expect(describeState(s)).toMatch(/大衣.*预算2000左右.*L码.*送妈妈/u);
    const data = stateData(s);
    expect(data.slots.budget).toEqual({ value: '2000左右', messageId: 'm1', quote: expect.any(String) });
    expect(data.slots.recipient?.value).toBe('妈妈(女)');
  });
});

describe('everyday names for the catalog’s kinds', () => {
  it.each([
    ['想买个渔夫帽', ['帽子']],
    ['有没有香薰蜡烛', ['家居香氛']],
    ['遮瑕推荐一下', ['底妆']],
    ['男士公文包有吗', ['包袋', '皮具小件']],
    ['想要双玛丽珍', ['单鞋']],
  ])('%s → %j', (text, subcategories) => {
    expect(state([`顾客: ${text}`]).slots.category?.value.subcategories).toEqual(subcategories);
  });
});
