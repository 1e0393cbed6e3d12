import { displayName } from '../conversation/group-model.ts';
import type { ReviewApiDeps } from './review-deps.ts';

export interface ReviewedConversation {
  name: string;
  lines: Array<{ id: string; speaker: 'customer' | 'guide'; text: string; at: number }>;
}

/**
 * Who a held or sampled reply was for, and what was said around it: the customer's 1:1 chat, or — when the
 * id is a customer group's chat id — the group, its lines labelled with who said them.
 */
export async function reviewedConversation(deps: Pick<ReviewApiDeps, 'store' | 'groups'>, guideId: string, conversationId: string, limit: number): Promise<ReviewedConversation> {
  const group = await deps.groups.getGroup(conversationId);
  if (group) {
    const lines = await deps.groups.lastMessages(conversationId, limit);
    return {
      name: `客户群「${group.name}」`,
      lines: lines.map((m) => {
        const own = m.speakerId === guideId;
        const who = displayName(group.members.find((x) => x.userId === m.speakerId), m.speakerId);
        return { id: m.id, speaker: own ? 'guide' : 'customer', text: own ? m.text : `${who}：${m.text}`, at: m.at };
      }),
    };
  }
  const [profile, around] = await Promise.all([deps.store.getProfile(conversationId), deps.store.lastMessages(guideId, conversationId, limit)]);
  return { name: profile?.name ?? conversationId, lines: around.map((m) => ({ id: m.id, speaker: m.speaker, text: m.text, at: m.at })) };
}
