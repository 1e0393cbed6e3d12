/**
 * In a customer group the guide answers only what is put to them: the newest customer message that
 * @mentions the guide, or — once the guide has spoken in the group — a question (or a request: 推荐 /
 * 帮我 …) that came after the guide's last message, mentions nobody else, and that no other member took
 * up since. Everything else in the group is other people's conversation.
 */
import type { GroupMessage } from '../../conversation/group-model.ts';
import { looksLikeQuestion } from '../dialogue/looks-like-question.ts';
import { mentions, mentionsIn } from './mentions.ts';

/** The guide as the group knows them: userid and every name a customer might @ (WeCom name, group nickname). */
export interface GroupGuide {
  userId: string;
  names: readonly string[];
  /** The names of everyone else in the group (a mention of 林晓梅 is not one of 林晓). */
  others?: readonly string[];
}

const REQUEST = /推荐|介绍一下|帮我|帮忙|想要|想买|求/u;

export function looksAddressable(text: string): boolean {
  return looksLikeQuestion(text) || REQUEST.test(text);
}

/** How a customer message stands towards the guide. */
export function addressing(message: GroupMessage, guide: GroupGuide): 'mentions_guide' | 'mentions_other' | 'none' {
  if (mentions(message.text, guide.names, guide.others)) return 'mentions_guide';
  return mentionsIn(message.text).length > 0 ? 'mentions_other' : 'none';
}

/** The newest customer message addressed to the guide, scanning back to the guide's own last message. */
export function findAddressedQuestion(messages: readonly GroupMessage[], guide: GroupGuide): GroupMessage | undefined {
  const guideSpoke = messages.some((m) => m.speakerId === guide.userId);
  let takenUp = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as GroupMessage;
    if (message.speakerId === guide.userId) return undefined;
    if (message.speaker === 'member') {
      // A colleague answered after this point: plain questions before it were theirs to answer.
      takenUp = true;
      continue;
    }
    if (!message.text.trim()) continue;
    const addressed = addressing(message, guide);
    if (addressed === 'mentions_guide') return message;
    if (addressed === 'none' && guideSpoke && !takenUp && looksAddressable(message.text)) return message;
  }
  return undefined;
}
