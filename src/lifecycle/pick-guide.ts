import type { CustomerProfile, Relationship } from '../conversation/model.ts';
import type { Org } from '../org/org.ts';
import type { LifecycleMember } from './member.ts';

/**
 * Whose task it is: the guide the member file names (when still a guide in the org), else the guide of an
 * active WeCom relationship — one in the member's store first, the longest-standing one among several.
 */
export function pickGuide(member: LifecycleMember, profile: CustomerProfile | undefined, org: Org): string | undefined {
  if (member.guideId && org.member(member.guideId)?.role === 'guide') return member.guideId;
  const active = Object.values(profile?.relationships ?? {}).filter((r) => r.status === 'active' && org.member(r.guideId)?.role === 'guide');
  const inStore = member.storeId ? active.filter((r) => org.member(r.guideId)?.stores.includes(member.storeId as string)) : [];
  const pool: Relationship[] = inStore.length > 0 ? inStore : active;
  return pool.sort((a, b) => a.since - b.since || a.guideId.localeCompare(b.guideId))[0]?.guideId;
}

/** Where a guide's tasks are counted: their (first) store. */
export const storeOfGuide = (org: Org, guideId: string): string => org.member(guideId)?.stores[0] ?? 'unassigned';

/** The customer's tag ids as the guide sees them; the union over open relationships when the guide has none. */
export function customerTagIds(profile: CustomerProfile | undefined, guideId: string): string[] {
  if (!profile) return [];
  const own = profile.relationships[guideId];
  if (own && own.status !== 'closed') return own.tagIds;
  return [...new Set(Object.values(profile.relationships).filter((r) => r.status !== 'closed').flatMap((r) => r.tagIds))];
}
