/**
 * How the guide speaks of the person a thing is for. The customer's own word is kept where a guide would
 * say it back ("适合妈妈", "送闺蜜"); words only family use of their own ("老头子", "对象") are said politely.
 */
import type { Recipient } from '../dialogue/dialogue-state.ts';

const POLITE: Record<string, string> = { 老头子: '叔叔', 老头: '叔叔', 老太太: '阿姨', 老太婆: '阿姨', 对象: '您对象', 爱人: '您爱人', 媳妇: '您爱人', 那口子: '您爱人', 先生: '您先生', 闺女: '您女儿' };

export function speakOfRecipient(recipient: Recipient): string {
  if (recipient.who === '老伴') return recipient.gender === 'male' ? '叔叔' : recipient.gender === 'female' ? '阿姨' : '老人家';
  return POLITE[recipient.who] ?? recipient.who;
}
