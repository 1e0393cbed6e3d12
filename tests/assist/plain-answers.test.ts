/**
 * Answers a guide would send without editing: a care question about a coat they love is no trouble to
 * apologise for, a down jacket's shell and filling are each named as what they are, what a bag holds is
 * said from its description, and a script about opened skincare never trails a question about a coat.
 */
import { describe, expect, it } from 'vitest';
import { askDemoAfterPurchase, topText } from './support.ts';

const ask = askDemoAfterPurchase();

describe('plain answers', () => {
  it('answers how to look after a coat bought and loved without an apology, a skincare script or a fabric pitch', async () => {
    const care = await ask('AP-1005', '顾客: 那件系带大衣贵得离谱但是值 穿出去被问了好几回链接', '导购: 哈哈 太好啦，燕麦色确实很衬您～', '顾客: 就是不知道咋保养 能自己洗吗 怕洗坏了');
    expect(topText(care)).toMatch(/干洗/u);
    expect(topText(care)).not.toMatch(/抱歉|不好意思|添麻烦|梨形/u);
    expect(care.drafts.slice(0, 3).map((d) => d.text).join(' ')).not.toMatch(/护肤品/u);
  });

  it('names the shell and the filling of a down jacket each as what it is', async () => {
    const text = topText(await ask(undefined, '顾客: 男士那件连帽羽绒服里面是鸭绒还是鹅绒'));
    expect(text).toMatch(/面料是锦纶/u);
    expect(text).toMatch(/填充的是90%白鸭绒/u);
    expect(text).not.toMatch(/是面料/u);
  });

  it('says what a bag holds in the words of its description', async () => {
    const text = topText(await ask(undefined, '导购: 男士牛皮公文包2580元，头层牛皮，黑色和深棕两个颜色，可以放文件', '顾客: 深棕好看', '顾客: 我电脑15寸的 能放吗'));
    expect(text).toMatch(/男士牛皮公文包可以放15寸电脑/u);
    expect(text).not.toMatch(/用法是这样的/u);
  });
});

describe('questions about the one just shown', () => {
  it('answers "这鞋子滑不滑" from the description, not with a list of shoes for the trip', async () => {
    const slip = await ask(undefined, '导购: 轻量徒步鞋799元，卡其和深灰，防泼水网面。', '顾客: 周末要去爬山 听说要落雨 这鞋子踩石板滑不滑哦 莫得摔跤嘛');
    expect(topText(slip)).toMatch(/抓地/u);
    expect(slip.drafts[0]?.skus).toEqual(['SH-3018']);
  });

  it('hears a trait that washing may take away as a care question, not stock', async () => {
    expect(topText(await ask(undefined, '导购: 百褶半身裙459元，黑色、灰色、卡其，压褶定型好。', '顾客: 洗了褶子会不会没了 要不要熨啊 我家没熨斗'))).toMatch(/不用熨/u);
  });

  it('reads worries asked as A-not-A (缩不缩, 掉不掉色, 磨不磨脚) as the worry, with the colour saying which one', async () => {
    expect(topText(await ask(undefined, '顾客: 想买几件T恤冬天打底穿', '导购: 可以看看长绒棉短袖T恤，169元，白色、燕麦色、雾蓝，手感细腻柔软。', '顾客: 洗了缩不缩 我都是洗衣机一把梭的'))).toMatch(/缩水/u);
    const fade = await ask(undefined, '导购: 直筒牛仔裤459元，浅蓝、深蓝、黑色，微弹。', '顾客: 深蓝的掉不掉色啊 我家沙发是白的 以前别的牛仔裤给我染过');
    expect(topText(fade)).toMatch(/浮色/u);
    expect(topText(fade)).not.toMatch(/给您挑了|现货/u);
    expect(topText(await ask(undefined, '导购: 轻量徒步鞋799元', '顾客: 磨不磨脚哦 我脚后跟容易破'))).toMatch(/不太磨脚|袜子/u);
  });
});

describe('two asks in one message, each answered once', () => {
  it('gives the address of the store named with the hours, not of every store', async () => {
    const text = topText(await ask(undefined, '顾客: 今天湖滨那家几点关门啊 在银泰哪个区来着 我下班过去估计得九点多了'));
    expect(text).toMatch(/22:00[^]*in77 B区/u);
    expect(text).not.toMatch(/静安/u);
  });

  it('answers engraving from the product, and how many cards it holds without saying the engraving twice', async () => {
    const text = topText(await ask(undefined, '导购: 牛皮长款钱包699元，黑色和酒红。', '顾客: 牛皮长款钱包能刻名字不 卡位多不多 我卡贼多'));
    expect(text).toMatch(/^牛皮长款钱包可以免费压印姓名缩写/u);
    expect(text).toMatch(/12个卡位/u);
    expect(text.match(/压印/gu)?.length).toBe(1);
    expect(text).not.toMatch(/礼盒包装|好的，就/u);
  });
});

describe('terms of the product itself', () => {
  it('says silk pyjamas asked about before buying are not returned once opened, from their own description', async () => {
    const text = topText(await ask(undefined, '顾客: 看中了真丝睡衣套装 想问下买回去要是穿着不合适能退吗 怕尺码不准'));
    expect(text).toMatch(/^您好，真丝睡衣套装属于贴身衣物，拆封后就不支持无理由退换了/u);
    expect(text).toMatch(/没拆封/u);
  });
});

describe('a burst of lines before the guide answers', () => {
  it('answers the question asked in an earlier line when the newest only tells why', async () => {
    const heel = topText(await ask(undefined, '顾客: 年会要穿礼服 想配双高跟鞋', '导购: 可以看看尖头细跟高跟鞋899元，前掌有软垫，黑色和裸色两色，裸色很拉长腿部线条～', '顾客: 跟多高啊', '顾客: 我平时只穿平底 太高了怕崴脚'));
    expect(heel).toMatch(/7cm/u);
  });

  it('answers two policy asks of one kind in the order asked', async () => {
    const points = topText(await ask(undefined, '顾客: 我看小程序里有三万多积分 都不知道干嘛用的', '导购: 积分是可以直接用的哦～', '顾客: 能抵钱吗 多少分抵一块', '顾客: 会不会过期啊'));
    expect(points).toMatch(/100积分抵1元[^]*12月31日/u);
  });

  it('keeps the product shown by name in view after a guide line that names none, and a hood is a part of it', async () => {
    const hood = await ask(undefined, '导购: 可以看看过膝长款鹅绒服2599元，过膝长度，填充90%白鹅绒，领口内侧有防风罗纹，黑色和燕麦色两色～', '顾客: 燕麦色好看 就是有点贵', '导购: 这款是鹅绒的，保暖性很好，江南湿冷天也扛得住～', '顾客: 帽子能拆吗 我不喜欢带帽子的 显得人很壮');
    expect(topText(hood)).toMatch(/帽子可拆/u);
    expect(hood.drafts[0]?.skus).toEqual(['AP-1008']);
  });

  it('hears a box wished for a gift as a wish, not a complaint', async () => {
    const box = await ask(undefined, '顾客: 婆婆喜欢丝巾 想送她一条', '导购: 可以看看真丝印花方巾90cm，899元，桑蚕丝斜纹绸，手工卷边，有青花、墨绿花园、珊瑚红三款～', '顾客: 青花的好', '顾客: 有盒子装吗 送长辈光秃秃的不好看');
    expect(topText(box)).toMatch(/礼盒/u);
    expect(topText(box)).not.toMatch(/抱歉/u);
  });
});

describe('measures said plainly', () => {
  it('tells a ring size worn outside the range, and an earring size without asking which size they wear', async () => {
    expect(topText(await ask(undefined, '顾客: 925银素圈戒指有16好吗 我手指粗 一般戴16'))).toMatch(/没有16号/u);
    const stud = topText(await ask(undefined, '顾客: 想买对小耳钉 天天戴不想摘的那种', '导购: 可以看看18K金小圆耳钉880元，18K金，黄金色和玫瑰金色，日常戴着很省心～', '顾客: 玫瑰金的', '顾客: 多大一颗啊 洗澡能戴着吗 我懒得天天摘'));
    expect(stud).toMatch(/6mm/u);
    expect(stud).not.toMatch(/哪个尺寸/u);
  });

  it('answers whether a down jacket packs small from its description', async () => {
    const packs = await ask(undefined, '顾客: 下个月去北海道出差 老是带不下厚衣服 烦死', '导购: 可以看看轻薄短款羽绒服699元，90%白鸭绒，充绒量适中，黑色、奶白、雾蓝三色～', '顾客: 北海道够不够暖我自己再查查 里面可以套毛衣', '顾客: 主要是能压小吗 我箱子就20寸的');
    expect(packs.drafts.slice(0, 3).map((d) => d.text).join(' ')).toMatch(/收纳袋/u);
    expect(topText(packs)).not.toMatch(/给您挑了/u);
  });
});
