import type { ChatMessage, CustomerProfile } from './model.ts';

/** Returns the new profile, or undefined to leave it unchanged. Must be pure: it may run more than once. */
export type ProfileUpdate = (current: CustomerProfile) => CustomerProfile | undefined;

/**
 * The conversation state port. It declares only what the code calls; adapters: Redis (production) and
 * in-memory (tests of code that only needs a store). One contract suite runs against both.
 */
export interface ConversationStore {
  /** Appends to the guide–customer conversation; false when a message with this id is already there. */
  appendMessage(message: ChatMessage): Promise<boolean>;
  /** The last `limit` messages, oldest first. */
  lastMessages(guideId: string, customerId: string, limit: number): Promise<ChatMessage[]>;
  getProfile(customerId: string): Promise<CustomerProfile | undefined>;
  /** Atomic read-modify-write of a customer's profile (created empty when missing). */
  updateProfile(customerId: string, now: number, update: ProfileUpdate): Promise<CustomerProfile>;
  /** True when the guide has an open (active or pending) relationship with the customer. */
  isFollowing(guideId: string, customerId: string): Promise<boolean>;
  /** Customers the guide follows. */
  listFollowed(guideId: string): Promise<string[]>;
}

/** Guides with an open relationship, derived from the profile (the follow index is rebuilt from it). */
export function openFollowers(profile: CustomerProfile): { open: string[]; closed: string[] } {
  const open: string[] = [];
  const closed: string[] = [];
  for (const [guideId, relationship] of Object.entries(profile.relationships)) {
    (relationship.status === 'closed' ? closed : open).push(guideId);
  }
  return { open, closed };
}
