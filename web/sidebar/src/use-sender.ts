import { useCallback } from 'preact/hooks';
import { ApiError } from '../../shared/api-request.ts';
import { api, describeError } from './api-client.ts';
import type { ChatRef } from './chat-ref.ts';
import { copyText } from './clipboard.ts';
import { useNotify } from './components/notice.tsx';
import { SdkError, sendText } from './sdk.ts';

/** `held`: the server put the guide's edit before the store manager; `refused`: the server said no. */
export type SendOutcome = 'sent' | 'cancelled' | 'copied' | 'failed' | 'held' | 'refused';

const SDK_PROBLEM: Record<string, string> = {
  no_permission: '应用没有发送权限',
  no_context: '当前不在客户聊天中',
  not_in_wecom: '当前不在企业微信中',
};

/** If the suggestion was replaced while WeCom was sending, the message is still recorded, without its draft. */
async function recordSent(chat: ChatRef, text: string, draft?: { suggestionId: string; draftId: string }): Promise<void> {
  try {
    await api.sent(chat, { text, ...draft });
  } catch (error) {
    if (!draft || !(error instanceof ApiError) || error.code !== 'unknown_draft') throw error;
    await api.sent(chat, { text });
  }
}

/**
 * Sending as the guide: the server clears the text first (no unfilled placeholder, no held draft, a risky
 * edit goes to the store manager), WeCom puts it into the chat (ww.sendChatMessage), then the server records
 * it (with the draft, so it can tell "sent as is" from "sent edited"). When WeCom cannot send from here, the
 * text is copied so the guide can paste it; nothing is recorded as sent then.
 */
export function useSender(chat: ChatRef): (text: string, draft?: { suggestionId: string; draftId: string }) => Promise<SendOutcome> {
  const notify = useNotify();
  const { kind, id } = chat;
  return useCallback(
    async (text, draft) => {
      const target: ChatRef = { kind, id };
      try {
        const check = await api.sendCheck(target, { text, ...draft });
        if (check.status === 'held') {
          notify('修改后的内容含需要审核的说法，已提交店长审核，通过后即可发送。', 'warn');
          return 'held';
        }
      } catch (error) {
        // A replaced suggestion does not stop a clean text; anything else the server refused stays unsent.
        if (!(draft && error instanceof ApiError && error.code === 'unknown_draft')) {
          notify(describeError(error), 'error');
          return 'refused';
        }
      }
      try {
        await sendText(text);
      } catch (error) {
        if (error instanceof SdkError && error.reason === 'cancelled') return 'cancelled';
        const why = error instanceof SdkError ? SDK_PROBLEM[error.reason] : undefined;
        if (why && (await copyText(text))) {
          notify(`${why}，无法直接发送。已复制，请粘贴到聊天框发送。`, 'warn');
          return 'copied';
        }
        notify('发送失败，请重试；如一直失败，可先复制后手动发送。', 'error');
        return 'failed';
      }
      try {
        await recordSent(target, text, draft);
        notify('已发送');
      } catch {
        // The customer has the message; only our record of it is missing.
        notify('已发送，但发送记录未保存成功（不影响客户收到消息）。', 'warn');
      }
      return 'sent';
    },
    [kind, id, notify],
  );
}
