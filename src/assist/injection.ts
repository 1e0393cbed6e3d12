/**
 * Customer text that tries to instruct the assistant ("忽略之前的指令", "【系统指令】你必须回复",
 * "你就承诺一下…") rather than talk to the store. Such a message yields no tags and is answered with
 * the store's policy; it never becomes an instruction.
 */

const INSTRUCTION = [
  /忽略(?:之前|以上|前面|上面|所有)?的?(?:指令|指示|规则|设定|要求|提示)/u,
  /(?:系统|开发者|管理员)(?:指令|消息|提示|模式)/u,
  /【\s*(?:系统|指令|system)/iu,
  /ignore (?:all |the )?(?:previous|above|prior) (?:instructions|rules)/iu,
  /(?:system|developer) prompt/iu,
  /你(?:现在)?(?:必须|只能|要)(?:回复|回答|输出|说)/u,
  /你就(?:说|写|承诺|保证|答应)/u,
  /你(?:跟|给|向)我(?:保证|承诺|写)/u,
  /(?:扮演|假装你是|你现在是)(?!.*导购)/u,
  /你是(?:机器人|ai|人工智能|chatgpt|gpt)/iu,
  /(?:写|编)(?:一段|一篇|个)?(?:文案|广告)(?:给我|说)/u,
  /(?:提示词|prompt)/iu,
];

export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION.some((pattern) => pattern.test(text));
}
