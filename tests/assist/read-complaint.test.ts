/**
 * Complaints said in words the keyword table never listed: something received, worn or used, and a bad
 * outcome ("穿了一次就不行了", "面霜用着有点刺刺的", "快递到了但是里面东西不对"). And the look-alikes that
 * are not complaints: a worry before buying, praise after it, a plain question about a product.
 */
import { describe, expect, it } from 'vitest';
import { readComplaint } from '../../src/assist/dialogue/read-complaint.ts';
import { toMandarin } from '../../src/assist/dialogue/to-mandarin.ts';
import type { ChatMessage } from '../../src/conversation/model.ts';

const said = (...texts: string[]): ChatMessage[] =>
  texts.map((text, i) => ({ id: `m${i + 1}`, guideId: 'g', customerId: 'c', speaker: i % 2 === texts.length % 2 ? 'guide' : 'customer', text, source: 'paste', at: i * 1000 }));

describe('a complaint in the customer’s own words', () => {
  it.each([
    ['穿了一次就不行了，你们这质量', 'quality'],
    ['香水收到就是漏的 盒子都泡湿了', 'package'],
    ['气垫不是说含替换装吗 我这盒里就一个 没有替换芯', 'wrong_item'],
    ['物流说放驿站了 我去驿站找了一圈根本没有', 'delay'],
    ['呵呵 899的西装 穿了一次肩垫就歪到一边去了 真是好品质啊', 'quality'],
    ['瑜伽裤一蹲下就透肉 你们详情不是写的不容易透吗 上课尴尬死了', 'quality'],
    ['钱包压印的字母印错了 我写的是ZY 你们印成了ZV', 'quality'],
    ['雪地靴踩了一次雪水就一圈白印子 丑死了 这个还能弄干净吗', 'quality'],
    ['我一起买了护手霜礼盒跟鲨鱼夹 今天到了只有护手霜 鲨鱼夹呢？', 'wrong_item'],
    ['我下单的42码德比鞋 收到的是41 穿都穿不进去', 'wrong_item'],
    ['洗了一次领口就松了', 'quality'],
    ['买的鞋子穿着脚疼', 'quality'],
    ['面霜用着有点刺刺的', 'harm'],
    ['用了你们的精华脸上有点痒', 'harm'],
    ['这个粉底我用了闷得慌，下巴一片小疙瘩', 'harm'],
    ['快递到了但是里面东西不对', 'wrong_item'],
    ['收到的和我下单的不是一个款', 'wrong_item'],
    ['你们的东西我很不满意', 'service'],
    ['收到的裙子怎么这样啊，跟我想的完全不一样', 'quality'],
    ['昨天拿到的大衣袖子上有一块脏的', 'quality'],
    ['刚买的包包带子松松垮垮的', 'quality'],
    ['戴了两天耳钉耳朵就红了', 'harm'],
    ['寄过来的毛衣一股怪味', 'quality'],
    ['才穿了一个星期鞋底就裂开了', 'quality'],
    ['洗完之后整件都小了一圈', 'quality'],
    ['太失望了，这么贵的衣服就这样', 'service'],
    ['我要退货，这个质量真的不行', 'quality'],
    ['到手的围巾薄得跟纸一样，和描述差太多', 'quality'],
    ['你们怎么回事，说好今天到的', 'delay'],
    ['下单五天了还是没有发货信息', 'delay'],
    ['我的快递五天都没到 查又查不到', 'delay'],
    ['香水味道跟店里闻的不一样 感觉是假的', 'quality'],
    ['货到了 跟描述不符', 'quality'],
    ['收到就是坏的', 'quality'],
    ['包装盒都是破的', 'package'],
    ['说好帮我留的那件 是不是把我忘了', 'service'],
    ['鞋子一只36一只37 怎么发的', 'wrong_item'],
    ['订了三样 只到了面霜', 'wrong_item'],
    ['眉笔一削就折了', 'quality'],
    ['衬衫下摆的线散开了', 'quality'],
    ['银耳钉戴了两周 灰扑扑的', 'quality'],
    ['导购全程不搭理我 什么服务态度', 'service'],
    ['快递单号三天都不动', 'delay'],
    ['单号发你了 都三天了 一直显示已揽收 动都不动', 'delay'],
    ['你好 前天收到的小白鞋 左脚鞋面有一道划痕 能换吗', 'quality'],
    ['牛仔裤洗了一次 把我白T恤染得蓝一块白一块的🙄', 'quality'],
    ['周六我去了 又说没到 白跑两趟 这咋整的', 'service'],
    ['马海毛开衫穿了两次 黑裤子上全是毛 粘都粘不干净 你们就这么做生意的？', 'quality'],
    ['麻花毛衣洗了一次 整件变长了 袖子都快到膝盖了 咋整啊', 'quality'],
    ['中跟尖头单鞋买了不到一个月 鞋跟那块皮磨没了 露出里面白的', 'quality'],
    ['牛仔夹克洗了一次 水都是蓝的 一起洗的白T也染上了 这正常吗', 'quality'],
    ['那个安肌舒缓精华我抹完脸又红又烫 这叫安肌？', 'harm'],
    ['裤子改好了没 说三到五天 今天都第八天了', 'delay'],
    ['你好 那件退掉的真丝衬衫 钱退到哪去了 我看微信没收到', 'refund'],
    ['耳钉戴了两次 针就弯了', 'quality'],
    ['百褶裙洗了一次 褶子全没了', 'quality'],
    ['收到的包 拉链拉不动', 'quality'],
    ['这双鞋穿了一周 鞋头翘起来了', 'quality'],
    ['鞋子一只大一只小', 'quality'],
    ['戒指戴了几天就掉色', 'quality'],
    ['买的大衣做工太粗糙了', 'general'],
    ['钱退了没？等好几天了', 'refund'],
    ['包裹里少了一个赠品', 'wrong_item'],
    ['这个口红收到就断成两截了', 'quality'],
    ['我下单的是黑色 你们发来的是驼色 怎么发的货', 'wrong_item'],
    ['我买了俩东西 就到了一个 围巾没在里面', 'wrong_item'],
    ['收到那个盒都烂了 珍珠项链还掉了粒珠', 'package'],
    ['发货也太慢了吧 三天了还没发', 'delay'],
    ['下巴闷了好几颗痘 才用了两次', 'harm'],
    ['那个店员爱搭不理的 什么态度', 'service'],
    ['我订的是雾蓝的轻薄短款羽绒服 怎么寄来的是黑色', 'wrong_item'],
    ['今天收到快递了 但是箱子里只有衬衫 裤子没有', 'wrong_item'],
    ['味道跟我在店里试的淡了好多 你们不会卖假货吧', 'quality'],
    ['我真的很生气 买的那个托特包 用了没几天 包带的地方线就开了', 'quality'],
    ['耳钉戴了耳朵发炎了', 'harm'],
    ['洗面奶用完脸紧绷绷的还起皮', 'harm'],
    ['穿了一天脚就磨出泡了', 'harm'],
    ['快递显示签收了但我没收到', 'delay'],
    ['这香水跟专柜的味道不一样 是不是假的', 'quality'],
    ['尺码标的M 实际跟S一样', 'quality'],
    ['项链戴了一个月就黑了', 'quality'],
    ['毛衣起了好多球 才穿两次', 'quality'],
    ['衣服有股很重的味道', 'quality'],
    ['颜色洗掉了 把其他衣服都染了', 'quality'],
    ['我买的是L 给我寄了个M', 'wrong_item'],
    ['少寄了一只袜子', 'wrong_item'],
    ['说好的赠品没给我', 'wrong_item'],
    ['上次那瓶按压泵头按不出来了 还剩大半瓶呢', 'quality'],
    ['改短了一大截 现在快成七分了 我不要了能退吗', 'quality'],
  ])('%s → %s', (text, kind) => {
    const complaint = readComplaint(said(text));
    expect(complaint?.kind).toBe(kind);
    expect(text).toContain(complaint?.quote);
  });
});

describe('not a complaint', () => {
  it.each([
    '这款穿着会磨脚吗',
    '收到了，谢谢你呀',
    '用了一周很好用，再来一瓶',
    '买的那件大衣穿着很舒服，朋友都说好看',
    '洗了之后会缩水吗',
    '敏感肌用这个会不会过敏',
    '有没有不起球的毛衣',
    '想买双不磨脚的鞋',
    '上次买的面霜快用完了，想回购',
    '穿了一次觉得挺好的，还有别的颜色吗',
    '这个和那个哪个好',
    '你们几点关门',
    '发票怎么开',
    '怎么办会员',
    '我担心尺码不对',
    '到了吗我看看物流',
    '这个耳钉戴了会不会发炎',
    '签收的时候要本人吗',
    '专柜和你们家价格一样吗',
    '标的M码实际尺寸多少',
    '这件衣服起球吗',
    '我买的是黑色 很好看',
    '你们说好的满减还有吗',
    '去年那个水桶包抽绳断了 后来虽然给我换了 就是折腾了挺久的 最近想看看大衣',
    '侬帮我讲讲看 府绸白衬衫搭真丝衬衫 上班穿到底选哪能一件 我勿高兴手洗',
    '穿着逛了一整天 晚上脚一点都不疼',
    '第一次洗要注意啥 不想洗缩了',
    '敏感肌能用的爽肤水有吗 我用啥水都刺痛',
    '会不会起球啊 我上一件毛衣袖口磨得全是毛球',
    '这个面霜会不会闷痘 我之前用过一个 用完满脸闭口',
    '之前在网上买的包 链条掉漆了 这回想在你们店买个好点的',
    '之前穿别家毛衣脖子一圈都是红疹子 你们这款扎不扎',
    '昨天下雨淋湿了 有几个水印 超喜欢这个包 别给我整坏了',
  ])('%s', (text) => {
    expect(readComplaint(said(text))).toBeUndefined();
  });
});

describe('wear and wishes are not faults', () => {
  it.each([
    '皮包可以保养吗 用了一年有点脏',
    '你保证这个面霜用了能去皱吗',
    '穿了两年有点松了，想买件新的',
    '就我那件旧西装 袖口都磨起毛了 穿了四五年 想换件新的',
    '上次买的那件羽绒服 脏了 能直接丢洗衣机洗吗',
    '在你家买的雪地靴 脏了 能刷吗',
    '有没有油皮能用的面霜 我一用面霜就闷痘',
    '银手链戴久了发黑了',
  ])('%s', (text) => {
    expect(readComplaint(said(text))).toBeUndefined();
  });
});

describe('a denial is not a complaint', () => {
  it.each(['退货运费是我出还是你们出 不是质量问题 就是不喜欢', '没有质量问题，就是颜色不喜欢'])('%s', (text) => {
    expect(readComplaint(said(text))).toBeUndefined();
  });
});

describe('broken, shrunk, fallen off, worn through or the wrong colour, said as people say it', () => {
  it.each([
    ['我上礼拜买额金链子 今朝断脱了 哪能弄法', 'quality'],
    ['刚拆开口红就是断的 😭😭', 'quality'],
    ['你们这个羊绒衫咋个洗一水就缩了嘛 穿都穿不进去了', 'quality'],
    ['大衣扣子第二天就掉了 这玩意儿糊弄谁呢', 'quality'],
    ['喂 你哋寄嚟嘅颜色唔啱啊 我要嘅系黑色 寄咗件酒红俾我', 'wrong_item'],
    ['侬好 上个号头买额双肩包 拉链头子脱脱了 哪能弄弄', 'quality'],
    ['呵呵 四百多的毛衣穿了两回就起一身球 真是物超所值啊👍', 'quality'],
    ['裙子寄回去都五天了 退款到底啥时候能到账啊 等得着急死了', 'refund'],
    ['开衫换的那件 物流显示昨天签收了 我家根本没人收到', 'delay'],
    ['昨天你也是这么说的 到底有没有人管啊 给个准话', 'service'],
    ['我妈说根本没收到 可物流显示前天就签收了', 'delay'],
    ['打开才发现是黑色的 我下的单是驼色', 'wrong_item'],
    ['按说明手洗的 晾干以后摸着发硬 是不是面料有问题', 'quality'],
    ['耳钉戴了没几天就发黑了', 'quality'],
    ['新鞋磨得我小脚趾都出血了', 'harm'],
    ['项链的吊坠前两天掉了 找都找不到', 'quality'],
    ['包包提手那里裂开了一道', 'quality'],
    ['靴子拉链卡死了 脱都脱不下来', 'quality'],
    ['这鞋后跟里面的布磨穿了 才穿了几次', 'quality'],
    ['裤子裆那里开了个口子 好尴尬', 'quality'],
    ['手链上的水钻掉了两颗', 'quality'],
    ['卖的时候还说不起球 结果穿了三次全是球', 'quality'],
    ['说好三天改好 这都十天了 到底好了没', 'delay'],
    ['你们是不是把地址写错了 快递送到别的区去了', 'delay'],
    ['换货寄来拆开一看还是大的那个码', 'wrong_item'],
  ])('%s → %s', (text, kind) => {
    expect(readComplaint(said(toMandarin(text)))?.kind).toBe(kind);
  });

  it.each(['这款断码了吗', '洗一水会缩吗', '这个判断的没错 就要这款', '扣子是金属的还是塑料的', '退款一般多久到账', '拉链会不会卡', '扣子是金属的吗', '鞋跟有几公分', '想要一条不掉色的牛仔裤', '皮面可以用什么擦', '提手能调长短吗'])('%s is not one', (text) => {
    expect(readComplaint(said(toMandarin(text)))).toBeUndefined();
  });
});
