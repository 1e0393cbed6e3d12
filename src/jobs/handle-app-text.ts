import type { ConversationStore } from '../conversation/conversation-store.ts';
import type { CallOnce } from '../wecom/api/call-once.ts';
import type { WecomApi } from '../wecom/api/wecom-api.ts';
import type { AppTextMessage } from '../wecom/events.ts';
import type { AssistantPort } from './suggest-job.ts';

/** A member's own thread with the assistant (what they write to our app). */
export const ASSISTANT_THREAD = '@assistant';

/** call-once scope of app replies; `done:app-reply:<MsgId>` is the marker earlier releases wrote too. */
export const APP_REPLY = 'app-reply';

export interface AppTextDeps {
  store: ConversationStore;
  assistant: AssistantPort;
  api: Pick<WecomApi, 'sendMessage'>;
  now: () => number;
  /** The reply to a message is sent at most once (call-once.ts), keyed by its MsgId. */
  once: CallOnce;
}

/** The reply a guide gets in the app: the drafts to copy, and the tags the words suggest. */
export function formatAssistantReply(drafts: Array<{ text: string; needsApproval: boolean }>, tags: string[]): string {
  if (drafts.length === 0) return '暂时没有合适的推荐回复，可以换个说法再发给我。';
  const lines = drafts.map((d, i) => `${i + 1}. ${d.text}${d.needsApproval ? '（含需店长审核的内容，发送前请确认）' : ''}`);
  const tagLine = tags.length > 0 ? `\n\n可能的客户标签：${tags.join('、')}` : '';
  return `推荐回复：\n${lines.join('\n')}${tagLine}`;
}

/**
 * A guide writes to the assistant app directly (e.g. pastes what a customer said). We keep it in the guide's
 * assistant thread and answer with drafts through message/send. A redelivered message or a retried job is
 * not answered twice, even when the earlier attempt died after the send (at most once: a second copy of the
 * same drafts is noise in the guide's chat, a missing one is asked again); a send WeCom refused (rate limit,
 * errcode) is retried by the queue.
 */
export async function handleAppText(deps: AppTextDeps, event: AppTextMessage): Promise<string> {
  const message = {
    id: event.msgId,
    guideId: event.fromUser,
    customerId: ASSISTANT_THREAD,
    speaker: 'guide' as const,
    text: event.content,
    source: 'app' as const,
    at: event.createTime * 1000,
  };
  await deps.store.appendMessage(message);
  // Skips the model call too when an earlier attempt already got as far as the send.
  if (await deps.once.started(APP_REPLY, event.msgId)) return 'already_answered';
  const suggestion = await deps.assistant.suggest({
    conversation: [{ ...message, speaker: 'customer' }],
    guideId: event.fromUser,
    customerId: ASSISTANT_THREAD,
    now: deps.now(),
  });
  const content = formatAssistantReply(suggestion.drafts, suggestion.tags.map((t) => t.tag));
  const sent = await deps.once.run(APP_REPLY, event.msgId, 'at-most-once', () =>
    deps.api.sendMessage({ toUser: [event.fromUser], msgtype: 'text', text: { content } }),
  );
  return sent.ran ? 'answered' : 'already_answered';
}
