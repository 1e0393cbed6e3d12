/**
 * Small talk a guide answers in kind, without a product: the weather, whether the store is warm, a
 * busy day, a move to another city ("下个月调去深圳了 以后去不了你们店了"): what to say back, and for a move,
 * how to keep shopping from afar.
 */
import type { Part } from './answer-product.ts';

const TALK: [RegExp, string][] = [
  [/调去|搬去|搬到|要去[^，。]{0,4}(?:工作|上班|读书)|去不了你们店|以后(?:不|没法|很少)[^，。]{0,4}(?:来|去)/u, '真舍不得您～谢谢您一直以来的照顾！以后在会员小程序下单，顺丰寄到家也很方便；有想看的随时微信找我，我帮您挑好、拍实物给您看，回来的时候也一定来店里坐坐。'],
  [/冷|降温|冻|下雪/u, '是呀，这几天降温挺厉害的，出门记得多穿点、注意保暖～店里开着暖气，挺暖和的，您路过随时进来坐坐、喝杯热茶。'],
  [/热|晒|闷/u, '是呀，这几天太热了，出门注意防晒、多喝水～店里空调很足，逛累了随时进来歇歇。'],
  [/下雨|雨好大|大雨/u, '下雨天出门小心路滑～店里备了雨伞套和毛巾，您过来的话别淋着了。'],
  [/忙不忙|忙吗|累不累|辛苦/u, '还好还好，谢谢您惦记～您有什么想看的或者需要帮忙的，随时找我。'],
];

/** The reply to small talk, or undefined when the message is not small talk this knows. */
export function answerSmallTalk(text: string): Part | undefined {
  const reply = TALK.find(([pattern]) => pattern.test(text))?.[1];
  return reply ? { text: reply, products: [] } : undefined;
}
