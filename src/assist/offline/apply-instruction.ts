/**
 * A guide's regenerate instruction ("更简短", "更热情", "推荐同价位", "正式一点") reshapes the drafts
 * deterministically; anything else is added to the retrieval query.
 */

export type InstructionKind = 'shorter' | 'warmer' | 'formal' | 'same_price' | 'query';

export function classifyInstruction(instruction: string | undefined): InstructionKind | undefined {
  if (!instruction || instruction.trim().length === 0) return undefined;
  if (/简短|短一点|简洁|精简|短些|少点字/u.test(instruction)) return 'shorter';
  if (/热情|亲切|活泼|温暖|热络/u.test(instruction)) return 'warmer';
  if (/正式|专业|严肃|客气/u.test(instruction)) return 'formal';
  if (/同价位|价位相近|差不多价|类似|别的款|其他款|换一款|推荐/u.test(instruction)) return 'same_price';
  return 'query';
}

export function warmUp(text: string, customerName: string | undefined): string {
  const opener = customerName ? `${customerName}～` : '亲～';
  const body = text.startsWith(opener) ? text : `${opener}${text}`;
  return /[～~😊]$/u.test(body) ? body : `${body.replace(/[。.]$/u, '')}～有任何问题随时找我哦😊`;
}

export function formalize(text: string): string {
  return text.replace(/[～~]+/gu, '。').replace(/😊|😄|❤️|呀|哈/gu, '').replace(/。+/gu, '。').replace(/。([，,])/gu, '$1').trim();
}
