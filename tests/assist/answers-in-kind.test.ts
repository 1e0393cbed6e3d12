/**
 * Asks that need an answer of their own kind, on the demo knowledge: a health question gets the doctor,
 * not a product claim; a paid review is declined; "你是哪位" gets who the guide is; a price drop gets the
 * price-protection policy; a question no cue knows gets the FAQ that answers it; a budget just stated
 * below the product in focus gets others of its kind; a complaint about a missing item is tagged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assist/create-assistant.ts';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { staticKnowledge } from '../../src/assist/knowledge/watch-knowledge.ts';
import type { Suggestion } from '../../src/assist/suggestion-schema.ts';
import { emptyProfile } from '../../src/conversation/model.ts';
import { DEMO_DIR, chat, demoCorpTags } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(async () => {
  kb = await loadKnowledge(DEMO_DIR);
  const corp = await demoCorpTags();
  assistant = createAssistant({ knowledge: staticKnowledge(kb), corpTags: () => corp, directory: { guideName: () => '林晓', storeName: () => '静安嘉里店' } });
});

const top = async (...lines: string[]): Promise<Suggestion> =>
  assistant.suggest({ conversation: chat(...lines), guideId: 'guide.lin', customerId: 'c1', now: 1_700_000_000_000 });

describe('answers in kind', () => {
  it('sends a treatment or pregnancy question to the doctor, with no product claim', async () => {
    const s1 = await top('顾客: 我有湿疹 你们那个安肌舒缓霜能治吗');
    const eczema = s1.drafts[0]?.text ?? '';
    expect(eczema).toMatch(/医生|皮肤科/u);
    expect(eczema).toContain('护肤品不是药');
    expect(s1.drafts[0]?.flags).toEqual([]);
    const pregnant = (await top('顾客: 晨露保湿霜孕妇能用吗')).drafts[0]?.text ?? '';
    expect(pregnant).toMatch(/医生/u);
    expect(pregnant).toContain('成分');
  });

  it('declines a review paid for with a red packet', async () => {
    const review = await top('顾客: 我给你们改个好评 你们返我50块红包行不');
    const text = review.drafts[0]?.text ?? '';
    expect(review.drafts[0]?.flags).toEqual([]);
    expect(text).toMatch(/不能/u);
    expect(text).not.toMatch(/没问题|可以的/u);
  });

  it('says who the guide is', async () => {
    expect((await top('顾客: 你是哪位')).drafts[0]?.text).toMatch(/我是静安嘉里店的导购林晓/u);
  });

  it('answers a price drop with the price-protection policy and other FAQ asks by their FAQ', async () => {
    const drop = await top('顾客: 我前天买的大衣今天降价了 能退差价吗');
    expect(drop.drafts[0]?.text).toContain('退差价');
    expect(drop.drafts[0]?.flags).toEqual([]);
    const two = (await top('顾客: 你们家是正品吗？可以开发票不')).drafts[0]?.text ?? '';
    expect(two).toContain('正品');
    expect(two).toContain('发票');
    expect(two.indexOf('正品')).toBeLessThan(two.indexOf('发票'));
    expect((await top('顾客: 七天无理由退的话 运费谁出')).drafts[0]?.text).toContain('顾客承担');
    expect((await top('顾客: 内衣拆了包装试了一下 不合适能退吗')).drafts[0]?.text).toContain('贴身衣物');
    expect((await top('顾客: 金卡95折能和满1000减100一起用吗')).drafts[0]?.text).toContain('不叠加');
    expect((await top('顾客: 可以网上下单然后去店里拿吗')).drafts[0]?.text).toContain('自提');
  });

  it('offers others of the kind when the budget just stated is below the product in focus', async () => {
    const s = await top('顾客: 想看看香水', '导购: 白茶淡香水680元，晚桂淡香精880元，雨后森林淡香水980元。', '顾客: 都有点贵 有没有三百以内的');
    const named = kb.products.filter((p) => s.drafts[0]?.text.includes(p.name));
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) expect(p.price).toBeLessThanOrEqual(330);
  });

  it('takes a missing item and a wrong size sent for complaints, with no pitch', async () => {
    for (const text of ['订单里是两件 只收到一件T恤 还有条裤子呢', '我买的是38码 寄来的是37 穿不进去']) {
      const s = await top(`顾客: ${text}`);
      expect(s.tags.map((t) => t.tag)).toContain('购买阶段/售后');
      expect(s.drafts[0]?.text).toMatch(/^(?:您好，)?非常抱歉/u);
      expect(kb.products.some((p) => s.drafts[0]?.text.includes(p.name))).toBe(false);
    }
  });

  it('gives an opinion between two colours, for the skin tone said, from the colours being compared', async () => {
    const text = (await top('顾客: 翻领短款羊毛大衣 黑色和酒红选哪个 我皮肤偏黄')).drafts[0]?.text ?? '';
    expect(text).toMatch(/推荐酒红/u);
    expect(text).toContain('黑色');
    const later = (await top('顾客: 那件大衣黑色和驼色哪个好看', '导购: 两个都很经典', '顾客: 我皮肤有点黄，选哪个')).drafts[0]?.text ?? '';
    expect(later).toMatch(/皮肤偏黄的话我更推荐(?:黑色|驼色)/u);
  });

  it('answers the worry named about a fabric, and never fills a script that claims another material', async () => {
    const pilling = (await top('顾客: 粗针麻花毛衣会起球吗')).drafts[0]?.text ?? '';
    expect(pilling).toContain('起球');
    const s = await top('顾客: 水洗牛仔夹克第一次洗会掉色吗');
    expect(s.drafts[0]?.text).toContain('浮色');
    for (const d of s.drafts) expect(d.text).not.toMatch(/桑蚕丝|真丝|羊绒/u);
  });

  it('says when the product in focus lacks a colour, names one of its kind that has it, and calls a shade a shade', async () => {
    const s = await top('顾客: 缎面吊带长裙有M码吗', '导购: 有的，缎面吊带长裙1880元，香槟色、墨绿、雾蓝三色，S/M/L都有。', '顾客: 换个颜色 有黑色的吗');
    expect(s.drafts[0]?.text).toMatch(/缎面吊带长裙没有黑色.*同类的.+有黑色M码/u);
    const boots = (await top('顾客: 靴子有没有白色的 38码')).drafts[0]?.text ?? '';
    expect(boots).toMatch(/没有白色/u);
    expect(boots).toContain('奶白');
  });

  it('reads colours in English and finds a small gift for a colleague by budget', async () => {
    const bag = await top('顾客: 想找个daily背的bag 预算1k 要black');
    expect(bag.drafts[0]?.text).toMatch(/有黑色/u);
    expect(bag.drafts[0]?.text).not.toContain('bag');
    const gift = await top('顾客: 同事要离职了 想送个小礼物 一百块左右');
    const named = kb.products.filter((p) => gift.drafts[0]?.text.includes(p.name));
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) expect(p.price).toBeLessThanOrEqual(125);
  });

  it('compares the products on the table on what was asked, with a pick', async () => {
    const warm = (await top('顾客: 想要条围巾', '导购: 羊绒围巾1280元，羊毛格纹围巾459元。', '顾客: 哪个更保暖')).drafts[0]?.text ?? '';
    expect(warm).toMatch(/^羊绒围巾.*更保暖，我更推荐它；羊毛格纹围巾/u);
    const diff = (await top('顾客: 想看看羽绒服', '导购: 轻薄短款羽绒服699元，过膝长款鹅绒服2599元。', '顾客: 这两款有什么区别')).drafts[0]?.text ?? '';
    expect(diff).toContain('轻薄短款羽绒服');
    expect(diff).toContain('过膝长款鹅绒服');
  });

  it('answers what was asked of shipping, returns of worn clothes and how long, not yes or no', async () => {
    expect((await top('顾客: 能帮我把衣服寄到酒店吗 我在三亚度假')).drafts[0]?.text).toContain('酒店');
    const worn = (await top('顾客: 我想退货 已经穿过一次了 可以吗')).drafts[0]?.text ?? '';
    expect(worn).toContain('穿过的就不能无理由退');
    expect(worn).not.toMatch(/^(?:您好，)?可以/u);
    expect((await top('顾客: 你们会员积分多久过期')).drafts[0]?.text).not.toMatch(/会的/u);
  });

  it('reads 有点干 as dry skin and 厚一点 as warmth', async () => {
    const cream = await top('顾客: 给我推荐个面霜吧 我三十五了 有点干');
    expect(cream.drafts[0]?.text).toContain('适合干性肌肤');
    const coat = await top('顾客: 明天降温 有没有厚一点的外套 我穿S');
    const named = kb.products.filter((p) => coat.drafts[0]?.text.includes(p.name));
    expect(named.some((p) => /大衣|羽绒|棉服|鹅绒/u.test(p.name))).toBe(true);
  });

  it('checks a ring size against the ring’s range', async () => {
    expect((await top('顾客: 925银素圈戒指有几号 我戴13号')).drafts[0]?.text).toMatch(/有13号/u);
    expect((await top('顾客: 925银素圈戒指我手指是16号的 有吗')).drafts[0]?.text).toMatch(/没有16号/u);
  });

  it('answers another ask beside a complaint, after the apology', async () => {
    const s = await top('顾客: 发票到现在也没开给我 衣服还发错了颜色 你们到底怎么回事');
    const text = s.drafts[0]?.text ?? '';
    expect(text).toMatch(/^(?:您好，)?非常抱歉/u);
    expect(text.indexOf('发票')).toBeGreaterThan(text.indexOf('抱歉'));
    expect(s.tags.map((t) => t.tag)).toContain('购买阶段/售后');
  });

  it('picks between two sizes from the build described, says the catalog has no children’s clothes, and knows the brand', async () => {
    expect((await top('顾客: 这件衬衫我穿M还是L 我平时穿M 但是肩宽')).drafts[0]?.text).toMatch(/建议选L码/u);
    expect((await top('顾客: 我家宝宝三岁 有没有亲子装')).drafts[0]?.text).toContain('没有童装');
    expect((await top('顾客: 你们是哪里的品牌啊')).drafts[0]?.text).toContain('澜庭');
  });

  it('takes praise with thanks and no pitch, a phone change without repeating the number, perfume longevity by concentration', async () => {
    const praise = await top('顾客: 谢谢你呀 上次推荐的大衣同事都说好看');
    expect(praise.drafts[0]?.text).toMatch(/^太好了/u);
    expect(kb.products.some((p) => praise.drafts[0]?.text.includes(p.name))).toBe(false);
    const phone = (await top('顾客: 能不能把我的电话号码改一下 13812345678')).drafts[0]?.text ?? '';
    expect(phone).toContain('会员');
    expect(phone).not.toContain('138');
    expect((await top('顾客: 晚桂淡香精和白茶淡香水哪个更持久')).drafts[0]?.text).toMatch(/^(?:您好，)?晚桂淡香精.*留香更久/u);
    expect((await top('顾客: 很喜欢 还有别的颜色吗')).drafts[0]?.text).toContain('哪一款');
  });

  it('reads 女装大衣 as a coat, 老公要买 as for a man, a ten-year-old grandchild as a child', async () => {
    expect((await top('顾客: 有冇XXL嘅女装大衣 我着开XXL')).drafts[0]?.text).toMatch(/大衣里暂时没有XXL码/u);
    const suit = (await top('顾客: 阿拉老公要买西装 三千左右 侬帮我看看')).drafts[0]?.text ?? '';
    const named = kb.products.filter((p) => suit.includes(p.name));
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) expect(p.name).toContain('男士');
    expect((await top('顾客: 小姑娘 我想给我孙女买件毛衣 她十岁 你们有没有')).drafts[0]?.text).toContain('没有童装');
  });

  it('names the 100ml bottle when 一百毫升 is asked, and reads a spaced-out complaint as one', async () => {
    expect((await top('顾客: 晚 桂 淡 香 精 一 百 毫 升 的 多 少 钱')).drafts[0]?.text).toContain('¥1280');
    const s = await top('顾客: 我 用 了 那 个 精 华 脸 上 起 了 好 多 红 疹 子 又 痒 又 痛 怎 么 办');
    expect(s.tags.map((t) => t.tag)).toContain('客户状态/投诉');
    expect(s.drafts[0]?.text).toMatch(/停用/u);
  });

  it('says whether a named product suits the skin given, and offers none made for another skin', async () => {
    const s = await top('顾客: 晨露保湿霜 油皮好用吗');
    expect(s.drafts[0]?.text).toContain('晨露保湿霜更适合干性、中性肌肤');
    for (const draft of s.drafts) expect(draft.text).not.toMatch(/干皮秋冬|油皮选晨露|方便说一下您的肤质/u);
    const fits = await top('顾客: 清衡清爽乳液油皮能用吗');
    expect(fits.drafts[0]?.text).toMatch(/清衡清爽乳液.*油性/u);
  });

  it('answers whether new arrivals join 满减 from the FAQ, not with new arrivals', async () => {
    const s = await top('顾客: 新品能不能参加满一千减一百啊');
    expect(s.drafts[0]?.text).toContain('不包含当季新品');
    expect(s.drafts[0]?.skus ?? []).toEqual([]);
  });

  it('speaks of an older husband politely and picks men’s clothes for him', async () => {
    const s = await top('顾客: 我想给我家老头子买一条裤子 他平时穿XXL的 黑色 五六百块钱');
    expect(s.drafts[0]?.text).toContain('男士');
    expect(s.drafts[0]?.text).toContain('适合叔叔');
    expect(s.drafts[0]?.text).not.toContain('老头子');
  });

  it('offers a pair cut for both when no men’s pair comes in his size, and says so', async () => {
    const s = await top('顾客: 男朋友脚小 穿38 想给他买双小白鞋');
    expect(s.drafts[0]?.text).toMatch(/^您好，男款小白鞋暂时没有38码的，给您.*男女同款/u);
    expect(s.drafts[0]?.text).not.toContain('男士');
  });

  it('reads a broken bottle, a lumpy down jacket and a lost parcel as complaints', async () => {
    for (const said of ['顾客: 收到的香水瓶子碎了 盒子里全是味儿', '顾客: 上个月买的羽绒服 洗了一次就结块了', '顾客: 顺丰说包裹丢了 这咋整啊']) {
      const s = await top(said);
      expect(s.tags.map((t) => t.tag).some((t) => /投诉|售后/u.test(t)), said).toBe(true);
      expect(s.drafts[0]?.skus ?? [], said).toEqual([]);
    }
  });

  it('names a product by its name before the spec (轻透防晒乳 for 轻透防晒乳 SPF50+ PA++++)', async () => {
    const s = await top('顾客: 轻透防晒乳多少钱一支');
    expect(s.drafts[0]?.text).toContain('¥189');
  });

  it('says whether the product in view suits the person named, and offers one that does', async () => {
    const wallet = await top('顾客: 牛皮卡包多少钱 男生用会不会太秀气了');
    expect(wallet.drafts[0]?.text).toMatch(/¥299.*男士用也很合适/u);
    const dress = await top('顾客: 羊毛针织连衣裙我老公能穿吗');
    expect(dress.drafts[0]?.text).toMatch(/^您好，羊毛针织连衣裙是女士款，老公穿不太合适/u);
    const mum = await top('顾客: 羊毛针织连衣裙 我妈六十几岁穿好看吗');
    expect(mum.drafts[0]?.text).toContain('不挑年龄');
  });

  it('answers care for worn jewellery with the store’s free cleaning, not as a complaint', async () => {
    const s = await top('顾客: 之前买的银手链有点发黑了 可以拿去店里弄一下吗');
    expect(s.drafts[0]?.text).toContain('免费清洗');
    expect(s.drafts[0]?.text).not.toMatch(/抱歉/u);
  });

  it('answers short follow-ups from the turns before them', async () => {
    const back = await top('顾客: 云步那个乐福鞋多少', '导购: 云步软羊皮乐福鞋899元，黑色和焦糖色，35到40码。', '顾客: 有没有带点跟的', '导购: 可以看看中跟尖头单鞋，799元。', '顾客: 算了还是要上一款吧 黑色37');
    expect(back.drafts[0]?.text).toContain('云步软羊皮乐福鞋有黑色37码');
    const shorter = await top('顾客: 有没有暖和的外套', '导购: 过膝长款鹅绒服2599元，过膝长度。', '顾客: 太长了 整个短点的呗');
    expect(shorter.drafts[0]?.text).toContain('轻薄短款羽绒服');
    const black = await top('顾客: 小白鞋有吗 38的', '导购: 牛皮小白鞋599元，白色和白绿两个配色，38码两个颜色都有。', '顾客: 那黑色呢');
    expect(black.drafts[0]?.text).toMatch(/牛皮小白鞋没有黑色.*帆布休闲鞋（¥299）有黑色38码/u);
    const swap = await top('顾客: 鞋子小了 想换大一码', '导购: 好的～是哪双呢？', '顾客: 玛丽珍 38换39 运费谁出');
    expect(swap.drafts[0]?.text).toMatch(/^可以换方头玛丽珍鞋39码的，.*运费/u);
  });

  it('says plainly what the store does not carry', async () => {
    const s = await top('顾客: 下个月去马代 有泳衣卖吗 比基尼那种');
    expect(s.drafts[0]?.text).toContain('暂时没有泳衣');
  });

  it('leaves out what the customer does not want, reads a bare size, and answers for the city named', async () => {
    const belt = await top('顾客: 给老公买根皮带 他不喜欢那种自动扣的');
    expect(belt.drafts[0]?.text).toContain('男士针扣牛皮腰带');
    expect(belt.drafts[0]?.text).not.toContain('自动扣腰带');
    const dress = await top('顾客: 想买条参加婚礼穿的连衣裙', '导购: 好的，是您自己穿吗？平时穿什么码？', '顾客: 我自己 M 预算两千上下');
    expect(dress.drafts[0]?.text).toContain('有M码');
    expect(dress.drafts[0]?.text).not.toContain('您平时穿什么码');
    const shanghai = await top('顾客: 上海的店在哪 几点关门');
    expect(shanghai.drafts[0]?.text).toContain('上海静安嘉里店');
    expect(shanghai.drafts[0]?.text).not.toContain('杭州');
  });

  it('declines a price the customer names, and reads English material words', async () => {
    const haggle = await top('顾客: 羊绒圆领毛衣1680太贵了 1200卖我吧 我现在就付');
    expect(haggle.drafts[0]?.text).toContain('没办法再单独改价');
    const size = await top('顾客: 昨天收到的乐福鞋有点挤脚 换39行吗');
    expect(size.drafts[0]?.text).not.toContain('改价');
    const scarf = await top('导购: 羊绒围巾1280元，驼色、浅灰、酒红、藏青四色，纯羊绒。', '顾客: 这个scarf是100% cashmere吗 多长');
    expect(scarf.drafts[0]?.text).toMatch(/纯羊绒.*200×70cm/u);
  });

  it('does not repeat the pick a recommendation just made', async () => {
    const s = await top('顾客: 阿拉老头子要一件毛衣 伊穿XL 几钿都可以 颜色深一点 藏青色有伐');
    expect(s.drafts[0]?.text).toContain('男士圆领针织衫');
    expect(s.drafts[0]?.text).not.toContain('另外');
  });

  it('keeps a complaint open while the customer carries it on, and answers the next step', async () => {
    const order = await top('顾客: 快递五天了还没到', '导购: 非常抱歉让您久等了！麻烦把订单号发给我', '顾客: 1234567890 你们快点啊');
    expect(order.drafts[0]?.text).toMatch(/^不好意思让您久等了！订单号收到了/u);
    const refund = await top('顾客: 收到的毛衣起球了', '导购: 抱歉！签收30天内质量问题可以换', '顾客: 我不想换了 直接退款行不行');
    expect(refund.drafts[0]?.text).toMatch(/^非常抱歉.*退货退款/u);
    const harm = await top('顾客: 面霜用了脸上过敏了', '导购: 非常抱歉，请先停用，严重的话及时就医', '顾客: 已经停了 但是还是红 你们怎么赔');
    expect(harm.drafts[0]?.text).toContain('店长');
    for (const s of [order, refund, harm]) expect(s.drafts[0]?.skus ?? []).toEqual([]);
    const thanks = await top('顾客: 收到的毛衣起球了', '导购: 抱歉！已经帮您登记换货', '顾客: 好的 谢谢');
    expect(thanks.drafts[0]?.text).not.toContain('抱歉');
  });

  it('does not read a question about authenticity as a complaint', async () => {
    const s = await top('顾客: 这个是正品还是假的');
    expect(s.drafts[0]?.text).not.toMatch(/^(?:您好，)?非常抱歉/u);
  });

  it('answers an ingredient asked about from the label and the description', async () => {
    const none = (await top('顾客: 安肌舒缓精华里有没有酒精啊 我一碰酒精脸就红')).drafts[0]?.text ?? '';
    expect(none).toContain('不含香精和酒精');
    const has = (await top('顾客: 雨后森林淡香水含酒精吗')).drafts[0]?.text ?? '';
    expect(has).toMatch(/成分里有酒精/u);
  });

  it('names the other pack of the product in view, with both prices', async () => {
    const s = await top('顾客: 晚桂淡香精有大瓶的吗 多少钱');
    const text = s.drafts[0]?.text ?? '';
    expect(text).toMatch(/100ml.*¥1280.*50ml.*¥880/u);
    expect(text).not.toContain('另外');
    expect(s.drafts[0]?.skus).toContain('BT-2054');
  });

  it('answers each of two asks run together or split by a question mark', async () => {
    const two = (await top('顾客: 能开发票吗不合适能退不')).drafts[0]?.text ?? '';
    expect(two).toMatch(/发票.*7天/u);
    const points = (await top('顾客: 我那些积分能抵多少钱啊？会不会过期')).drafts[0]?.text ?? '';
    expect(points).toMatch(/100积分抵1元.*12月31日/u);
    const mary = (await top('顾客: 方头玛丽珍鞋有啥颜色 有35码吗 我脚小')).drafts[0]?.text ?? '';
    expect(mary).toMatch(/黑色、酒红.*35码/u);
    const wrap = (await top('顾客: 恁那个真丝印花方巾多少钱 能给俺包个礼盒不 送俺嫂子')).drafts[0]?.text ?? '';
    expect(wrap).toMatch(/¥899.*礼盒包装/u);
    expect(wrap).not.toContain('就真丝');
    const fitting = (await top('顾客: 缎面珍珠婚鞋能先去店里试吗 38的有没有')).drafts[0]?.text ?? '';
    expect(fitting).toMatch(/试穿.*38码/u);
    const alter = (await top('顾客: 刚买的九分西装裤有点长 门店能帮我改吗 多少钱')).drafts[0]?.text ?? '';
    expect(alter).toContain('免费修改');
    expect(alter).not.toContain('¥429');
  });

  it('reads 面试穿 and 礼盒装的 as what is wanted, not as a fitting or wrapping ask', async () => {
    const suit = await top('顾客: 想给男朋友买件西装外套 他下周面试穿 一千以内');
    expect(suit.drafts[0]?.text).not.toContain('试用台');
    const box = await top('顾客: 干皮 冬天脸会起皮', '导购: 干皮冬天可以重点保湿滋润。预算大概多少呢？', '顾客: 七百以内 最好是礼盒装的');
    expect(box.drafts[0]?.skus.length).toBeGreaterThan(0);
  });

  it('answers care for the kind the customer bought with the care FAQ for its material', async () => {
    const bag = await assistant.suggest({
      conversation: chat('顾客: 托特包昨天淋了雨 有几块水印 咋办啊 心疼死了'),
      guideId: 'guide.lin',
      customerId: 'c1',
      now: 1_700_000_000_000,
      profile: { ...emptyProfile('c1', 1_700_000_000_000), facts: [{ key: 'purchase', value: 'AC-4001', at: 1_690_000_000_000 }] },
    });
    expect(bag.drafts[0]?.text).toContain('吸干');
    expect(bag.drafts[0]?.text).not.toContain('¥');
  });

  it('keeps the questions of a long message and leaves out a guess at when to buy', async () => {
    const text = (await top('顾客: 我下个月生日 听说生日月积分翻倍 是真的吗 那我是不是等下个月再买比较划算 我看中了一件大衣 一千多 还有就是积分能抵钱吗 怎么抵')).drafts[0]?.text ?? '';
    expect(text).toMatch(/双倍.*100积分抵1元/u);
    expect(text).not.toContain('试用台');
  });

  it('answers a follow-up for another of the kind in view with one that is as described, not the same one', async () => {
    const wide = await top('顾客: 想要一条上班穿的裤子 黑色', '导购: 九分西装裤429元，黑色和灰色，版型利落，上班很合适。', '顾客: 阔腿的呢');
    expect(wide.drafts[0]?.text).toContain('阔腿');
    expect(wide.drafts[0]?.skus).not.toContain('AP-1062');
    const spray = await top('顾客: 有防晒吗 我油皮', '导购: 轻透防晒乳SPF50+ PA++++，189元，质地清爽不泛白。', '顾客: 有冇得喷的咯 身上也要喷');
    expect(spray.drafts[0]?.text).toContain('喷雾');
    const lower = await top('顾客: 我想买对高跟鞋 饮宴着', '导购: 尖头细跟高跟鞋899元，黑色和裸色，35到40码。', '顾客: 太高啦 有冇矮啲嘅');
    expect(lower.drafts[0]?.text).toContain('中跟');
    expect(lower.drafts[0]?.text).not.toContain('婚鞋');
    const longer = await top('顾客: 阿拉囡囡要买羽绒服 伊穿S', '导购: 轻薄短款羽绒服699元，有黑色、奶白、雾蓝，S码都有。', '顾客: 长一点额有伐');
    expect(longer.drafts[0]?.text).toMatch(/长款/u);
    const other = await top('顾客: 送班主任 女老师 三百以内', '导购: 925银淡水珍珠耳钉299元，简约大方，可以免费礼盒包装。', '顾客: 她没耳洞 换个别的');
    expect(other.drafts[0]?.text).not.toMatch(/耳钉|耳环/u);
    expect(other.drafts[0]?.skus.length).toBeGreaterThan(0);
    const colours = await top('顾客: 想看针织连衣裙', '导购: 羊毛针织连衣裙699元，燕麦色，S/M/L。', '顾客: 还有别的颜色吗');
    expect(colours.drafts[0]?.text).toContain('黑色');
  });

  it('steps from the size the customer says no longer fits', async () => {
    const s = await top('顾客: 羊毛针织连衣裙燕麦色还有吗', '导购: 有的，燕麦色S、M、L都有，699元。', '顾客: 我穿M有点紧 有大一码吗');
    expect(s.drafts[0]?.text).toContain('L码');
  });

  it('answers the next step of a complaint: sending a wrong item back, when a refund arrives, a refund after a skin reaction', async () => {
    const back = await top('顾客: 我订的是雾蓝的轻薄短款羽绒服 怎么寄来的是黑色', '导购: 非常抱歉，是我们发错了！麻烦您拍一下吊牌和包裹面单发我。', '顾客: 拍了 要我寄回去吗');
    expect(back.drafts[0]?.text).toMatch(/我们承担.*到付/u);
    const refund = await top('顾客: 上礼拜退的货 钱到现在也没到账', '导购: 非常抱歉让您久等了！麻烦发一下订单号。', '顾客: 单号发你了 到底啥时候能到');
    expect(refund.drafts[0]?.text).toContain('1-3个工作日');
    const harm = await top('顾客: 我买的安肌舒缓霜 用了两天脸有点红 还有点痒', '导购: 非常抱歉给您带来不适！建议您先停用。', '顾客: 拍了 那能退吗');
    expect(harm.drafts[0]?.text).toMatch(/反馈.*已拆封/u);
    for (const s of [back, refund, harm]) expect(s.drafts[0]?.skus).toEqual([]);
  });

  it('answers a service ask about something bought without pitching, searched with what it is', async () => {
    const bag = (await top('顾客: 我三年前在你们家买的那个焦糖色的水桶包 一直很喜欢 但是最近发现边角有点磨白了 想问问你们能不能保养 要钱吗 我是金卡会员')).drafts[0];
    expect(bag?.text).toMatch(/皮具.*免费/u);
    expect(bag?.text).not.toMatch(/会员分银卡|现货/u);
    const bra = (await top('顾客: 我前两天买了一套蕾丝文胸内裤套装 回去拆开试了一下 颜色有点太艳了 想换成黑色的 可以吗')).drafts[0]?.text ?? '';
    expect(bra).toContain('贴身衣物');
    const silver = (await top('顾客: 银手链戴久了发黑了', '导购: 银饰接触空气和汗水会慢慢氧化。', '顾客: 能拿去店里洗吗')).drafts[0]?.text ?? '';
    expect(silver).toContain('免费清洗');
    const postage = (await top('顾客: 那条衬衫式连衣裙上身不太合适 想退', '导购: 可以的，签收7天内都可以七天无理由退换。', '顾客: 运费谁出啊')).drafts[0]?.text ?? '';
    expect(postage).toContain('顾客承担');
    const hem = await top('顾客: 在你们店买的西裤太长了 能免费改吗 要几天');
    expect(hem.drafts[0]?.text).toMatch(/免费修改.*3-5天/u);
    expect(hem.drafts[0]?.skus).toEqual([]);
    const staff = await top('顾客: 我闺蜜在你们公司总部上班 她说员工有内部价 能打六折 我报她名字能按内部价给我吗 我这次想买大衣和靴子 加起来好几千呢');
    expect(staff.drafts[0]?.text).toContain('95折');
    expect(staff.drafts[0]?.skus).toEqual([]);
    const wrap = (await top('顾客: 买了能帮忙包成礼盒吗 要收钱吗')).drafts[0]?.text ?? '';
    expect(wrap).toMatch(/礼盒包装.*不额外收费/u);
  });

  it('gives sizes from a foot length, a heavier or slimmer build, and the largest a product comes in', async () => {
    const foot = await top('顾客: 想买双平底鞋', '导购: 云步一脚蹬平底单鞋799元，羊皮很软，穿脱方便。', '顾客: 那个一脚蹬的要得 我脚长二十四公分 该穿好多码嘛');
    expect(foot.drafts[0]?.text).toContain('38码');
    const heavy = await top('顾客: 想买件开衫', '导购: 羊毛V领开衫599元，米白、藏青、酒红三个颜色。', '顾客: 我一米五五 一百三十斤 肚子有点大 穿哪个码合适');
    expect(heavy.drafts[0]?.text).toMatch(/[LX]L?码/u);
    expect(heavy.drafts[0]?.text).not.toMatch(/选S码|选M码/u);
    const slim = await top('顾客: 我一米六五 一百斤 三醋酸小黑裙穿啥码');
    expect(slim.drafts[0]?.text).toMatch(/选[SM]码/u);
    const largest = await top('顾客: 我家那位块头大 一米八五两百斤 男士羊绒V领毛衣最大有几码啊');
    expect(largest.drafts[0]?.text).toMatch(/大到XXL码.*按185cm/u);
    expect(largest.drafts[0]?.flags).toEqual([]);
  });

  it('says plainly that a kind the store does not carry is not carried, even when the message reads as a request', async () => {
    for (const ask of ['顾客: 下个月去三亚 你们家有泳衣卖不 想买套好看点的', '顾客: 你们有没有老花镜卖啊 我看手机上的字都模糊了']) {
      const s = await top(ask);
      expect(s.drafts[0]?.text, ask).toMatch(/暂时没有(?:泳衣|老花镜)/u);
      expect(s.drafts[0]?.skus, ask).toEqual([]);
    }
    const bag = await top('顾客: 下个月去日本旅行 想要个能套在行李箱上的包');
    expect(bag.drafts[0]?.text).not.toContain('暂时没有');
    const price = await top('顾客: 你们这个白茶淡香水别的平台便宜一百多 能不能按那个价卖我');
    expect(price.drafts[0]?.text).not.toContain('暂时没有');
  });

  it('reads what is worn with it, owned already or cost as no need, and asks for less than all that was shown', async () => {
    const coat = await top('顾客: 那个短款面包棉服 奶白色 M的 帮我留一件', '导购: 好的，短款面包棉服奶白色M码帮您留48小时，799元。', '顾客: 等一下 里面还要套毛衣 还是拿L吧 L有没有');
    expect(coat.drafts[0]?.text).toContain('短款面包棉服有L码');
    const scarf = await top('顾客: 想要条围巾', '导购: 羊绒围巾1280元，驼色、浅灰、酒红、藏青四个颜色；羊毛格纹围巾459元。', '顾客: 羊绒的那条有黑色吗 我衣服基本都是黑的');
    expect(scarf.drafts[0]?.text).toMatch(/^羊绒围巾没有黑色/u);
    const less = await top('顾客: 有没有平底的皮鞋 上班穿', '导购: 云步软羊皮乐福鞋899元；云步一脚蹬平底单鞋799元，穿脱方便。', '顾客: 都要八九百啊 几百块钱的有没 我穿36');
    expect(less.drafts[0]?.text).toContain('比刚才那两款便宜一些');
    expect(less.drafts[0]?.text).not.toMatch(/云步|预算/u);
    const warm = await top('顾客: 给我家老爷子买件暖和的 他八十多了怕冷 穿XL');
    expect(warm.drafts[0]?.text).toMatch(/男士.*XL码/u);
    const teacher = await top('顾客: 孩子班主任要调走了 女老师 想送个小礼物 两三百块');
    expect(teacher.drafts[0]?.text).not.toContain('童装');
    expect(teacher.drafts[0]?.skus.length).toBeGreaterThan(0);
  });

  it('reads a long, full request as a request, whatever it says about the past on the way', async () => {
    const shoes = await top('顾客: 我是做销售的 每天跑客户 鞋子磨脚磨得我想哭 之前买的皮鞋都是硬底 想找一双软一点但又不能太休闲的 平底的最好 穿37码 颜色黑色 价格不要超过900');
    expect(shoes.drafts[0]?.text).not.toMatch(/抱歉|适合客户/u);
    expect(shoes.drafts[0]?.skus.length).toBeGreaterThan(0);
    const skin = await top('顾客: 最近换季脸特别干 之前用的水乳是朋友代购的 用完了也不打算回购了 想在你们家配一套 我是干皮 偶尔两颊会有点泛红 预算五六百吧 水乳霜都要');
    expect(skin.drafts[0]?.text).toContain('干性');
    expect(skin.drafts[0]?.text).not.toContain('上次您买的');
    const gift = await top('顾客: 我岳母下个月六十大寿 我老婆让我来挑礼物 我想着买条丝巾或者围巾 一千块左右吧 你们有啥推荐 要能包装好看点');
    expect(gift.drafts[0]?.text).toMatch(/(?:丝巾|方巾|围巾).*礼盒包装/u);
    expect(gift.drafts[0]?.text).not.toContain('老婆');
    const leather = await top('顾客: 想买个上班用的包', '导购: 推荐尼龙通勤包，599元，轻便好打理。', '顾客: 尼龙的我倒是有一个 用了两年了 这次想换个真皮的 一千五以内吧 有吗');
    expect(leather.drafts[0]?.text).toContain('牛皮');
    expect(leather.drafts[0]?.text).not.toMatch(/^尼龙通勤包是/u);
  });

  it('reads what is not wanted and a budget as a request, not a price ask', async () => {
    const comfy = await top('顾客: 我老汉儿过生 想给他买双鞋子 他穿42的', '导购: 男士牛皮德比鞋1299元，黑色和深棕，39到44码。', '顾客: 他平时就遛弯 要舒服点的 莫要皮鞋');
    expect(comfy.drafts[0]?.skus).not.toContain('SH-3027');
    expect(comfy.drafts[0]?.text).toMatch(/板鞋|跑步鞋|休闲/u);
    const silver = await top('顾客: 结婚纪念日快到了 想给老婆买个首饰', '导购: 18K金锁骨链1680元，黄金色和玫瑰金色。', '顾客: 她戴金的过敏 有银的耳钉吗 千把块以内');
    expect(silver.drafts[0]?.text).toContain('银');
    expect(silver.drafts[0]?.text).not.toMatch(/抱歉|18K金/u);
    const coat = await top('顾客: 想买件通勤的外套，预算500左右');
    expect(coat.drafts[0]?.text).not.toContain('另外');
    const under = await top('顾客: 大衣最便宜的是哪件', '导购: 大衣里最实惠的是翻领短款羊毛大衣，999元。', '顾客: 五百以内的有吗');
    expect(under.drafts[0]?.text).toMatch(/没有|暂无|最接近/u);
  });

  it('keeps a budget said with 便宜点的, and reads a baby on the way as no child to dress', async () => {
    const coat = await top('顾客: 给我整件大衣 我自己穿 一米八 一百七十多斤', '导购: 推荐男士单排扣羊毛大衣，1599元，按您的身高体重可以先试XL码。', '顾客: 有没有便宜点的 一千来块的');
    expect(coat.drafts[0]?.text).not.toContain('1510');
    for (const sku of (coat.drafts[0]?.skus ?? []).filter((s) => s !== 'AP-1004')) expect(kb.productBySku.get(sku)?.price ?? 0).toBeLessThanOrEqual(1250);
    const pregnant = (await top('顾客: 我怀孕三个月了 晨露保湿精华能用吗 你能保证对宝宝没影响吗')).drafts[0]?.text ?? '';
    expect(pregnant).toMatch(/不能保证.*医生/u);
    expect(pregnant).not.toMatch(/童装|见效/u);
  });

  it('answers the moments with one right answer in the guide’s words', async () => {
    const sorry = await top('顾客: 上次我说话有点冲 不好意思哈 那天心情不好');
    expect(sorry.drafts[0]?.text).toMatch(/^(?:您好，)?没关系/u);
    const visit = await top('顾客: 行 那我明天下午过去试 先这样啊');
    expect(visit.drafts[0]?.text).toMatch(/明天.*等您/u);
    const invoice = await top('顾客: 我这次买的东西一共一千二 能不能发票帮我开成两千 公司报销有额度');
    expect(invoice.drafts[0]?.text).toMatch(/没办法.*如实/u);
    const points = await top('顾客: 我妈那积分老多了她也不用 能不能给我倒过来');
    expect(points.drafts[0]?.text).toContain('不能转赠');
    const hold = await top('顾客: 那件千鸟格大衣L码你先帮我留着我下周二下午才能过去今天周六能帮我留到那时候吗');
    expect(hold.drafts[0]?.text).toContain('48小时');
    const pickup = await top('顾客: 到了我这周可能没空去拿 能放多久');
    expect(pickup.drafts[0]?.text).toContain('7天');
    const down = await top('顾客: 你就给我句痛快话 这羽绒服穿了保证不钻绒不');
    expect(down.drafts[0]?.text).toContain('不能保证');
    expect(down.drafts[0]?.text).not.toContain('护肤品');
    expect(down.drafts[0]?.flags).toEqual([]);
    const wearOnce = await top('顾客: 我想买那条缎面吊带长裙穿一晚，穿完小心一点不弄脏，吊牌藏在里面，第二天再寄回来退掉，应该看不出来吧');
    expect(wearOnce.drafts[0]?.text).not.toMatch(/^(?:您好，)?非常抱歉/u);
    for (const gift of ['顾客: 孩子他爸天天骑电动车上班 手冻得通红 整副手套给他呗 别太贵了', '顾客: 送个小女孩子 一两百块的就行']) expect((await top(gift)).drafts[0]?.text, gift).not.toContain('童装');
  });

  it('reads garments named as a size, a habit or already owned as no kind wanted, and 不一定要真丝 as no material', async () => {
    const suit = await top('顾客: 年底公司年会要穿正式一点，想买件西装', '导购: 男士精纺羊毛西装套装4980元一套，或者男士休闲西装1199元单件。您身高体重多少？', '顾客: 178 75公斤 平时衬衫穿XL 套装有点贵了 单件的就行');
    expect(suit.drafts[0]?.text).toContain('西装');
    expect(suit.drafts[0]?.text).not.toContain('牛津纺衬衫');
    const blazer = await top('顾客: 下周要去面试 衣柜里只有卫衣牛仔裤 想买件西装外套 黑色或者藏青都可以 我平时穿S 预算一千以内 裤子我家里有条黑色西裤可以配');
    expect(blazer.drafts[0]?.text).toMatch(/西装外套|西装/u);
    expect(blazer.drafts[0]?.text).not.toContain('西裤里');
    const silk = await top('顾客: 想买条真丝的连衣裙参加婚礼', '导购: 真丝印花连衣裙2680元很合适。', '顾客: 有点超了，一千以内有没有适合喝喜酒穿的裙子，不一定要真丝');
    expect(silk.drafts[0]?.text).not.toContain('暂时没有真丝');
    const lip = await top('顾客: 想买个口红，日常上班涂的', '导购: 润色唇膏129元，颜色淡；丝绒雾面口红199元，薄涂自然。', '顾客: 你说的第一个有哪几个色');
    expect(lip.drafts[0]?.text).toMatch(/裸粉|奶茶|珊瑚/u);
    const hiking = await top('顾客: 去丽江穿的鞋', '导购: 轻量徒步鞋799元，鞋底纹路深；缓震跑步鞋599元更轻便。', '顾客: 徒步鞋那个有哪些颜色？想要不太显脏的');
    expect(hiking.drafts[0]?.text).toMatch(/卡其|深灰/u);
  });

  it('thanks praise for the guide, answers care, points, delivery and silver darkening with the rule asked about', async () => {
    expect((await top('顾客: 你真的好会搭配 比我自己买的好看多了哈哈')).drafts[0]?.text).toMatch(/谢谢/u);
    const coat = await top('顾客: 前两天落雨，我这件呢大衣淋湿了，现在摸上去有点硬邦邦额，阿是坏脱了，哪能弄');
    expect(coat.drafts[0]?.text).toMatch(/吸干|阴干/u);
    expect(coat.drafts[0]?.skus).toEqual([]);
    const points = (await top('顾客: 想问问能不能把积分全部抵掉买一件两百多的衣服 就是一分钱不花那种')).drafts[0]?.text ?? '';
    expect(points).toContain('50%');
    const delivery = (await top('顾客: 我而家落单，几时可以到上海啊？听日要用㗎')).drafts[0]?.text ?? '';
    expect(delivery).toMatch(/当天.*次日/u);
    const silver = await top('顾客: 恁家这银手链戴了没多长时间就发黑了 咋回事儿啊 是不是假嘞');
    expect(silver.drafts[0]?.text).toMatch(/氧化.*(?:擦银布|抛光|清洗)/u);
    const teacher = await top('顾客: 孩子幼儿园毕业了，想给带了她三年的班主任送个礼物，是个三十来岁的女老师，两三百块');
    expect(teacher.drafts[0]?.text).not.toContain('童装');
  });

  it('weighs a choice on easy care, answers a length from the description, and reads a height and a petite build as such', async () => {
    const choice = await top('顾客: 侬帮我讲讲看，府绸白衬衫搭19姆米真丝衬衫，上班穿到底选哪能一件，我人懒额，勿高兴手汰');
    const pick = choice.drafts[0]?.text ?? '';
    expect(pick).toMatch(/^(?:您好，)?府绸白衬衫.*机洗.*推荐/u);
    expect(pick).not.toMatch(/抱歉/u);
    expect(choice.tags.map((t) => t.tag)).not.toContain('客户状态/投诉');
    const petite = await top('顾客: 我就150出头，腿短，翻领短款羊毛大衣的长度到哪里啊？还有你们最小的码是多大？我平时都穿XS，有时候童装都能穿');
    const answer = petite.drafts[0]?.text ?? '';
    expect(answer).toContain('臀线');
    expect(answer).toContain('XS');
    expect(answer.indexOf('臀线')).toBeLessThan(answer.indexOf('XS'));
    expect(answer).not.toMatch(/童装|预算/u);
  });
});
