import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { Logger } from '../ops/logger.ts';
import type { TaskStore } from '../tasks/task-store.ts';
import type { CallOnce } from '../wecom/api/call-once.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';
import { isWecomApiError } from '../wecom/api/wecom-api-error.ts';
import type { ContactAdded, ExternalContactChange } from '../wecom/events.ts';
import { applyContactChange } from './apply-contact-change.ts';
import { mergeContact, withTagIds } from './profile-from-contact.ts';

/** send_welcome_msg must be called within 20 s of the event (doc 92137). */
const WELCOME_WINDOW_MS = 20_000;

export interface ContactDeps {
  store: ConversationStore;
  api: Pick<WecomApi, 'getExternalContact' | 'sendWelcomeMessage'>;
  tasks: TaskStore;
  log: Logger;
  now: () => number;
  /** Template text sent with send_welcome_msg; never model text. Empty = send nothing. */
  welcomeTemplate: string;
  guideName: (userId: string) => string;
  /** The welcome message goes out at most once per WelcomeCode (call-once.ts). */
  once: CallOnce;
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

async function syncFromWecom(deps: ContactDeps, event: ExternalContactChange): Promise<string | undefined> {
  try {
    const detail = await deps.api.getExternalContact(event.externalUserId);
    const follow = detail.followUsers.find((f) => f.userId === event.userId);
    const profile = await deps.store.updateProfile(event.externalUserId, deps.now(), (p) => mergeContact(p, detail.contact, follow && withTagIds(follow)));
    return profile.name;
  } catch (error) {
    // 84061: the relationship is already gone again; the delete event that follows closes it.
    if (isWecomApiError(error, 84061)) return undefined;
    throw error;
  }
}

async function welcome(deps: ContactDeps, event: ContactAdded, name: string, receivedAt: number): Promise<void> {
  const values = { customer_name: name, guide_name: deps.guideName(event.userId) };
  const welcomeCode = event.welcomeCode;
  if (deps.welcomeTemplate && welcomeCode) {
    if (deps.now() - receivedAt > WELCOME_WINDOW_MS) {
      deps.log.warn({ externalUserId: event.externalUserId, lateMs: deps.now() - receivedAt }, 'welcome window of 20 s missed; the guide greets instead');
    } else {
      // At most once: a second greeting in the customer's chat is worse than none (the guide's task greets),
      // and a retry after a crash would be past the 20 s window anyway.
      const text = fillTemplate(deps.welcomeTemplate, values);
      const result = await deps.once.run('welcome', welcomeCode, 'at-most-once', () => deps.api.sendWelcomeMessage({ welcomeCode, text }));
      deps.log.info({ externalUserId: event.externalUserId, sent: result.ran ? result.value.sent : false, repeat: !result.ran }, 'welcome message');
    }
  }
  const draft = fillTemplate('{customer_name}您好，我是{guide_name}，很高兴认识您！之后穿搭、护肤或者售后有任何问题，随时在这里找我就好～', values);
  await deps.tasks.create(
    {
      id: `welcome-${event.userId}-${event.externalUserId}-${event.createTime}`,
      guideId: event.userId,
      customerId: event.externalUserId,
      kind: 'welcome',
      title: `新客户${name ? ` ${name}` : ''}：打个招呼`,
      draft,
      createdAt: deps.now(),
      due: deps.now(),
      status: 'open',
    },
    `welcome:${event.userId}:${event.externalUserId}:${event.createTime}`,
  );
}

/**
 * change_external_contact end to end: the relationship changes first (idempotent), then WeCom's view of the
 * contact fills the profile; a new contact may get the configured welcome template and a greeting task.
 */
export async function handleContactChange(deps: ContactDeps, event: ExternalContactChange, receivedAt: number): Promise<string> {
  await deps.store.updateProfile(event.externalUserId, deps.now(), (profile) => applyContactChange(profile, event, deps.now()));
  if (event.changeType === 'add_external_contact' || event.changeType === 'add_half_external_contact') {
    const name = (await syncFromWecom(deps, event)) ?? '';
    await welcome(deps, event, name, receivedAt);
  } else if (event.changeType === 'edit_external_contact') {
    await syncFromWecom(deps, event);
  }
  return `contact_${event.changeType}`;
}
