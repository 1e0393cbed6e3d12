import type { GroupGuide } from '../assist/group/find-addressed-question.ts';
import type { CustomerGroup } from '../conversation/group-model.ts';

/** Every name a group member goes by there: the org's (for a guide), WeCom's, and their group nickname. */
export function namesIn(group: CustomerGroup | undefined, userId: string, orgName?: string): string[] {
  const member = group?.members.find((m) => m.userId === userId);
  return [...new Set([orgName, member?.name, member?.groupNickname].filter((n): n is string => Boolean(n)))];
}

export function guideInGroup(group: CustomerGroup | undefined, guideId: string, memberName: (userId: string) => string | undefined): GroupGuide {
  const others = (group?.members ?? []).filter((m) => m.userId !== guideId).flatMap((m) => namesIn(group, m.userId, memberName(m.userId)));
  return { userId: guideId, names: namesIn(group, guideId, memberName(guideId)), others };
}
