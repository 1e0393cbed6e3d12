import { compareMessages } from './compare-messages.ts';
import { openFollowers, type ConversationStore } from './conversation-store.ts';
import { emptyProfile, type ChatMessage, type CustomerProfile } from './model.ts';

const key = (g: string, c: string): string => `${g}\u0000${c}`;

/** In-memory twin of the Redis store (same contract suite), for code that needs a store but not Redis. */
export function createMemoryConversationStore(options: { maxMessages: number }): ConversationStore {
  const conversations = new Map<string, ChatMessage[]>();
  const profiles = new Map<string, CustomerProfile>();

  return {
    // As the Redis adapter: in the platform's order, the ids known are those kept, and a message older
    // than everything in a full conversation is not taken (it would be trimmed at once).
    async appendMessage(message) {
      const k = key(message.guideId, message.customerId);
      const list = conversations.get(k) ?? [];
      if (list.some((m) => m.id === message.id)) return false;
      if (list.length >= options.maxMessages && compareMessages(message, list[0]!) < 0) return false;
      const at = list.findLastIndex((m) => compareMessages(m, message) <= 0) + 1;
      const next = [...list.slice(0, at), structuredClone(message), ...list.slice(at)];
      conversations.set(k, next.slice(-options.maxMessages));
      return true;
    },
    async lastMessages(guideId, customerId, limit) {
      if (limit <= 0) return [];
      return structuredClone((conversations.get(key(guideId, customerId)) ?? []).slice(-limit));
    },
    async getProfile(customerId) {
      const profile = profiles.get(customerId);
      return profile ? structuredClone(profile) : undefined;
    },
    async updateProfile(customerId, now, update) {
      const current = profiles.get(customerId) ?? emptyProfile(customerId, now);
      const next = update(structuredClone(current));
      if (!next) return structuredClone(current);
      const stored = { ...next, customerId, updatedAt: now };
      profiles.set(customerId, stored);
      return structuredClone(stored);
    },
    async isFollowing(guideId, customerId) {
      const profile = profiles.get(customerId);
      return profile ? openFollowers(profile).open.includes(guideId) : false;
    },
    async listFollowed(guideId) {
      return [...profiles.values()].filter((p) => openFollowers(p).open.includes(guideId)).map((p) => p.customerId).sort();
    },
  };
}
