import type { Logger } from '../ops/logger.ts';
import { assertNever } from '../wecom/events.ts';
import { handleAppText, type AppTextDeps } from './handle-app-text.ts';
import { createArchiveHandler, type ArchiveDeps } from './handle-archive-event.ts';
import { handleContactChange, type ContactDeps } from './handle-contact-change.ts';
import { handleGroupChange, type GroupChangeDeps } from './handle-group-change.ts';
import { handleKfEvent, type KfDeps } from './handle-kf-event.ts';
import type { EventJob } from './event-job.ts';

export { ASSISTANT_THREAD } from './handle-app-text.ts';

export interface EventHandlerDeps {
  log: Logger;
  contact: ContactDeps;
  kf: KfDeps;
  appText: AppTextDeps;
  /** 会话内容存档; without it msgaudit_notify is only logged. */
  archive?: ArchiveDeps;
  refreshTags: () => Promise<unknown>;
  /** Customer groups; without it change_external_chat is only logged. */
  groups?: GroupChangeDeps;
}

/**
 * The worker's processor. At-least-once delivery: every branch is idempotent. The switch is exhaustive:
 * a new WecomEvent member is a compile error here.
 */
export function createEventHandler(deps: EventHandlerDeps): (job: EventJob) => Promise<string> {
  const { log } = deps;
  const archive = deps.archive ? createArchiveHandler(deps.archive) : undefined;
  return async ({ event, dedupeKey, receivedAt }) => {
    switch (event.type) {
      case 'text':
        return handleAppText(deps.appText, event);
      case 'change_external_contact':
        return handleContactChange(deps.contact, event, receivedAt);
      case 'change_external_tag':
        await deps.refreshTags();
        return 'tag_library_refreshed';
      case 'change_external_chat':
        if (deps.groups) return handleGroupChange(deps.groups, event);
        log.info({ chatId: event.chatId, dedupeKey }, 'customer group event: groups not configured');
        return 'acknowledged';
      case 'kf_msg_or_event':
        return handleKfEvent(deps.kf, event);
      case 'msgaudit_notify':
        // Pulling the chat archive needs Tencent's Finance C SDK (a paid, per-corp feature) behind a sidecar; see README.
        if (archive) return archive(event, dedupeKey);
        log.info({ dedupeKey }, 'chat archive notification: no archive puller configured');
        return 'acknowledged';
      case 'unsupported_message':
      case 'enter_agent':
      case 'unknown':
        log.info({ type: event.type, dedupeKey }, 'event acknowledged, nothing to do');
        return 'acknowledged';
      default:
        return assertNever(event);
    }
  };
}
