import type { CustomerGroup, GroupMessage } from './group-model.ts';

/**
 * The customer-group state port: the group's details (a cache of groupchat/get, refreshed on every
 * change_external_chat event) and the group's own conversation. Declares only what the code calls.
 */
export interface GroupStore {
  getGroup(chatId: string): Promise<CustomerGroup | undefined>;
  /** Replaces the group's details and moves the member index with them (who is in which group). */
  saveGroup(group: CustomerGroup): Promise<void>;
  /** Idempotent and ordered as a 1:1 conversation; false when a message with this id is already there. */
  appendMessage(message: GroupMessage): Promise<boolean>;
  /** The last `limit` messages, oldest first. */
  lastMessages(chatId: string, limit: number): Promise<GroupMessage[]>;
  /** Chat ids of the groups a corp member is in, as of their last refresh. */
  groupsOf(userId: string): Promise<string[]>;
}

/** Userids of the corp members in a group (the owner always is one). */
export function corpMembersOf(group: CustomerGroup): string[] {
  return [...new Set([group.owner, ...group.members.filter((m) => m.kind === 'member').map((m) => m.userId)])].filter(Boolean);
}
