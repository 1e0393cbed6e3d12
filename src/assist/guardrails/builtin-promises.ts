/**
 * Promise forms every store's guardrails catch, on top of guardrails.yaml's own patterns: a guarantee word
 * (保证/承诺/包您, 一定/肯定/绝对) with a refund, compensation or efficacy outcome, and "if you are not
 * satisfied → refund". 「保证退款，您放心」 and 「不满意保证给您退款」 must never go out one-tap; the
 * store's own promises (七天无理由退换, 质量问题30天包换) are cleared by policy.yaml as before.
 */
const CLAUSE = String.raw`[^，。！？,.!?；;\n]`;

export const BUILTIN_PROMISES: readonly string[] = [
  String.raw`(?:保证|担保|承诺|包您|包你)${CLAUSE}{0,8}?(?:退款|退钱|退全款|全额退|全退|赔|见效|有效|管用|效果|满意)`,
  // A bare 包 only right before the outcome: 包包, 包装, 包邮 are everyday words.
  String.raw`包(?:退款|退钱|见效|有效|管用)`,
  String.raw`(?:一定|肯定|绝对|百分百|百分之百)(?:能|会|可以|给您|给你|帮您)?${CLAUSE}{0,4}?(?:退款|退钱|全退|赔|见效|有效|管用)`,
  String.raw`(?:不满意|不喜欢|没效果|无效|没用)${CLAUSE}{0,6}?(?:退款|退钱|全退|赔)`,
];
