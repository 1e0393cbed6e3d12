/**
 * Problems with a purchase told in the middle of other talk, in the customer's own words: a clerk's stony
 * face, a size unlike its label, the wrong bottle called a 盲盒, an alteration not done as promised, down
 * coming through, doubt that an online bottle is genuine, a broken bottle in the parcel, less refunded
 * than paid. Each is tagged; and look-alikes (their own washing machine, a reaction to cream used
 * elsewhere before) are not.
 */
import { describe, expect, it } from 'vitest';
import { toMandarin } from '../../src/assist/dialogue/to-mandarin.ts';
import { askDemoAfterPurchase, complaintTagged, topText } from './support.ts';

const ask = askDemoAfterPurchase();

describe('problems told in the middle of a chat', () => {
  it('hears a clerk who treated a return with suspicion, after talk of a visit', async () => {
    const s = await ask(undefined, '顾客: 周末想去店里看看男士大衣', '导购: 好呀，您平时穿什么码？我提前帮您备好', '顾客: 先不急 有个事想说 上次去静安店退那双小白鞋 那个店员一直板着脸 还说我肯定穿出去过 我就在家试了一下 搞得我当场特别尴尬');
    expect(complaintTagged(s)).toBe(true);
    expect(s.drafts[0]?.skus ?? []).toEqual([]);
  });

  it('hears a size unlike its label, the wrong product called a surprise, and an alteration not ready as promised', async () => {
    expect(complaintTagged(await ask('AP-1045', '顾客: 我问下 你们M码是按什么标准做的', '导购: 您好，是哪一款呢？不同版型上身会有点差别，我帮您看看', '顾客: 针织连衣裙 我一直穿M 这件M跟我别的M比小了一圈 吊牌写的M 我怀疑是不是标错了'))).toBe(true);
    expect(complaintTagged(await ask('BT-2060', '顾客: 谢谢你们送的盲盒哈 我买的身体乳 到手是瓶沐浴露 挺有惊喜的'))).toBe(true);
    expect(complaintTagged(await ask('AP-1089', '导购: 裤长已经给您登记好了，3-5天就可以来取～', '顾客: 好 那我下周过来拿', '顾客: 我今天专门请了假跑过去拿裤子 结果跟我说还没改 你们说话算不算数啊'))).toBe(true);
  });

  it('hears down coming through and doubt about a bottle bought online', async () => {
    expect(complaintTagged(await ask('AP-1007', '顾客: 这两天降温好厉害', '导购: 是呀，出门记得穿厚点～', '顾客: 穿了你们那件短款羽绒服 一天下来黑裤子上全是白毛毛 你们家羽绒服都这样吗'))).toBe(true);
    expect(complaintTagged(await ask(undefined, '顾客: 你们家香薰蜡烛能点多久', '导购: 晚桂香薰蜡烛燃烧时长约40小时，第一次点建议烧到整个表面融化再熄灭～', '顾客: 行 不过我有点怀疑 上次在小程序买的晚桂香精跟店里闻的不太一样 留香也就一个小时 线上发的是正品吗'))).toBe(true);
  });

  it('answers a bottle broken in the parcel with sending another, and less refunded with how an offer is shared out', async () => {
    const broken = await ask(undefined, '导购: 早上好～有什么可以帮您的吗', '顾客: 快递盒子一股香味 拆开一看香水瓶口那里裂了 漏了小半瓶 盒子都泡湿了');
    expect(complaintTagged(broken)).toBe(true);
    expect(topText(broken)).toMatch(/补发|换货/u);
    const short = await ask(undefined, '顾客: 嗯', '顾客: 钱到了 但是只退了425 我买的时候明明459 差了三十多块 你们是不是扣了我什么');
    expect(complaintTagged(short)).toBe(true);
    expect(topText(short)).toMatch(/实付/u);
  });

  it('tells a skin reaction after cream to stop using it', async () => {
    expect(topText(await ask(undefined, '顾客: 上回推荐我的那个舒缓霜', '顾客: 说好的敏感肌能用呢 涂了两天脸又烫又刺 现在洗脸都不敢碰'))).toMatch(/停用/u);
  });
});

describe('more of a problem, and problems beside a service', () => {
  it('keeps a complaint open when the customer adds more of the same problem in another part', async () => {
    const s = await ask('AP-1074', '顾客: 送闺蜜的真丝睡衣 她说裤子上有块黄印子', '导购: 非常抱歉！麻烦您让朋友拍一下印子的位置发给我，我马上帮您确认', '顾客: 她刚又跟我说上衣领口也有一小块 两件都有 这还是新的吗 我都不好意思见她了');
    expect(complaintTagged(s)).toBe(true);
    expect(topText(s)).toMatch(/^非常抱歉/u);
    expect(s.drafts[0]?.skus ?? []).toEqual([]);
  });

  it('apologises for a gift card left out before any gift-wrap terms, and gives the price protection to one who paid more', async () => {
    const card = await ask(undefined, '导购: 您好～', '顾客: 我那天让你们帮忙写贺卡的丝巾 我婆婆收到了 说盒子里啥也没有 就一条丝巾 我在卡上写了好多话的 好尴尬');
    expect(topText(card)).toMatch(/^非常抱歉/u);
    const dropped = await ask('AP-1023', '导购: 有的～羊毛V领开衫599元，米白、藏青、酒红三个颜色，可以当外套也能扣起来当上衣穿', '顾客: 哦 我刚在小程序上看到 我那件羊绒毛衣现在便宜了两百 我双十一前才买的 早知道等等了 我这不是冤大头嘛');
    expect(topText(dropped)).toMatch(/7天/u);
  });
});

describe('complaints in sarcasm and dialect', () => {
  it('hears a jumper shrunk to a niece\'s size, a clasp fallen off, a price drop to an old customer, a bottle left on their hands', async () => {
    for (const [sku, said] of [
      [undefined, '顾客: 一千六的羊绒衫 按你们说的手洗 洗完能给我侄女穿了 真不错呢'],
      ['AC-4002', '顾客: 月牙包那个扣子今天直接掉地上了 捡起来装不回去 二十天就这样？'],
      [undefined, '顾客: 才买二十天的风衣今天小程序便宜了一百多 早知道晚点买了 老顾客就这待遇'],
      [undefined, '顾客: 停了啊 那这瓶就这么砸手里了？三百块呢 当时推荐的时候说得那么好'],
    ] as const) expect(complaintTagged(await ask(sku, said)), said).toBe(true);
  });

  it('hears another colour than the one bought, and a Shanghainese clerk who never looked up', async () => {
    expect(complaintTagged(await ask(undefined, '顾客: 快递到了', '顾客: 我买的深蓝 这条是浅蓝的啊 吊牌都没拆 我也懒得拆了'))).toBe(true);
    expect(topText(await ask(undefined, '顾客: 侬拉店里个小姑娘态度老推板额 我上趟去换尺码 伊眼睛也勿抬一抬'))).toMatch(/^(?:您好，)?(?:非常|真的很)?抱歉/u);
  });
});

describe('trouble asked as a question about what was bought', () => {
  it('hears "都这样吗" after a jumper went loose as a complaint, but not a question about the cut before buying', async () => {
    expect(complaintTagged(await ask('AP-1023', '顾客: 你们家的毛衣都这样吗 穿两次就松了'))).toBe(true);
    expect((await ask(undefined, '顾客: 你们家衣服都这样宽松吗 我想买件合身的')).tags.some((t) => /投诉/u.test(t.tag))).toBe(false);
  });
});

describe('look-alikes', () => {
  it('answers silk put in the washing machine by the customer with its care, not an apology', async () => {
    const s = await ask(undefined, '导购: 哈哈 怎么啦？', '顾客: 我把那件真丝衬衫跟别的衣服一起丢洗衣机了 现在皱巴巴的 摸着还有点硬 不怪你们哈 就是还能救吗');
    expect(topText(s)).toMatch(/冷水|低温|手洗/u);
    expect(topText(s)).not.toMatch(/抱歉/u);
  });

  it('takes a reaction to cream used before as a need for the next one, not a complaint', async () => {
    const s = await ask(undefined, '顾客: 想买个面霜', '导购: 预算大概多少呢？', '顾客: 300左右 一定要油皮能用的 之前用厚面霜闷痘了');
    expect(s.tags.some((t) => /投诉/u.test(t.tag))).toBe(false);
    expect(topText(s)).not.toMatch(/抱歉/u);
  });
});

describe('problems told in more words, and what only sounds like one', () => {
  it('hears another colour found inside, a refund waited on for weeks and a shrink after following the care advice', async () => {
    expect(complaintTagged(await ask(undefined, '顾客: 快递放了半个月今天才拆 我买的是灰色连帽卫衣 结果里面是黑的 你们打包都不看一眼的吗'))).toBe(true);
    const refund = await ask(undefined, '顾客: 芭蕾舞鞋退回去都一个多礼拜了 钱呢？不是说1-3个工作日吗 我都问第三遍了');
    expect(complaintTagged(refund)).toBe(true);
    expect(topText(refund)).toMatch(/退款/u);
    expect(refund.drafts[0]?.skus ?? []).toEqual([]);
    expect(complaintTagged(await ask(undefined, '顾客: 羊毛针织连衣裙我是按你说的冷水手洗 平铺晾干的 结果缩了一截 现在短到膝盖上面了 还怎么穿'))).toBe(true);
  });

  it('does not hear a skin that always reacts, a correction or a worn-out belt to replace as a complaint', async () => {
    const eyes = await ask(undefined, '顾客: 我眼周特别敏感 用眼霜老是刺痛流眼泪 你们有敏感肌能用的眼霜么');
    expect(complaintTagged(eyes)).toBe(false);
    expect(topText(eyes)).toMatch(/没有|暂无|暂时/u);
    const thinner = await ask(undefined, '顾客: 想给男朋友挑件毛衣 圣诞节送', '导购: 好呀～他平时穿什么码？喜欢什么颜色？', '顾客: 藏青吧 他穿m', '导购: 男士羊绒V领毛衣1880元有藏青M码，男士圆领针织衫499元也有藏青M码。', '顾客: 哦不对 他最近减肥瘦了一大圈 m穿着晃荡 得要s的');
    expect(complaintTagged(thinner)).toBe(false);
    expect(thinner.drafts.slice(0, 3).map((d) => d.text).join(' ')).not.toMatch(/裤长|臀围/u);
    const belt = await ask(undefined, '顾客: 老公皮带扣子坏了 想给他买条新的 三四百块就行 他这人不讲究');
    expect(belt.tags.map((t) => t.tag)).not.toContain('客户状态/投诉');
    expect(belt.drafts[0]?.skus.length).toBeGreaterThan(0);
  });

  it('reads a question closed with 么 as a question (not the 幺 a converter makes of it)', async () => {
    expect(toMandarin('有敏感肌能用的眼霜么 這個麼')).toBe('有敏感肌能用的眼霜么 这个么');
  });
});
