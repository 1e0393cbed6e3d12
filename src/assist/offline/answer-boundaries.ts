/**
 * Asks a guide must decline or hand on, answered kindly and without a claim: a product for treating a
 * condition or safe in pregnancy (the doctor decides; the ingredient list helps), and a review bought
 * with money.
 */
import type { DialogueState } from '../dialogue/dialogue-state.ts';
import type { Part } from './answer-product.ts';

const CONDITION = /湿疹|皮炎|皮肤病|痤疮|玫瑰痤疮|激素脸|银屑病|荨麻疹/u;

export function answerHealth(state: DialogueState): Part {
  const product = state.slots.focus?.value;
  const name = product?.name ?? '这款';
  if (/孕|怀孕|哺乳|备孕/u.test(state.newestText)) {
    // "你能保证对宝宝没影响吗": no guarantee a guide can give, said plainly.
    const promise = /保证|打包票|肯定没|确定没/u.test(state.newestText) ? '对宝宝有没有影响，这个我不能保证，' : '';
    return { text: `${promise}${name}孕期、哺乳期能不能用，建议先问一下您的医生更放心，我不能替医生打包票哦。我把完整的成分表发您，您可以拿给医生看一下～`, products: product ? [product] : [] };
  }
  // "羊毛保暖内衣穿了能治腿疼不": clothes are no medicine either; the doctor, then what the piece does do.
  const worn = product && product.category !== '美妆';
  if (worn || /关节|腿疼|腰疼|颈椎|风湿|膝盖|痛风|静脉曲张/u.test(state.newestText)) {
    return { text: `衣服鞋子不是药，身体不舒服还是要先看医生、听医生的建议哦。${worn ? '它保暖性不错，冬天穿着会暖和些；' : ''}有需要我再帮您挑穿着舒服的款～`, products: [] };
  }
  const condition = CONDITION.exec(state.newestText)?.[0] ?? '皮肤问题';
  // No product named beside a medical ask: the doctor comes first, the shop after.
  const gentle = product ? '等医生看过、皮肤稳定了，可以先在耳后小面积试用，我也可以先给您小样。' : '等皮肤稳定了，我再帮您挑温和的护肤品，也可以先给您小样试用。';
  // Worded so the draft passes the medical-claim guardrail it honours: no 治疗 even in the negative.
  return { text: `护肤品不是药，${condition}这种情况代替不了医生的处理，建议先去医院皮肤科看一下。${gentle}`, products: [] };
}

export function answerPaidReview(): Part {
  return { text: '不好意思，好评我们不能拿任何好处来换哦～您用下来觉得怎么样如实评价就好，有不满意的地方直接告诉我，我来帮您解决。', products: [] };
}
