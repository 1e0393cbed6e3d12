/** Tag proposals for a conversation: the customer's messages in the window, minus tags already on the customer. */
import type { CustomerProfile } from '../../conversation/model.ts';
import type { AssistContext } from '../context.ts';
import { looksLikeInstruction } from '../injection.ts';
import type { TagProposal } from '../suggestion-schema.ts';
import { extractTags } from './extract-tags.ts';
import type { TagLibrary } from './tag-library.ts';

export function existingTagIds(profile: CustomerProfile | undefined, guideId: string): Set<string> {
  return new Set(profile?.relationships[guideId]?.tagIds ?? []);
}

export function proposeTags(library: TagLibrary, context: AssistContext, profile: CustomerProfile | undefined, guideId: string): TagProposal[] {
  return extractTags(
    library,
    // A message that tries to instruct the assistant is not evidence about the customer.
    context.customerMessages.filter((m) => !looksLikeInstruction(m.text)).map((m) => ({ id: m.id, text: m.text })),
    { male: profile?.gender === 1, existingTagIds: existingTagIds(profile, guideId) },
  );
}
