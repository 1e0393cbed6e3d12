import { corpMembersOf } from '../conversation/group-store.ts';
import type { CustomerGroup } from '../conversation/group-model.ts';
import type { LiveFeed } from '../suggestions/live-feed.ts';
import { isWecomApiError } from '../wecom/api/wecom-api-error.ts';
import type { ExternalChatChange } from '../wecom/events.ts';
import { refreshGroup, type GroupDeps } from './load-group.ts';
import type { ConsentGate } from '../wecom/archive/archive-consent.ts';

export interface GroupChangeDeps extends GroupDeps {
  feed: LiveFeed;
  consent: Pick<ConsentGate, 'forgetRoom'>;
  /** True for a guide of our org (only guides have a sidebar to tell). */
  isGuide: (userId: string) => boolean;
}

/**
 * `change_external_chat` (doc 92130): the event says what kind of change, groupchat/get says the result, so
 * every create and update re-reads the group (idempotent, and a missed or reordered event heals itself). A
 * member change also forgets the group's cached archive consent (a new member has not been asked). Dismiss
 * keeps the group read-only. The guides in the group (and any who just left it) are told to refresh.
 */
export async function handleGroupChange(deps: GroupChangeDeps, event: ExternalChatChange): Promise<string> {
  const before = await deps.groups.getGroup(event.chatId);
  let after: CustomerGroup | undefined;
  if (event.changeType === 'dismiss') {
    if (before) {
      after = { ...before, status: 'dismissed', refreshedAt: deps.now() };
      await deps.groups.saveGroup(after);
    }
  } else if (event.changeType === 'update' && event.curMemVer && before?.memberVersion === event.curMemVer && before.status === 'active' && isMemberChange(event.updateDetail)) {
    // Already this version (a repeated event, or another worker refreshed first).
    after = before;
  } else {
    try {
      after = await refreshGroup(deps, event.chatId);
    } catch (error) {
      // 40050: gone again, or outside the app's visible range; nothing to keep.
      if (!isWecomApiError(error, 40050)) throw error;
      return 'group_not_visible';
    }
  }
  if (event.changeType === 'update' && isMemberChange(event.updateDetail)) await deps.consent.forgetRoom(event.chatId);
  const told = new Set([...(before ? corpMembersOf(before) : []), ...(after ? corpMembersOf(after) : [])].filter(deps.isGuide));
  for (const guideId of told) await deps.feed.publish(guideId, { type: 'group', customerId: event.chatId });
  return event.changeType === 'update' ? `group_${event.updateDetail}` : `group_${event.changeType}`;
}

function isMemberChange(detail: string): boolean {
  return detail === 'add_member' || detail === 'del_member';
}
