import type { CustomerProfile, Relationship } from '../conversation/model.ts';
import type { ExternalContact, FollowUser } from '../wecom/api/wecom-api.ts';

/** A follow_user entry with its corp tags as ids (personal tags have none and cannot be set by API). */
export type FollowWithTagIds = Omit<FollowUser, 'tags'> & { tagIds: string[] };

export function withTagIds(follow: FollowUser): FollowWithTagIds {
  return { ...follow, tagIds: follow.tags.flatMap((t) => (t.tagId ? [t.tagId] : [])) };
}

/** The relationship as WeCom reports it for one guide; status and history stay ours. */
export function relationshipFrom(follow: FollowWithTagIds, existing: Relationship | undefined): Relationship {
  return {
    guideId: follow.userId,
    status: 'active',
    since: follow.createTime * 1000,
    ...existing,
    tagIds: follow.tagIds,
    ...(follow.remark ? { remark: follow.remark } : {}),
    ...(follow.description ? { description: follow.description } : {}),
    ...(follow.state && !existing?.channel ? { channel: follow.state } : {}),
  };
}

/**
 * Merges WeCom's view of a customer into the profile: name, gender, type, and the given guide's relationship
 * (tags, remark). A closed relationship stays closed; other guides' relationships are untouched.
 * Returns undefined when nothing may change.
 */
export function mergeContact(profile: CustomerProfile, contact: ExternalContact, follow: FollowWithTagIds | undefined): CustomerProfile | undefined {
  const existing = follow ? profile.relationships[follow.userId] : undefined;
  if (existing?.status === 'closed') return undefined;
  const relationships = follow ? { ...profile.relationships, [follow.userId]: relationshipFrom(follow, existing) } : profile.relationships;
  return { ...profile, name: contact.name, gender: contact.gender, type: contact.type, relationships };
}
