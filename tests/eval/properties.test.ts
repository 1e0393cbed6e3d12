/**
 * The dialogue dev set's checks, each on a hand-written draft that passes and one that fails, so a
 * check that cannot fail (or cannot pass) shows here and not as a silently perfect rate.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { loadKnowledge } from '../../src/assist/knowledge/load-knowledge.ts';
import { DEMO_DIR } from '../assist/support.ts';
import { checkLine } from './check-properties.ts';
import type { Checks, JudgedSuggestion } from './check-properties.ts';
import { dialogueLineSchema } from './dialogue-line.ts';
import type { DialogueLine } from './dialogue-line.ts';
import { productsNamedInText } from './named-products.ts';
import { fittingProducts } from './product-fit.ts';
import { rateProperties } from './property-rates.ts';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await loadKnowledge(DEMO_DIR);
});

const line = (raw: Record<string, unknown>): DialogueLine => dialogueLineSchema.parse({ context: ['顾客: 你好'], ...raw });
const said = (...texts: string[]): JudgedSuggestion => ({ drafts: texts.map((text) => ({ text, skus: [], needsApproval: false })), tags: [] });
const check = (l: DialogueLine, s: JudgedSuggestion): Checks => checkLine(l, s, kb);

describe('answers_newest', () => {
  const invoice = line({ expect: { answers: [['发票', '开票']] } });
  it('passes when the top draft answers and fails when only a later draft does', () => {
    expect(check(invoice, said('可以开电子发票，付款后在小程序里申请。')).answers_newest).toBe(true);
    expect(check(invoice, said('七天内可以无理由退换。', '可以开发票。')).answers_newest).toBe(false);
  });
  it('wants every group, the first group first', () => {
    const two = line({ expect: { answers: [['S码', 'S'], ['10:00', '22:00', '营业']] } });
    expect(check(two, said('S码有货；门店每天10:00-22:00营业。')).answers_newest).toBe(true);
    expect(check(two, said('门店每天10:00-22:00营业，S码也有。')).answers_newest).toBe(false);
    expect(check(two, said('S码有货。')).answers_newest).toBe(false);
  });
  it('is not counted without expectations', () => {
    expect(check(line({ expect: {} }), said('您好')).answers_newest).toBeUndefined();
  });
});

describe('fitting_product_top3', () => {
  const jacket = line({ expect: { product: { category: '服装', subcategory: ['外套', '夹克', '西装外套', '风衣'], budget: { around: 500 } } } });
  it('finds a fitting product by name or by sku in the top 3', () => {
    expect(check(jacket, said('您好', '防泼水连帽风衣599元，通勤很方便。')).fitting_product_top3).toBe(true);
    expect(check(jacket, { drafts: [{ text: '这款您看看', skus: ['AP-1019'] }], tags: [] }).fitting_product_top3).toBe(true);
  });
  it('fails on a product out of the budget band, the wrong kind, or one past the top 3', () => {
    expect(check(jacket, said('单排扣西装外套899元。')).fitting_product_top3).toBe(false);
    expect(check(jacket, said('粗针麻花毛衣459元。')).fitting_product_top3).toBe(false);
    expect(check(jacket, said('a', 'b', 'c', '水洗牛仔夹克499元。')).fitting_product_top3).toBe(false);
  });
  it('checks size, colour and who it is for', () => {
    const sized = line({ expect: { product: { subcategory: ['大衣'], size: 'XS' } } });
    expect(check(sized, said('翻领短款羊毛大衣有XS。')).fitting_product_top3).toBe(true);
    expect(check(sized, said('双面羊毛呢大衣很好看。')).fitting_product_top3).toBe(false);
    const coloured = line({ expect: { product: { subcategory: ['大衣'], colour: '酒红' } } });
    expect(check(coloured, said('翻领短款羊毛大衣有酒红。')).fitting_product_top3).toBe(true);
    expect(check(coloured, said('千鸟格羊毛大衣。')).fitting_product_top3).toBe(false);
    const forHer = line({ expect: { product: { subcategory: ['香水'], gender: 'female' } } });
    expect(check(forHer, said('白茶淡香水680元，很清新。')).fitting_product_top3).toBe(true);
    expect(check(forHer, said('雪松男士淡香水680元。')).fitting_product_top3).toBe(false);
    const forHim = line({ expect: { product: { subcategory: ['大衣'], gender: 'male' } } });
    expect(check(forHim, said('男士单排扣羊毛大衣1599元。')).fitting_product_top3).toBe(true);
    expect(check(forHim, said('双面羊毛呢大衣1299元。')).fitting_product_top3).toBe(false);
    const shoes = line({ expect: { product: { category: '鞋履', size: '43', gender: 'male' } } });
    expect(check(shoes, said('男士缓震跑步鞋有43码。')).fitting_product_top3).toBe(true);
    expect(check(shoes, said('缓震跑步鞋599元。')).fitting_product_top3).toBe(false);
  });
  it('is not counted when nothing fits', () => {
    expect(check(line({ expect: { product: { subcategory: ['大衣'], budget: { max: 300 } }, nothingFits: true } }), said('x')).fitting_product_top3).toBeUndefined();
  });
});

describe('within_budget', () => {
  const budget = line({ expect: { product: { category: '服装', budget: { around: 1000 } } } });
  it('fails when a top-3 draft quotes a product above the tolerance without saying so', () => {
    expect(check(budget, said('翻领短款羊毛大衣999元。', '双面羊毛呢大衣1299元。')).within_budget).toBe(false);
    expect(check(budget, said('翻领短款羊毛大衣999元。')).within_budget).toBe(true);
  });
  it('lets a draft that says plainly it is over the budget quote it', () => {
    expect(check(budget, said('系带浴袍式大衣3299元，比您的预算高一些。')).within_budget).toBe(true);
    expect(check(budget, said('系带浴袍式大衣3299元，在您的预算内。')).within_budget).toBe(false);
  });
});

describe('nothing_fits_honest', () => {
  const none = line({ expect: { product: { subcategory: ['大衣'], budget: { max: 300 } }, nothingFits: true } });
  it('wants the top draft to say there is no exact match', () => {
    expect(check(none, said('300以内的大衣暂时没有，最接近的是翻领短款羊毛大衣999元。')).nothing_fits_honest).toBe(true);
    expect(check(none, said('翻领短款羊毛大衣999元，在您的预算内。')).nothing_fits_honest).toBe(false);
    expect(check(none, said('您看看有没有喜欢的。')).nothing_fits_honest).toBe(false);
    expect(check(none, said('门店没有的尺码可以调货，一般1-2天到店。')).nothing_fits_honest).toBe(false);
  });
});

describe('complaints', () => {
  const complaint = line({ expect: { complaint: true } });
  it('wants a complaint or after-sales tag', () => {
    expect(check(complaint, { ...said('非常抱歉'), tags: ['客户状态/投诉'] }).complaint_tagged).toBe(true);
    expect(check(complaint, { ...said('非常抱歉'), tags: ['购买阶段/售后'] }).complaint_tagged).toBe(true);
    expect(check(complaint, { ...said('非常抱歉'), tags: ['意向品类/美妆'] }).complaint_tagged).toBe(false);
  });
  it('wants an apology first and no pitch', () => {
    expect(check(complaint, said('非常抱歉给您带来不好的体验，方便发张照片给我吗？')).no_pitch_in_complaint).toBe(true);
    expect(check(complaint, said('不支持无理由退换。抱歉。')).no_pitch_in_complaint).toBe(false);
    expect(check(complaint, said('抱歉！给您推荐安肌舒缓精华。')).no_pitch_in_complaint).toBe(false);
    expect(check(complaint, said('抱歉，晨露保湿霜可以换。')).no_pitch_in_complaint).toBe(false);
  });
});

describe('clean drafts', () => {
  it('no_placeholder looks at every draft', () => {
    expect(check(line({}), said('您好', '这款很好')).no_placeholder).toBe(true);
    expect(check(line({}), said('您好', 'a', 'b', '{product_name}很好')).no_placeholder).toBe(false);
  });
  it('no_third_person catches the guide spoken of as someone else, not "我是…导购"', () => {
    expect(check(line({}), said('我是澜庭静安嘉里店的导购林晓，您说。')).no_third_person).toBe(true);
    expect(check(line({}), said('可以把抬头和税号发给导购代为申请。')).no_third_person).toBe(false);
    expect(check(line({}), said('好的', '导购会先报价。')).no_third_person).toBe(false);
  });
  it('no_wrong_situation: welcome only for a new contact, 好久不见 only after a gap, 上次买的 only after a purchase', () => {
    const old = line({});
    expect(check(old, said('您好，很高兴加上您的微信')).no_wrong_situation).toBe(false);
    expect(check(line({ customer: { addedMinutesAgo: 3 } }), said('您好，很高兴加上您的微信')).no_wrong_situation).toBe(true);
    expect(check(line({ customer: { addedMinutesAgo: 1 } }), said('好久不见！')).no_wrong_situation).toBe(false);
    expect(check(line({ customer: { daysSinceLastChat: 40 } }), said('好久不见！')).no_wrong_situation).toBe(true);
    expect(check(old, said('上次您买的大衣穿着还合适吗？')).no_wrong_situation).toBe(false);
    expect(check(line({ customer: { purchases: ['AP-1001'] } }), said('上次您买的大衣穿着还合适吗？')).no_wrong_situation).toBe(true);
    expect(check(line({ expect: { mustNot: ['颜色断货'] } }), said('这个颜色断货了')).no_wrong_situation).toBe(false);
    const body = '您说的身高体重，建议M码。';
    expect(check(line({ context: ['顾客: 这件有M吗'] }), said(body)).no_wrong_situation).toBe(false);
    expect(check(line({ context: ['顾客: 我160 100斤'] }), said(body)).no_wrong_situation).toBe(true);
  });
  it('no_product wants no catalog product in the top draft', () => {
    const logistics = line({ expect: { noProduct: true } });
    expect(check(logistics, said('一般下单后2-3天到。')).no_product).toBe(true);
    expect(check(logistics, said('轻薄短款羽绒服699元。')).no_product).toBe(false);
  });
  it('no_wrong_terms: a size or budget restated as the customer gave it, not another', () => {
    const shoes = line({ expect: { product: { category: '鞋履', size: '37', budget: { max: 800 } } } });
    expect(check(shoes, said('软羊皮芭蕾舞鞋有37码，在您800以内的预算内。')).no_wrong_terms).toBe(true);
    expect(check(shoes, said('软羊皮芭蕾舞鞋35-40码都有。')).no_wrong_terms).toBe(true);
    expect(check(shoes, said('草编渔夫鞋有39码。')).no_wrong_terms).toBe(false);
    expect(check(line({ expect: { product: { category: '鞋履', size: '45' }, nothingFits: true } }), said('男士乐福鞋最大44码，暂时没有45码以上的。', '只有44码。')).no_wrong_terms).toBe(true);
    expect(check(shoes, said('草编渔夫鞋在您500以内的预算内。')).no_wrong_terms).toBe(false);
    expect(check(shoes, said('草编渔夫鞋有39码。')).sendable_top3).toBe(false);
    const coat = line({ expect: { product: { subcategory: ['大衣'], size: 'M' } } });
    expect(check(coat, said('M码有货，L码也有。')).no_wrong_terms).toBe(true);
    expect(check(coat, said('建议您拿L码。')).no_wrong_terms).toBe(false);
    expect(check(line({ expect: { answers: [['发票']] } }), said('L码有货')).no_wrong_terms).toBeUndefined();
  });
});

describe('sendable', () => {
  const l = line({ expect: { answers: [['发票']] } });
  it('top 3 needs one draft passing everything; top 1 needs the first', () => {
    const s = said('七天无理由退换。', '可以开发票。');
    expect(check(l, s)).toMatchObject({ sendable_top3: true, sendable_top1: false });
    expect(check(l, said('可以开发票，发给导购就行。'))).toMatchObject({ sendable_top3: false, sendable_top1: false });
  });
  it('a held draft is not sendable, and an untagged complaint has nothing sendable', () => {
    expect(check(l, { drafts: [{ text: '可以开发票。', needsApproval: true }], tags: [] }).sendable_top3).toBe(false);
    const complaint = line({ expect: { complaint: true } });
    expect(check(complaint, said('非常抱歉，我马上帮您处理。')).sendable_top3).toBe(false);
    expect(check(complaint, { ...said('非常抱歉，我马上帮您处理。'), tags: ['客户状态/投诉'] }).sendable_top3).toBe(true);
  });
});

describe('helpers', () => {
  it('reads a name inside a longer name as the longer product', () => {
    expect(productsNamedInText(kb, '晚桂淡香精 100ml 1280元').map((p) => p.sku)).toEqual(['BT-2054']);
    expect(productsNamedInText(kb, '晚桂淡香精880元').map((p) => p.sku)).toEqual(['BT-2053']);
    expect(productsNamedInText(kb, '轻透防晒乳很清爽').map((p) => p.sku)).toEqual(['BT-2021']);
  });
  it('lists the fitting products a dev-set line can expect', () => {
    const jackets = fittingProducts(kb, { category: '服装', subcategory: ['外套', '夹克', '西装外套', '风衣'], budget: { around: 500 } }).map((p) => p.sku);
    expect(jackets).toContain('AP-1019');
    expect(jackets).not.toContain('AP-1011');
  });
  it('rates each property over the lines it applies to', () => {
    expect(rateProperties([{ answers_newest: true, no_placeholder: true }, { answers_newest: false, no_placeholder: true }, { no_placeholder: false }])).toEqual({
      properties: { answers_newest: 0.5, no_placeholder: 0.6667 },
      counts: { answers_newest: 2, no_placeholder: 3 },
    });
  });
});
