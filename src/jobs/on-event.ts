import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { Logger } from '../ops/logger.ts';
import { assertNever } from '../wecom/events.ts';
import { applyContactChange } from './apply-contact-change.ts';
import type { EventJob } from './event-job.ts';

/** Conversation id for what a member writes to our app: their own thread with the assistant. */
export const ASSISTANT_THREAD = '@assistant';

export interface EventHandlerDeps {
  store: ConversationStore;
  log: Logger;
  now: () => number;
}

/**
 * The worker's processor. At-least-once delivery: every branch is idempotent (appends are keyed by message id,
 * profile changes are set-like). The switch is exhaustive: a new WecomEvent member is a compile error here.
 */
export function createEventHandler(deps: EventHandlerDeps): (job: EventJob) => Promise<string> {
  const { store, log, now } = deps;
  return async ({ event, dedupeKey }) => {
    switch (event.type) {
      case 'text': {
        const added = await store.appendMessage({
          id: event.msgId,
          guideId: event.fromUser,
          customerId: ASSISTANT_THREAD,
          speaker: 'guide',
          text: event.content,
          source: 'app',
          at: event.createTime * 1000,
        });
        return added ? 'recorded' : 'already_recorded';
      }
      case 'change_external_contact':
        await store.updateProfile(event.externalUserId, now(), (profile) => applyContactChange(profile, event, now()));
        return `contact_${event.changeType}`;
      case 'unsupported_message':
      case 'change_external_tag':
      case 'msgaudit_notify':
      case 'kf_msg_or_event':
      case 'enter_agent':
      case 'unknown':
        log.info({ type: event.type, dedupeKey }, 'event acknowledged, no handler yet');
        return 'acknowledged';
      default:
        return assertNever(event);
    }
  };
}
