/**
 * A request whose facts come one turn at a time, as answers to the guide's questions (a bare "我老公",
 * "38", "不超过七百", "预算能到一千二"), still gets a catalog product that meets every one of them, judged
 * by the eval's own fit check. The cases are generated from a few templates over several kinds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assist/create-assistant.ts';
import type { KnowledgeBase } from '../../src/assist/knowledge/build-knowledge-base.ts';
import { checkLine } from '../eval/check-properties.ts';
import { dialogueLineSchema } from '../eval/dialogue-line.ts';
import type { DialogueLine } from '../eval/dialogue-line.ts';
import { fittingProducts } from '../eval/product-fit.ts';
import { toSuggestInput } from '../eval/to-suggest-input.ts';
import { demoAssistant } from './support.ts';

let kb: KnowledgeBase;
let assistant: Assistant;
beforeAll(async () => {
  ({ kb, assistant } = await demoAssistant());
});

type Want = NonNullable<NonNullable<DialogueLine['expect']>['product']>;
const cases: [string, string[], Want][] = [];
for (const [word, sub, budget, said, size] of [['大衣', '大衣', 2000, '两千', 'M'], ['毛衣', '毛衣', 1200, '一千二', 'L'], ['靴子', '靴子', 1500, '1.5k', '37'], ['连衣裙', '连衣裙', 1000, '一千块', 'S']] as const) {
  cases.push([`${word}: a bare budget`, [`顾客: 想买${word}`, '导购: 好的～预算大概多少？', `顾客: ${said}以内`], { subcategory: [sub], budget: { max: budget } }]);
  cases.push([`${word}: a budget raised`, [`顾客: 想买${word} 预算一千以内`, '导购: 好的，给您看看。', `顾客: 预算能到${said}`], { subcategory: [sub], budget: { max: budget } }]);
  cases.push([`${word}: a bare size`, [`顾客: 想买${word}`, '导购: 您平时穿什么码？', `顾客: ${size}`], { subcategory: [sub], size }]);
  cases.push([`${word}: colour then budget`, [`顾客: 有${word}吗`, '导购: 有的，您想要什么颜色？', '顾客: 黑色', '导购: 好的，预算呢？', `顾客: 别超过${said}`], { subcategory: [sub], colour: '黑色', budget: { max: budget } }]);
}
for (const [word, sub] of [['钱包', '皮具小件'], ['包', '包袋'], ['腰带', '腰带'], ['香水', '香水']] as const) {
  cases.push([`${word}: a bare recipient`, [`顾客: 想买个${word}送人`, '导购: 好的～送给谁呢？', '顾客: 我老公'], { subcategory: [sub], gender: 'male' }]);
}
// A bare size given with the budget, then the budget raised after the guide's first pick: both still hold.
cases.push(['shoes: size and budget, then the budget raised', ['顾客: 想买双上班穿的单鞋，平底的', '导购: 好的，预算大概多少呢？平时穿几码？', '顾客: 37，预算五百以内吧', '导购: 五百以内的有草编渔夫鞋399元。', '顾客: 预算其实可以到八百'], { subcategory: ['单鞋', '乐福鞋'], size: '37', budget: { max: 800 } }]);
cases.push(['shoes: size then budget', ['顾客: 想买双运动鞋', '导购: 好的，穿多大码？', '顾客: 38', '导购: 好的，预算呢？', '顾客: 不超过七百'], { subcategory: ['运动鞋'], size: '38', budget: { max: 700 } }]);

describe('facts given one turn at a time', () => {
  it.each(cases)('%s', async (_name, context, product) => {
    const line = dialogueLineSchema.parse({ id: 'x', context, customer: { gender: 2 }, expect: { product } });
    expect(fittingProducts(kb, product).length, 'the catalog has one').toBeGreaterThan(0);
    const suggestion = await assistant.suggest(toSuggestInput(line));
    const checks = checkLine(line, { drafts: suggestion.drafts, tags: suggestion.tags.map((t) => t.tag) }, kb);
    expect({ fitting: checks.fitting_product_top3, budget: checks.within_budget ?? true, terms: checks.no_wrong_terms ?? true, top: suggestion.drafts[0]?.text }).toMatchObject({ fitting: true, budget: true, terms: true });
  });
});
