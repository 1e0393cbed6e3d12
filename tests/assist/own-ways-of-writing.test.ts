/**
 * Customers who write in their own ways: half in English (blazer, or, ok, squeak), a formal elder
 * (购得, 遍寻不见), a homophone typed from pinyin (有16好吗), sarcasm (球比我头发还多), cross words that mean
 * praise (气死我了 … 被同事追着问链接), a promised wait overrun, and leather darkening asked as a fault.
 */
import { describe, expect, it } from 'vitest';
import { toMandarin } from '../../src/assist/dialogue/to-mandarin.ts';
import { askDemoAfterPurchase, complaintTagged, topText } from './support.ts';

const ask = askDemoAfterPurchase();

describe('customers who write in their own ways', () => {
  it('keeps a request going when both colours are "ok" in English', async () => {
    const blazer = await ask(undefined, '顾客: hi 想找一件blazer 通勤穿的 size S, budget 1k以内', '导购: 好的～颜色有偏好吗？', '顾客: 黑色or藏青都ok 要显精神一点的 不要太oversize');
    expect(blazer.drafts[0]?.skus.length).toBeGreaterThan(0);
    expect(topText(blazer)).not.toMatch(/不客气|不打扰/u);
  });

  it('hears complaints in sarcasm, English, formal writing and an overrun wait', async () => {
    for (const said of ['一千六的羊绒衫 穿了三次 球比我头发还多 真是物超所值哈', '那双一脚蹬 每走一步都squeak squeak的 在office里所有人都回头看我 so embarrassing', '您好，打扰了。前些日子在贵店购得的珍珠耳钉，今日发现其中一只的珍珠脱落了，遍寻不见。烦请告知该如何处理，谢谢。']) {
      const reply = await ask(undefined, `顾客: ${said}`);
      expect(complaintTagged(reply), said).toBe(true);
      expect(reply.drafts[0]?.skus ?? [], said).toEqual([]);
    }
    const late = await ask(undefined, '顾客: 请问我那条西裤改好了吗', '导购: 您好，我帮您问一下，一般3-5天可以取。', '顾客: 你上次也说3到5天 这都十天了 我周一出差要穿的');
    expect(complaintTagged(late)).toBe(true);
    expect(late.drafts[0]?.skus ?? []).toEqual([]);
  });

  it('takes cross words about being admired as praise, and darkening leather as what it does', async () => {
    const admired = await ask(undefined, '顾客: 气死我了', '顾客: 穿你们那件短款大衣去上班 一天被八个同事追着问链接 饭都没吃好😤😂');
    expect(topText(admired)).not.toMatch(/抱歉/u);
    expect(admired.drafts[0]?.skus ?? []).toEqual([]);
    const darker = await ask(undefined, '顾客: 我那个半月包怎么越背颜色越深了 是不是坏了啊 刚买的时候明明是浅浅的焦糖色');
    expect(topText(darker)).toMatch(/正常/u);
    expect(topText(darker)).not.toMatch(/抱歉/u);
  });

  it('works out points said after the word (积分一万多了) and reads 有16好吗 as the ring size', async () => {
    expect(topText(await ask(undefined, '顾客: 我积分一万多了 什么时候过期啊 能抵多少钱'))).toMatch(/12月31日[^]*100多元/u);
    expect(toMandarin('素圈戒指有16好吗')).toBe('素圈戒指有16号吗');
  });
});

describe('more ways of telling a problem, and what they own', () => {
  it('hears a down jacket that sheds, a clerk who pulled a face, a seam opened in Shanghainese', async () => {
    for (const said of ['呵呵 你们家羽绒服是自带飞毛功能吗 穿一天黑裤子上全是白毛 我是去上班还是去养鸭', '前阵子在静安店买大衣 我试第二件的时候那个店员脸就拉下来了 一直催我快点定 搞得我很不舒服 衣服是好看 但体验真的很差', '侬好 阿拉上趟买额西装 袖子底下额线脱开了 还没穿几趟 哪能弄']) {
      const reply = await ask(undefined, `顾客: ${said}`);
      expect(complaintTagged(reply), said).toBe(true);
      expect(reply.drafts[0]?.skus ?? [], said).toEqual([]);
    }
    // 额 at the end of a Shanghainese clause is a particle, not 的 before a noun.
    expect(toMandarin('太贵了伊舍不得穿额 一千以内有伐')).not.toMatch(/穿的/u);
  });

  it('refuses an invoice for more than was paid, said as "开个三千的"', async () => {
    expect(topText(await ask(undefined, '导购: 双面羊毛呢大衣1299元，订单链接发您了。', '顾客: 付了 发票能帮我开个三千的不 公司报销额度有多的 不用白不用'))).toMatch(/实际|如实/u);
  });

  it('takes the colour of what they own ("西装是藏青色") as no colour or kind wanted', async () => {
    const shoes = await ask(undefined, '顾客: 下个月我结婚 想买双皮鞋配西装', '导购: 恭喜恭喜！男士牛皮德比鞋1299元，黑色和深棕，正装和婚礼都合适。您穿几码？', '顾客: 42 要深棕的 西装是藏青色');
    expect(topText(shoes)).toMatch(/深棕/u);
    expect(topText(shoes)).not.toMatch(/藏青|西装/u);
  });
});

describe('what the product itself says, and what is no fault of it', () => {
  it('answers a belt hole from the belt, parking with the hours, and a clasp that came loose as a complaint', async () => {
    expect(topText(await ask(undefined, '顾客: 问下 前阵子买的那根细腰带', '导购: 您说～女士细款牛皮腰带是吗？', '顾客: 对 系大衣外面长了一大截 甩来甩去的 能给打个孔吗'))).toMatch(/打孔/u);
    expect(topText(await ask(undefined, '顾客: 估计晚饭后 九点多了 今天开到几点啊 车好停吗'))).toMatch(/22:00[^]*停车/u);
    const clasp = await ask(undefined, '顾客: 您好 打扰了', '顾客: 我于本月初在贵店购买的淡水珍珠项链 今日佩戴时发现扣头松脱 无法扣合 险些遗失', '顾客: 请问此事应如何处理');
    expect(complaintTagged(clasp)).toBe(true);
    expect(clasp.drafts[0]?.skus ?? []).toEqual([]);
  });

  it('hears smoke on a boyfriend as the reason for a perfume, not a complaint', async () => {
    const perfume = await ask(undefined, '顾客: 圣诞想送男朋友香水 他不喜欢甜的', '导购: 送男士可以看看木质调的，干净沉稳一些～您预算大概多少？', '顾客: 七八百吧', '顾客: 他身上老是一股烟味😅 想让他香一点');
    expect(complaintTagged(perfume)).toBe(false);
    expect(perfume.drafts.slice(0, 3).some((d) => d.skus.length > 0)).toBe(true);
  });
});

describe('a colour turned down for being everywhere', () => {
  it('takes "黑白的满大街都是" as no colour wanted, so the one asked for is answered', async () => {
    const shoes = topText(await ask(undefined, '顾客: 想买双跑步鞋', '导购: 好的～平时穿几码？预算多少？', '顾客: 38 六百以内', '导购: 缓震跑步鞋599元，黑白、雾蓝、浅灰，EVA中底有回弹。', '顾客: 有雾蓝吗 黑白的满大街都是'));
    expect(shoes).toMatch(/雾蓝/u);
    expect(shoes).not.toMatch(/有黑白/u);
  });
});
