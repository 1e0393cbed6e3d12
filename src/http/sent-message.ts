import { z } from 'zod';
import type { ChatMessage } from '../conversation/model.ts';
import { badRequest } from '../errors.ts';
import { editDistance } from '../suggestions/edit-distance.ts';
import { clearToSend } from './clear-to-send.ts';
import type { GuideApiDeps } from './guide-deps.ts';

export const sentBody = z.object({ text: z.string().trim().min(1).max(2000), suggestionId: z.string().min(1).optional(), draftId: z.string().min(1).optional() });
export type SentBody = z.infer<typeof sentBody>;

export interface SentRecord {
  /** The draft the text came from, and whether the guide edited it. */
  fromDraft?: NonNullable<ChatMessage['fromDraft']>;
  /** Records "sent" / "sent_edited" for the figures, once the message itself is recorded. */
  recordFeedback(): Promise<void>;
}

/**
 * What the sidebar reports as sent (to a customer or into a group) gets the same clearance it asked for
 * before sending: a client that skipped it is refused here (409 `edit_held`). `answeredAt` finds when the
 * answered customer message was said (the reply-time figure).
 */
export async function prepareSent(
  deps: GuideApiDeps,
  userId: string,
  conversationId: string,
  body: SentBody,
  answeredAt: (messageIds: readonly string[]) => Promise<number | undefined>,
): Promise<SentRecord> {
  const clearance = await clearToSend(deps, userId, conversationId, body);
  if (clearance.state === 'hold') {
    deps.log.warn({ userId, customerId: conversationId, suggestionId: body.suggestionId, draftId: body.draftId }, 'refused: risky edit reported as sent without review');
    throw badRequest('edit_held', 'this edit breaks a guardrail and must be approved by the store manager first', 409);
  }
  const from = clearance.from;
  const customerAt = from ? await answeredAt(from.suggestion.answeredMessageIds) : undefined;
  const distance = from === undefined ? undefined : editDistance(from.offeredText, body.text);
  const { suggestionId, draftId } = body;
  if (!suggestionId || !draftId || distance === undefined) return { recordFeedback: async () => undefined };
  return {
    fromDraft: { suggestionId, draftId, edited: distance > 0 },
    recordFeedback: async () => {
      await deps.feedback.record({
        at: deps.now(),
        guideId: userId,
        customerId: conversationId,
        suggestionId,
        draftId,
        action: distance === 0 ? 'sent' : 'sent_edited',
        text: body.text,
        ...(distance > 0 ? { editDistance: distance } : {}),
        ...(customerAt ? { customerAt } : {}),
      });
    },
  };
}
