import { findAddressedQuestion } from '../assist/group/find-addressed-question.ts';
import { groupThread } from '../assist/group/group-thread.ts';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import { displayName, type CustomerGroup } from '../conversation/group-model.ts';
import type { GroupStore } from '../conversation/group-store.ts';
import type { ChatMessage } from '../conversation/model.ts';
import { guideInGroup, namesIn } from './group-names.ts';
import { GROUP_WINDOW } from './record-group-messages.ts';
import type { SuggestJob } from './suggest-job.ts';
import type { SuggestionThread } from './suggestion-thread.ts';

export interface GroupThreadDeps {
  groups: GroupStore;
  store: ConversationStore;
  load: (chatId: string) => Promise<CustomerGroup | undefined>;
  memberName: (userId: string) => string | undefined;
}

/**
 * A group suggestion job's thread: the newest question put to the guide in the group (job.customerId is
 * the chat id), read as the asker's 1:1 conversation with the guide. Undefined when nothing is put to the
 * guide (the guide already answered, or nobody asked them). Each load reads the group again, so a newer
 * question — from the same customer or another — makes a running job stale.
 */
export async function groupSuggestionThread(deps: GroupThreadDeps, job: SuggestJob): Promise<SuggestionThread | undefined> {
  const chatId = job.customerId;
  const group = await deps.load(chatId);
  const guide = guideInGroup(group, job.guideId, deps.memberName);
  const names = new Map<string, string[]>();
  const askerNames = async (askerId: string): Promise<string[]> => {
    if (!names.has(askerId)) names.set(askerId, namesIn(group, askerId, (await deps.store.getProfile(askerId))?.name));
    return names.get(askerId) ?? [];
  };
  const read = async (): Promise<ChatMessage[]> => {
    const recent = await deps.groups.lastMessages(chatId, GROUP_WINDOW);
    const question = findAddressedQuestion(recent, guide);
    if (!question) return [];
    return groupThread(recent, guide, { userId: question.speakerId, names: await askerNames(question.speakerId) }, question);
  };
  const first = await deps.groups.lastMessages(chatId, GROUP_WINDOW);
  const question = findAddressedQuestion(first, guide);
  if (!question) return undefined;
  const member = group?.members.find((m) => m.userId === question.speakerId);
  const profile = await deps.store.getProfile(question.speakerId);
  return {
    conversationId: chatId,
    load: read,
    // A tag goes on the customer who said it, and only where the guide can write it (an open relationship).
    tagsFor: async (answering) => ((await deps.store.isFollowing(job.guideId, answering.customerId)) ? answering.customerId : undefined),
    group: { chatId, askerId: question.speakerId, askerName: displayName(member, profile?.name ?? question.speakerId), question: question.text },
  };
}
