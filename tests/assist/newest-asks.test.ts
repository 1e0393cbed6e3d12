/**
 * The newest message answered for what it is: a question about the product in view answered from the
 * catalog's own words; a complaint the problem words miss but the intent reader hears, tagged; after-sales
 * about something the customer bought (前天买的, 不合适想退) opened with an apology; where a return is sent;
 * a delivery address changed; a complaint about an unanswered ask answered now.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { buildDialogueState } from '../../src/assist/dialogue/build-dialogue-state.ts';
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
const suggest = (...lines: string[]): Promise<Suggestion> => assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW });
const top = async (...lines: string[]): Promise<string> => (await suggest(...lines)).drafts[0]?.text ?? '';
const tagsOf = (s: Suggestion): string[] => s.tags.map((t) => t.tag);

describe('a question about the product in view', () => {
  it('answers 透不透 about a named T-shirt from its description, not with a list of T-shirts', async () => {
    const text = await top('顾客: 上次那条垂感阔腿裤裤脚改好了吗', '导购: 改好啦～已经挂在店里了，您方便的时候来取就行。', '顾客: 好 顺便问下基础圆领T恤白色的透不透 想夏天单穿');
    expect(text).toMatch(/^(?:您好，)?基础圆领T恤/u);
    expect(text).toMatch(/不透/u);
    expect(text).not.toContain('长绒棉短袖T恤');
  });

  it('answers 宽松还是修身 with the fit, and 什么版型 with the cut, without saying it twice', async () => {
    const loose = await top('顾客: 我在看双面羊毛呢大衣', '导购: 这款1299元，驼色、黑色、燕麦色，S到XL，70%羊毛30%锦纶。', '顾客: 是宽松的还是修身的 我想里面穿厚毛衣');
    expect(loose).toMatch(/落肩宽松/u);
    const cut = await top('顾客: 我看到一件千鸟格的大衣 平时穿M 那件是什么版型的啊');
    expect(cut).toMatch(/H型直身/u);
    expect(cut.match(/H型/gu)).toHaveLength(1);
  });

  it('answers how to light a candle the first time from the candle’s description', async () => {
    const text = await top('顾客: 蜡烛收到了 包装好好看', '导购: 喜欢就好～晚桂香薰蜡烛燃烧大概能用40小时。', '顾客: 第一次点要注意啥吗');
    expect(text).toMatch(/表面融化/u);
  });

  it('reads 有咩分别 between two named shoes as a comparison', () => {
    const state = buildDialogueState(kb, { conversation: chat('顾客: 缓震跑步鞋同综合训练鞋有咩分别啊？我主要去gym做重量'), guideId: 'guide.lin', now: NOW });
    expect(state.intents[0]?.intent).toBe('比较');
  });
});

describe('complaints and after-sales in plain words', () => {
  it('tags a complaint about a shop assistant and one said as sarcasm', async () => {
    const staff = await suggest('顾客: 昨天在静安店试衣服 那个店员一直低头看手机 我问了三遍才理我 什么服务态度');
    expect(tagsOf(staff)).toContain('客户状态/投诉');
    expect(staff.drafts[0]?.text).toMatch(/抱歉/u);
    const sarcasm = await suggest('顾客: 呵呵 说好的机洗不结块 洗一次就成一坨一坨的 你们文案写得真好');
    expect(tagsOf(sarcasm).some((t) => /投诉|售后/u.test(t))).toBe(true);
  });

  it('reads a gift set opened with a piece missing as a missing item, sent again', async () => {
    const s = await suggest('顾客: 三件套礼盒今天拆开只有水和乳 霜呢？？？我买来送人的 明天就要用');
    expect(tagsOf(s)).toContain('购买阶段/售后');
    expect(s.drafts[0]?.text).toMatch(/^(?:您好，)?非常抱歉/u);
    expect(s.drafts[0]?.text).toMatch(/补发/u);
    expect(s.drafts[0]?.skus).toEqual([]);
  });

  it('gives a dress that shrank in the wash the quality terms, not the opened-beauty rule', async () => {
    const text = await top('顾客: 哇 你哋条裙洗一次就缩到着唔落 真系好质量喎');
    expect(text).toMatch(/质量问题30天包换/u);
    expect(text).not.toMatch(/美妆|护肤/u);
  });

  it('treats an exchange of something bought the day before as after-sales about their purchase', async () => {
    const s = await suggest('顾客: 前天买的高领打底衫黑色那件 还没拆 能换成米白吗');
    expect(tagsOf(s)).toContain('购买阶段/售后');
    expect(s.drafts[0]?.text).toMatch(/^(?:您好，)?不好意思给您添麻烦了/u);
  });

  it('answers where a return is sent, not where a parcel is', async () => {
    const s = await suggest('顾客: 连衣裙不合适想退 还在七天内 寄到哪个地址');
    expect(tagsOf(s)).toContain('购买阶段/售后');
    expect(s.drafts[0]?.text).toMatch(/寄回地址/u);
    expect(s.drafts[0]?.text).not.toMatch(/物流进度/u);
  });

  it('changes a delivery address rather than tracking the parcel or treating it as an alteration', async () => {
    const text = await top('顾客: 不好意思啊 我刚下的那个订单 地址填成我公司的了 能不能帮我改成家里的地址 订单号我等会截图发你');
    expect(text).toMatch(/修改收货地址/u);
  });

  it('answers the ask left unanswered behind a complaint about the service', async () => {
    const text = await top('顾客: 你们这什么服务啊 我昨天晚上在线客服问了三遍有没有我的码 到现在一个回复都没有');
    expect(text).toMatch(/抱歉/u);
    expect(text).toMatch(/尺码/u);
  });

  it('answers a wrong colour with the wrong-item terms, and a missing piece with sending it on', async () => {
    const wrong = await top('顾客: 前阵子买的毛衣今天才拆开 我买的燕麦色 寄来的是浅灰 怎么搞的');
    expect(wrong).toMatch(/^(?:您好，)?非常抱歉/u);
    expect(wrong).toMatch(/发错货.*运费由我们承担/u);
    expect(await top('顾客: 箱子里只有衬衫 裤子没有')).toMatch(/补发/u);
  });

  it('answers when a refund comes for a return already sent, not with a complaint script', async () => {
    const profile = { ...emptyProfile('wmCUST', NOW), gender: 2 as const, facts: [{ key: 'purchase', value: 'AP-1046', at: NOW - 5 * 86_400_000 }] };
    const s = await assistant.suggest({ conversation: chat('顾客: 茶歇裙昨天寄回去了 单号SF1234567890 大概多久能退款呀'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, profile });
    expect(s.drafts[0]?.text).toMatch(/1-3个工作日/u);
    expect(tagsOf(s)).toContain('购买阶段/售后');
  });
});

describe('an exchange in store, a head size, a doubt it is genuine', () => {
  it('answers an online order exchanged in store with the store terms, not a wrong-item remedy', async () => {
    for (const ask of ['顾客: 网上买的毛衣 可以到静安店换个码吗', '顾客: 网上买的裤子 能去店里换吗 店里没有我要的码呢']) {
      const s = await suggest(ask);
      expect(s.drafts[0]?.text).toMatch(/门店有货可以当场换/u);
      expect(s.drafts[0]?.text).not.toMatch(/发错货/u);
      expect(tagsOf(s)).toContain('购买阶段/售后');
    }
  });

  it('answers 头围59戴得下吗 about the hat in view with its head size', async () => {
    const text = await top('顾客: 有没有冬天戴的针织帽', '导购: 针织毛线帽¥129，有黑色、灰色、燕麦色。', '顾客: 我头大 60能戴不');
    expect(text).toMatch(/头围54-60cm/u);
  });

  it('answers a doubt a bought perfume is genuine with the store’s word and a look at the batch number', async () => {
    const profile = { ...emptyProfile('wmCUST', NOW), gender: 2 as const, facts: [{ key: 'purchase', value: 'BT-2053', at: NOW - 10 * 86_400_000 }] };
    const s = await assistant.suggest({ conversation: chat('顾客: 我买的晚桂淡香精味道跟以前不一样 不会是假的吧'), guideId: 'guide.lin', customerId: 'wmCUST', now: NOW, profile });
    expect(s.drafts[0]?.text).toMatch(/^非常抱歉/u);
    expect(s.drafts[0]?.text).toMatch(/正品.*批号/u);
    expect(tagsOf(s)).toContain('购买阶段/售后');
  });
});

describe('two asks and asks about others', () => {
  it('holds the boots and gives the closing time, both', async () => {
    const text = await top('顾客: 粗跟方头踝靴奶白色37码 静安店有吗', '导购: 我帮您查了，静安店奶白37还有一双～1199元。', '顾客: 好 帮我留一下 我晚上过去 你们几点关门');
    expect(text).toMatch(/留/u);
    expect(text).toMatch(/22:00/u);
    expect(text.indexOf('留')).toBeLessThan(text.indexOf('22:00'));
  });

  it('keeps a friend’s purchase private, with no pitch beside it', async () => {
    const s = await suggest('顾客: 我闺蜜上周在你们这买了件大衣 你能告诉我她买的哪件吗 我想买同款');
    expect(s.drafts[0]?.text).toMatch(/隐私/u);
    expect(s.drafts[0]?.skus).toEqual([]);
  });

  it('answers whether sensitive ears can wear the earrings, not as a complaint', async () => {
    const s = await suggest('顾客: 想看看珍珠耳钉', '导购: 有一款925银淡水珍珠耳钉，珍珠7-8mm，日常通勤和约会都适合～', '顾客: 多少钱 耳朵过敏能戴吗');
    expect(s.drafts[0]?.text).toMatch(/¥299/u);
    expect(s.drafts[0]?.text).toMatch(/925银针/u);
    expect(tagsOf(s).some((t) => /投诉|售后/u.test(t))).toBe(false);
  });

  it('turns down colours said to be too dull, and names the lighter one it comes in', async () => {
    const text = await top('顾客: 西装外套有没有 上班穿 S码', '导购: 单排扣西装外套899元，黑色、藏青、燕麦色，微弹不容易皱，S码都有。', '顾客: 黑色藏青都太沉闷了 有没有浅一点的颜色');
    expect(text).toMatch(/燕麦色/u);
    expect(text).not.toMatch(/有藏青/u);
  });
});

describe('services and worries about the piece', () => {
  it('answers taking in a waist with the alteration terms, not a size chart', async () => {
    const text = await top('顾客: 想问问改衣服 我买的羊毛西装裤腰有点大', '导购: 可以的～是在门店买的吗？大概大多少？', '顾客: 门店买的 大一两厘米吧 能收吗 要钱吗');
    expect(text).toMatch(/收腰/u);
    expect(text).toMatch(/费用/u);
    expect(text).not.toMatch(/尺码表/u);
  });

  it('says a cotton hoodie does not shed, and keeps the settling-in note for wool and down', async () => {
    expect(await top('顾客: 连帽卫衣灰色L还有吗 会不会掉毛啊')).toMatch(/不容易掉毛/u);
    expect(await top('顾客: 羊绒圆领毛衣会不会掉毛')).toMatch(/细绒/u);
  });

  it('reads a granddaughter as the one the gift is for, and 喜欢化妆 as make-up', async () => {
    const text = await top('顾客: 小林啊 我孙女考上大学了 想送她个礼物 小姑娘喜欢化妆 你帮我看看 五六百块钱的');
    expect(text).toMatch(/两款彩妆/u);
    expect(text).toMatch(/送孙女很合适/u);
  });
});

describe('policy asked in anger or twice over', () => {
  it('gives the price-protection terms beside the apology, without the store’s offers', async () => {
    const s = await suggest('顾客: 前天在你们静安店买的那件经典双排扣风衣 卡其色 结果今天刷小程序一看 同款同色同码降价了 我真的无语 你们这样合适吗 能不能退差价');
    expect(s.drafts[0]?.text).toMatch(/^(?:您好，)?非常抱歉/u);
    expect(s.drafts[0]?.text).toMatch(/退差价/u);
    expect(s.drafts[0]?.text).not.toMatch(/满减|折扣/u);
  });

  it('answers when it ships and when it arrives once, not the delivery times twice', async () => {
    const text = await top('顾客: 想要那件连帽卫衣', '导购: 好的～599元，链接发您了，满299包邮。', '顾客: 下午三点付的话今天能发吗 寄苏州明天到不');
    expect(text).toMatch(/16:00前付款/u);
    expect(text.match(/16:00前付款/gu)).toHaveLength(1);
  });
});

describe('a product named short, and medical asks about clothes', () => {
  it('finds the product a shortened name points at in the catalog', () => {
    const state = buildDialogueState(kb, { conversation: chat('顾客: 莫代尔长袖打底有肤色的吗 要L'), guideId: 'guide.lin', now: NOW });
    expect(state.slots.focus?.value.name).toBe('莫代尔长袖打底T恤');
  });

  it('answers an alteration asked as 能帮改吗 with the free hemming', async () => {
    expect(await top('顾客: 九分西装裤有L码吗？裤腿长了能帮改吗')).toMatch(/免费修改裤长/u);
  });

  it('sends a medical ask about clothes to the doctor, with no skincare words and no product named', async () => {
    const s = await suggest('顾客: 我妈有关节炎 羊毛保暖内衣穿了能治腿疼不');
    expect(s.drafts[0]?.text).toMatch(/看医生/u);
    expect(s.drafts[0]?.text).not.toMatch(/护肤|耳后|小样/u);
    expect(s.drafts[0]?.skus).toEqual([]);
    expect(s.drafts[0]?.flags).toEqual([]);
  });
});

describe('a problem dealt with, and the one still open', () => {
  it('answers the refund still not arrived, not the fault the refund was for', async () => {
    const text = await top('顾客: 你好，三个礼拜前买的那条缎面吊带长裙裙摆抽丝了，周一拿去静安店，店员说同款没货了给我办了退款，说钱会原路退回，今天都周六了我信用卡还没看到，想问一下是不是哪里出了问题还是要再等等');
    expect(text).toMatch(/^(?:您好，)?非常抱歉/u);
    expect(text).toMatch(/3-7个工作日/u);
    expect(text).not.toMatch(/30天包换/u);
  });

  it('reads a problem made good long ago, told on the way to a new wish, as no complaint', async () => {
    const s = await suggest('顾客: 好久没来找你了，说实话去年那个水桶包抽绳断了之后我就有点不想来你们家了，后来虽然给我换了，就是折腾了挺久的。最近在商场路过你们店，看到橱窗里的新大衣挺好看的，就又想起你了');
    expect(s.drafts[0]?.text).toMatch(/大衣/u);
    expect(s.drafts[0]?.text).not.toMatch(/30天包换/u);
  });
});

describe('a customer coming back', () => {
  it('says of course to 还记得我吗, and asks after the kind bought without naming the product', async () => {
    const text = await top('顾客: 风衣收到了 挺好的', '导购: 太好了～有需要随时找我。', '顾客: 哈喽😄 还记得我吗 上次买风衣那个');
    expect(text).toMatch(/^当然记得您/u);
  });
});


describe('said once, in the customer’s terms', () => {
  it('says a missing size once although two asks lead to it', async () => {
    const text = await top('顾客: 男士连帽羽绒服多少钱 我一米八五 二百二十斤 得穿XXXL吧 有没有这么大的');
    expect(text).toMatch(/¥1099/u);
    expect(text.match(/没有XXXL码/gu)).toHaveLength(1);
  });

  it('says how parcels go once when a forwarded question asks it three ways', async () => {
    const text = await top('顾客: 我同事让我问你哈，她上班时间在家收不了快递，能不能直接寄到她们公司，她们公司在陆家嘴一栋写字楼里，前台会代收，还是说只能寄家里');
    expect(text).toMatch(/公司/u);
    expect(text.match(/统一使用顺丰/gu) ?? []).toHaveLength(1);
  });

  it('answers when points expire without a yes first', async () => {
    expect(await top('顾客: 积分什么时候过期啊')).not.toMatch(/^(?:您好，)?会的/u);
  });

  it('takes the other of two listed when one is turned down as too dear', async () => {
    const text = await top('顾客: 年底公司年会要穿正式一点，想买件西装', '导购: 男士精纺羊毛西装套装4980元一套，或者男士休闲西装1199元单件。您身高体重多少？', '顾客: 178 75公斤 平时衬衫穿XL 套装有点贵了 单件的就行');
    expect(text).toMatch(/^(?:您好，)?男士休闲西装/u);
  });

  it('says men’s skincare lacks a dry-skin cream, not all skincare', async () => {
    const text = await top('顾客: 男朋友干皮 冬天脸起皮 有没有男士专用的护肤品送他');
    expect(text).toMatch(/男士护肤/u);
  });
});

describe('a second clause of the same ask', () => {
  it('adds nothing of another rule to a points conversion asked twice (抵现金吗 怎么换算)', async () => {
    const text = await top('顾客: points可以抵现金吗 怎么换算');
    expect(text).toMatch(/100积分抵1元/u);
    expect(text).not.toMatch(/生日/u);
  });
});
