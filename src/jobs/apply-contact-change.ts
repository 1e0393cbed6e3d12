import type { CustomerProfile, Relationship } from '../conversation/model.ts';
import { assertNever, type ExternalContactChange } from '../wecom/events.ts';

/**
 * How a change_external_contact event changes a customer's profile, as a pure function.
 * A delete closes the relationship but keeps it (and the conversation) until their TTL runs out.
 */
export function applyContactChange(profile: CustomerProfile, event: ExternalContactChange, now: number): CustomerProfile {
  const at = event.createTime * 1000;
  const existing: Relationship = profile.relationships[event.userId] ?? { guideId: event.userId, status: 'active', since: at, tagIds: [] };
  let next: Relationship;
  switch (event.changeType) {
    case 'add_external_contact':
    case 'add_half_external_contact': {
      const status = event.changeType === 'add_half_external_contact' && existing.status !== 'active' ? 'pending' : 'active';
      const { closedAt: _closedAt, closedReason: _closedReason, ...open } = existing;
      next = { ...open, status, since: existing.status === 'closed' ? at : existing.since, ...(event.state ? { channel: event.state } : {}) };
      break;
    }
    case 'edit_external_contact':
      next = existing;
      break;
    case 'del_external_contact':
    case 'del_follow_user':
      next = { ...existing, status: 'closed', closedAt: at, closedReason: 'source' in event && event.source === 'DELETE_BY_TRANSFER' ? 'transfer' : event.changeType };
      break;
    case 'transfer_fail':
      next = { ...existing, transferFailure: event.failReason || 'unknown' };
      break;
    default:
      return assertNever(event);
  }
  return { ...profile, relationships: { ...profile.relationships, [event.userId]: next }, updatedAt: now };
}
