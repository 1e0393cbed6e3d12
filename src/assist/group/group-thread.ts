/**
 * The part of a group's conversation a draft answers, as the 1:1 conversation the engines already read:
 * the asking customer's messages and the guide's, up to the question, with the guide's @name taken out.
 * Other people's messages stay out (their sizes and budgets are not the asker's), and so do the guide's
 * messages to someone else and the asker's messages to someone else. The engine, the guardrails and the
 * review then apply unchanged, and tags proposed from it quote the asker.
 */
import type { GroupMessage } from '../../conversation/group-model.ts';
import type { ChatMessage } from '../../conversation/model.ts';
import { mentions, mentionsIn, withoutMentions } from './mentions.ts';
import type { GroupGuide } from './find-addressed-question.ts';

export interface ThreadParty {
  userId: string;
  names: readonly string[];
}

export function groupThread(messages: readonly GroupMessage[], guide: GroupGuide, asker: ThreadParty, question: GroupMessage): ChatMessage[] {
  const end = messages.findIndex((m) => m.id === question.id);
  const upTo = end < 0 ? [...messages, question] : messages.slice(0, end + 1);
  const thread: ChatMessage[] = [];
  for (const m of upTo) {
    const toSomeoneElse = mentionsIn(m.text).length > 0 && !mentions(m.text, m.speakerId === guide.userId ? asker.names : guide.names);
    if ((m.speakerId !== guide.userId && m.speakerId !== asker.userId) || toSomeoneElse) continue;
    const fromGuide = m.speakerId === guide.userId;
    thread.push({
      id: m.id,
      guideId: guide.userId,
      customerId: asker.userId,
      speaker: fromGuide ? 'guide' : 'customer',
      text: withoutMentions(m.text, fromGuide ? asker.names : guide.names),
      source: m.source,
      at: m.at,
      ...(m.seq ? { seq: m.seq } : {}),
      ...(m.kind ? { kind: m.kind } : {}),
      ...(m.fromDraft ? { fromDraft: m.fromDraft } : {}),
    });
  }
  return thread;
}
