import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';
import { mergeContact } from './profile-from-contact.ts';

/**
 * Imports the customers members already have (contact events only cover changes from now on): pages through
 * externalcontact/batch/get_by_user (≤100 members per call) and opens or refreshes each relationship.
 * Idempotent; closed relationships stay closed.
 */
export async function syncContacts(
  deps: { api: Pick<WecomApi, 'batchGetContactsByUser'>; store: ConversationStore; now: () => number },
  userIds: string[],
): Promise<number> {
  let count = 0;
  for (let i = 0; i < userIds.length; i += 100) {
    let cursor = '';
    do {
      const page = await deps.api.batchGetContactsByUser({ userIds: userIds.slice(i, i + 100), limit: 100, ...(cursor ? { cursor } : {}) });
      for (const item of page.items) {
        await deps.store.updateProfile(item.contact.externalUserId, deps.now(), (profile) => mergeContact(profile, item.contact, item.follow));
        count++;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return count;
}
