/**
 * Short follow-ups about the product in view answered from the catalog (味儿冲不冲, 油不油, 能点多久, 一罐多大,
 * 有深点的色号吗, 里面是毛的不), not with a clothing-size script or an FAQ that shares a word; a store's
 * stock, the days to a city and the largest size asked in few words; complaints told in few words
 * (寄来个L, 少了那个, 还在转运中心睡觉, 写着签收了, 没下文) heard as complaints.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { emptyProfile } from '../../src/conversation/model.ts';
import { askDemo, CHAT_NOW, chat, demoAssistant } from './support.ts';

let assistant: Assistant;
beforeAll(async () => {
  ({ assistant } = await demoAssistant());
});

const { suggest, top } = askDemo(() => assistant);

describe('a trait of the product in view', () => {
  it('says how strong a perfume smells, how rich a cream is and how long a candle burns', async () => {
    expect(await top('顾客: 想要秋冬用的香水', '导购: 可以试试晚桂淡香精，桂花混着一点木质。', '顾客: 味儿冲不冲')).toMatch(/温柔/u);
    expect(await top('顾客: 脸干到起皮', '导购: 推荐沁润滋养面霜，专门给干皮的。', '顾客: 油不油啊')).toMatch(/质地偏厚/u);
    const candle = await top('顾客: 想买个蜡烛送同事', '导购: 晚桂香薰蜡烛269元，有礼盒。', '顾客: 能点多久');
    expect(candle).toMatch(/40小时/u);
    expect(candle).not.toMatch(/退/u);
  });

  it('answers a jar’s size and a cushion’s shades, not with a clothing-size question', async () => {
    const jar = await top('顾客: 想买晨露保湿霜', '导购: 好的～268元，干皮用很合适。', '顾客: 一罐多大');
    expect(jar).toMatch(/50g/u);
    expect(jar).not.toMatch(/身高体重/u);
    expect(await top('顾客: 轻盈气垫霜怎么样', '导购: 遮盖力自然，带一个替换芯。', '顾客: 有深点的色号吗')).toMatch(/自然色/u);
  });

  it('answers the size, the lining and the warmth asked one after another', async () => {
    const text = await top('顾客: 复古粗跟短靴焦糖色的', '导购: 这款1199元，5cm跟。', '顾客: 有37吗 里面是毛的不 冬天冷不冷');
    expect(text).toMatch(/37码/u);
    expect(text).toMatch(/羊毛/u);
  });

  it('answers the price and the gift box asked together', async () => {
    const text = await top('顾客: 羊绒围巾酒红色的', '导购: 羊绒围巾1280元，很暖和。', '顾客: 多少钱啊 有礼盒包装没');
    expect(text).toMatch(/1280/u);
    expect(text).toMatch(/礼盒包装/u);
  });
});

describe('stock, delivery and size in few words', () => {
  it('checks a store’s stock, says the days to a city, reads 大码 as the largest size', async () => {
    expect(await top('顾客: 云步一脚蹬平底单鞋米白的', '导购: 799元，很好走。', '顾客: 38 静安店有吗')).toMatch(/查一下/u);
    expect(await top('顾客: 牛皮双肩包黑色我要了', '导购: 好的～', '顾客: 北京要几天')).toMatch(/2-3天/u);
    expect(await top('顾客: 想要件粗针麻花毛衣', '导购: 奶白和燕麦色都有。', '顾客: 我肉肉的 有大码没')).toMatch(/XL/u);
  });
});

describe('complaints in few words', () => {
  const complaint = (s: Suggestion): boolean => s.tags.some((t) => /投诉|售后/u.test(t.tag)) && /^(?:您好，)?(?:非常抱歉|抱歉|不好意思|对不起)/u.test(s.drafts[0]?.text ?? '');
  it('hears a wrong size sent, a missing piece, a stalled parcel, a parcel signed for by no one and a forgotten promise', async () => {
    for (const line of ['顾客: 我下单的M 寄来个L 你们仓库眼神不好啊', '顾客: 买了三样 只有两样 少了那个护手霜', '顾客: 呵呵 你们顺丰可真快 一个礼拜了还在转运中心睡觉', '顾客: 快递上写签收了 我人一直在家 根本没人敲门啊', '顾客: 上礼拜说帮我查物流 到现在没下文 把我忘了吧']) {
      expect(complaint(await suggest(line)), line).toBe(true);
    }
  });
});

describe('more asked in one breath', () => {
  it('hears each spaced ask that asks something, and only those', async () => {
    const s = await suggest('顾客: 瑜伽裤有几个色 有xs没 我很瘦');
    expect(s.state?.intents).toEqual(expect.arrayContaining(['库存咨询', '尺码咨询']));
    const privacy = await top('顾客: 刚才店里那个穿红衣服的女的买了什么 电话多少 我想加她');
    expect(privacy).toMatch(/隐私/u);
    expect(privacy).not.toMatch(/给您挑了/u);
  });

  it('finds a warmer long one within the budget, not the one turned down', async () => {
    const text = await top('顾客: 冬天穿的羽绒服', '导购: 可以看看轻薄短款羽绒服699元，90%白鸭绒。', '顾客: 这个太薄了吧 我杭州骑车上班的', '顾客: 有没有更暖和的 长款 三千以内');
    expect(text).toMatch(/过膝长款鹅绒服/u);
    expect(text).not.toMatch(/轻薄短款羽绒服/u);
  });

  it('apologises for a price cut on a purchase and for a return asked as 退吧 咋弄, without offers', async () => {
    const cut = await top('顾客: 我前天才买的那件翻领大衣 今天小程序就降了 我是不是傻');
    expect(cut).toMatch(/不好意思/u);
    expect(cut).toMatch(/差价/u);
    expect(cut).not.toMatch(/满减|优惠/u);
    expect(await top('顾客: 腰太大了 穿不了', '顾客: 退吧 咋弄')).toMatch(/^(?:您好，)?不好意思.*订单号/u);
  });
});

describe('colours asked beside a request', () => {
  it('lists the colours of the pick when the request asks how many there are', async () => {
    const text = await top('顾客: 瑜伽裤有几个色 有xs没 我很瘦');
    expect(text).toMatch(/高腰瑜伽裤/u);
    expect(text).toMatch(/黑色、雾蓝、深灰/u);
    expect(text).toMatch(/XS/u);
  });
});

describe('one of the products just listed, picked by a word of its name', () => {
  it('prices the leather one when the customer points at it by its material', async () => {
    const text = await top('顾客: 上班用的包 要放电脑', '导购: 尼龙通勤包599元，轻；牛皮大号托特包能放14寸电脑。', '顾客: 尼龙的不太喜欢', '顾客: 那皮的那个呢 多钱');
    expect(text).toMatch(/牛皮大号托特包/u);
    expect(text).toMatch(/1580/u);
  });

  it('checks the size already said against the one pointed at by a word of its name', async () => {
    const text = await top('顾客: 找件白衬衫 我穿XS', '导购: 泡泡袖棉质衬衫359元，只有S到L；府绸白衬衫399元很挺括。', '顾客: 泡泡袖没我码', '顾客: 那府绸那件呢');
    expect(text).toMatch(/府绸白衬衫/u);
    expect(text).toMatch(/XS/u);
  });

  it('does not bring into view the one named to be turned down', async () => {
    const text = await top('顾客: 给我爸买点东西', '导购: 男士羊绒V领毛衣1880元，或者男士牛皮公文包2580元。', '顾客: 公文包他用不上', '导购: 那看毛衣吧，叔叔穿什么码？', '顾客: XXL 驼色有吗');
    expect(text).toMatch(/毛衣/u);
    expect(text).not.toMatch(/公文包/u);
  });
});

describe('sizes, fit and care of a product just shown', () => {
  it('checks each size asked for at once', async () => {
    const text = await top('顾客: 伴娘裙有吗 下个月闺蜜结婚', '导购: 有的，雪纺伴娘礼服裙，899元，雾粉/香槟色/浅紫，XS-XL，A字版型很显瘦。', '顾客: 定了香槟色 要四条 两条S两条M 都有货吗');
    expect(text).toMatch(/S码和M码都有/u);
  });

  it('tells someone who wears M which size to take when asked if it runs large', async () => {
    const text = await top('顾客: 想买件西装外套 黑色', '导购: 单排扣西装外套，899元，黑色/藏青/燕麦色，XS-XL，合体版型，微弹不容易皱；精纺羊毛西装外套，2399元，炭灰/黑色，S-XL，软肩合体。', '顾客: 第一件偏大还是偏小 我平时穿M 165 110斤');
    expect(text).toMatch(/^单排扣西装外套/u);
    expect(text).toMatch(/选M码/u);
  });

  it('gives the care of the fabric of the dearer dress, and asks which piece when none is in view', async () => {
    const dress = await top('顾客: 有小黑裙吗 参加晚宴', '导购: 有的，三醋酸小黑裙，1980元，黑色，S-XL，修身，垂感很好不易皱；预算低一点可以看羊毛针织连衣裙，699元，黑色/燕麦色，S/M/L。', '顾客: 贵的那件能机洗吗 还是只能干洗');
    expect(dress).toMatch(/干洗/u);
    expect(dress).toMatch(/三醋酸/u);
    expect(await top('顾客: 能机洗吗')).toMatch(/哪一件/u);
  });
});

describe('which of the products just shown, and what to do with them', () => {
  it('picks the one shown in the colour named, even with trousers to wear it with', async () => {
    const s = await suggest('顾客: 有暖和点的靴子吗', '导购: 粗跟切尔西靴，1299元，跟高4cm，黑色/深棕；复古粗跟短靴，1099元，跟高5cm，黑色/焦糖色，羊毛混纺内里比较暖。', '顾客: 暖和的那双焦糖色的 配黑裤子好看吗');
    expect(s.drafts[0]?.text).toMatch(/^复古粗跟短靴/u);
  });

  it('picks a shown product named in part, in a question that says 会不会', async () => {
    const text = await top('顾客: 想要个通勤的包', '导购: 链条小方包，1680元，小羊皮，黑色/米白，20×13×6cm；月牙腋下包，1280元，头层牛皮，黑色/奶白/酒红。', '导购: 好的～有问题随时问我。', '顾客: 你上回发我那个月牙的 奶白色会不会很容易脏');
    expect(text).toMatch(/^月牙腋下包/u);
  });

  it('adds up both products shown and says whether the order ships free', async () => {
    const text = await top('顾客: 想要个显白的口红 我黄皮', '导购: 黄皮可以看丝绒雾面口红#21 砖红或#01 枫叶红，199元；想要水润一点的话水光唇釉#03 蜜桃，169元。', '顾客: 两个都要 包邮不');
    expect(text).toMatch(/一共¥368/u);
    expect(text).toMatch(/满299包邮/u);
  });

  it('answers a transfer between stores for the size and colour asked', async () => {
    const text = await top('顾客: 风衣有吗 经典款那种', '导购: 经典双排扣风衣，1099元，65%棉，卡其/黑色，XS-XL，长款。', '顾客: 卡其XS 湖滨店要是没有 能从上海调过来吗 要几天');
    expect(text).toMatch(/^经典双排扣风衣卡其XS码有的/u);
    expect(text).toMatch(/1-2天/u);
  });

  it('answers both asks of a voice message: sheer or not, and L or XL by the weight given', async () => {
    const text = await top('顾客: 白T有推荐吗 要厚一点不透的', '导购: 长绒棉短袖T恤，169元，长绒棉手感细腻柔软，白色/燕麦色/雾蓝，XS-XL；基础圆领T恤，129元，白/黑/灰/藏青，纯棉。', '顾客: 便宜的那个透不透 我穿L还是XL 160斤');
    expect(text).toMatch(/不透/u);
    expect(text).toMatch(/160斤的话建议选XL码/u);
  });
});

describe('looks like a complaint, and is not one', () => {
  it('answers a worry about the down coat in view from what it is made of, not with a sweater', async () => {
    const text = await top('顾客: 过膝长款鹅绒服燕麦色还有吗', '导购: 有的～过膝长款鹅绒服2599元，90%白鹅绒填充，黑色和燕麦色，S到XL码，帽子可拆，领口有防风罗纹。', '顾客: 会不会钻绒啊 我之前那件 穿一次黑毛衣就变白毛衣了');
    expect(text).toMatch(/^过膝长款鹅绒服/u);
    expect(text).toMatch(/绒/u);
    expect(text).not.toMatch(/抱歉|添麻烦/u);
  });

  it('answers whether a cashmere jumper scratches for someone whose neck reacted to another brand', async () => {
    const text = await top('顾客: 想买件羊绒的毛衣 贴身穿的', '导购: 可以看看羊绒圆领毛衣1680元，纯羊绒十二针细密针织，燕麦色、黑色、浅灰、雾粉，XS到XL码，贴身穿不扎。', '顾客: 真的不扎吗 我脖子特别敏感 之前穿别家毛衣一圈都是红疹子');
    expect(text).toMatch(/不扎/u);
    expect(text).not.toMatch(/抱歉|添麻烦|停用/u);
  });

  it('recommends a new one to someone whose old one from elsewhere wore out', async () => {
    const s = await suggest('顾客: 之前网上买的包 链条掉漆掉得跟斑秃一样 真是够了', '顾客: 想换个你们家的 黑色 小一点的 一千五以内');
    expect(s.drafts[0]?.text).toMatch(/给您/u);
    expect(s.drafts[0]?.text).not.toMatch(/抱歉|添麻烦/u);
    expect(s.tags.map((t) => t.tag)).not.toContain('客户状态/投诉');
  });
});

describe('the wearer, the praise and the return', () => {
  it('sizes a dress a husband buys by his wife’s build, on the women’s chart', async () => {
    const s = await assistant.suggest({ conversation: chat('顾客: 给我老婆买那个羊毛针织连衣裙', '导购: 好的～羊毛针织连衣裙699元，燕麦色和黑色，S、M、L三个码，修身版型，腰部有收针。', '顾客: 她一米六二 一百一十斤 穿多大合适'), guideId: 'guide.lin', customerId: 'wmCUST', now: CHAT_NOW, profile: { ...emptyProfile('wmCUST', CHAT_NOW), gender: 1 } });
    expect(s.drafts[0]?.text).toMatch(/建议选M码/u);
  });

  it('thanks the customer when colleagues praised the outfit the guide put together', async () => {
    expect(await top('顾客: 上次你帮我搭的那套 同事都说好看哈哈哈')).toMatch(/^谢谢/u);
  });

  it('answers how to send back a pair of jeans returned for fit with the order number, not an apology for a fault', async () => {
    const text = await top('顾客: 牛仔裤腰有点大 想退了', '导购: 好的～吊牌还在吗？签收几天了呢？', '顾客: 吊牌在 前天到的 怎么寄回去');
    expect(text).toMatch(/订单号/u);
    expect(text).not.toMatch(/具体情况/u);
  });
});

describe('a product’s facts asked in few words, or in English', () => {
  it('answers how many masks a box holds, how heavy boots are and which ring sizes there are', async () => {
    expect(await top('顾客: 敏感肌有面膜推荐吗', '导购: 积雪草舒缓面膜129元，适合敏感肌，天丝膜布轻薄贴脸，敷完脸不会红红的紧绷。', '顾客: 一盒几片啊')).toMatch(/5片/u);
    expect(await top('顾客: 马丁靴有吗', '导购: 有的，厚底马丁靴999元，八孔经典款，黑色、酒红，36到44码都有。', '顾客: 重不重啊 我之前那双穿着跟绑了俩砖似的')).toMatch(/轻量/u);
    expect(await top('顾客: 情侣戒指有吗', '导购: 925银素圈戒指259元，素圈款可以叠戴，也很适合情侣一起戴。', '顾客: 有几个号 我男朋友手指挺粗的')).toMatch(/7-15号/u);
  });

  it('answers the price and whether it is rich enough, both', async () => {
    const text = await top('顾客: 冬天脸干得起皮', '导购: 干皮冬天要加强保湿，可以看晨露保湿霜，神经酰胺配方，空调房里用一整天也不干。', '顾客: 多少钱 我是特别干那种 够不够滋润');
    expect(text).toMatch(/¥268[\s\S]*质地/u);
  });

  it('reads a trench coat and its price asked in English', async () => {
    const text = await top('顾客: 你好 那件 trench coat 就是双排扣长款那个 price 多少？有 S 吗');
    expect(text).toMatch(/经典双排扣风衣是¥1099/u);
    expect(text).toMatch(/S码/u);
  });

  it('answers a store’s hours and where it is in the mall, and a gift box asked as 盒子', async () => {
    const text = await top('顾客: 湖滨那家周五开到几点 在银泰哪个位置');
    expect(text).toMatch(/22:30[\s\S]*in77/u);
    expect(await top('顾客: 想买条小丝巾 送同事', '导购: 真丝小方巾53cm 459元，桑蚕丝斜纹绸，青花、雾粉、藏青，系在脖子上很提气色。', '顾客: 有盒子吗 直接送人的')).toMatch(/礼盒/u);
  });
});

describe('care, sizes and first-order offers asked plainly', () => {
  it('tells how to iron an acetate skirt and how to wash jeans the first time, without an apology', async () => {
    const skirt = await top('顾客: 那条缎面半身裙好好看 就是挂衣柜里压出几道折痕 能熨吗');
    expect(skirt).toMatch(/低温/u);
    const jeans = await top('顾客: 那条微喇牛仔裤穿着显腿长 太爱了', '顾客: 第一次洗要注意啥 不想洗缩了');
    expect(jeans).toMatch(/冷水/u);
    expect(jeans).not.toMatch(/抱歉|添麻烦/u);
  });

  it('says which glove size for a small hand when asked 拿哪个码', async () => {
    expect(await top('顾客: 冬天骑电瓶车手冻得不行 有手套吗', '导购: 小羊皮触屏手套399元，羊毛内里，指尖能触屏，黑色、焦糖色；羊毛混纺手套169元，针织款。', '顾客: 皮的那个 焦糖色 我手小 拿哪个码')).toMatch(/建议选S码/u);
  });

  it('names the first-order sample to a first-time buyer, and men’s loungewear honestly as not stocked', async () => {
    expect(await top('顾客: 第一次在你们家买东西 有新人福利吗 能先试用再买吗')).toMatch(/新客首单赠小样/u);
    expect(await top('顾客: 想给我老公买套家居服', '导购: 好呀～您先生平时穿什么码？对面料有要求吗？', '顾客: 他穿XL 纯棉的就行 冬天在家穿')).toMatch(/暂时没有/u);
  });
});

describe('what a short answer settles', () => {
  it('checks a store’s stock of the size asked before the visit is confirmed', async () => {
    expect(await top('顾客: 湖滨店现在有粗跟切尔西靴38的吗 我下午想过去试试')).toMatch(/^您好，粗跟切尔西靴有38码/u);
  });

  it('confirms the size settled on for the boots in view; thick socks and a plain style are no kinds wanted', async () => {
    const boots = await top('顾客: 想买双靴子 冬天穿', '导购: 好的～您穿多大码？喜欢短靴还是长靴呢？', '顾客: 37 短的 黑色 一千二以内', '导购: 可以看复古粗跟短靴1099元，靴筒到脚踝上方，羊毛混纺内里，有黑色；粗跟方头踝靴1199元，6cm方粗跟走路稳。', '顾客: 哦对了 冬天要穿厚袜子 还是拿38吧');
    expect(boots).toMatch(/38码/u);
    expect(boots).not.toMatch(/袜/u);
    const scarf = await top('顾客: 婆婆下个月过六十大寿 想送条围巾', '导购: 好呀，这份心意很好～预算大概多少？婆婆平时喜欢什么颜色呢？', '顾客: 一千到一千五吧 她穿衣服比较素 别太花');
    expect(scarf).toMatch(/围巾/u);
  });
});

describe('an order said in few words', () => {
  it('takes 帮我拿一条 as an order for the one in view in the size said', async () => {
    const text = await top('顾客: 伴娘裙有吗', '导购: 有的，雪纺伴娘礼服裙，899元，雾粉/香槟色/浅紫，XS-XL，A字版型很显瘦。', '顾客: M的 就这个色 帮我拿一条');
    expect(text).toMatch(/^好的，雪纺伴娘礼服裙M码/u);
    expect(text).toMatch(/订单链接/u);
  });
});

describe('a transfer asked after the guide found the piece elsewhere', () => {
  it('names the boots and size it is arranging, then the days', async () => {
    const text = await top('顾客: 粗跟切尔西靴杭州店还有37的吗', '导购: 我刚查了一下，湖滨店黑色37码暂时没有了，静安店还有一双。', '顾客: 能调过来吗 要几天');
    expect(text).toMatch(/^可以的，粗跟切尔西靴37码/u);
    expect(text).toMatch(/1-2天/u);
  });
});
