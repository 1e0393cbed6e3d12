/**
 * What the guide can do with a lifecycle task's draft from where they are. Sending puts text into the chat
 * the sidebar is open in (ww.sendChatMessage), so a draft is sendable only beside that customer's chat;
 * elsewhere it is copied for the guide to paste once they open the chat. Closing (完成 / 忽略) is always
 * possible: the guide may have followed up some other way.
 */
export interface TaskForActions {
  customerId: string;
  customerName?: string;
  draft?: string | undefined;
  /** False when the customer is no longer among the guide's WeCom contacts. */
  following?: boolean | undefined;
}

export interface TaskActionSet {
  /** 发送草稿: into the open chat, then the task closes as sent. */
  send: boolean;
  /** 复制: for pasting into the customer's chat. */
  copy: boolean;
  /** Why the draft cannot be sent from here, in the guide's words; null when nothing needs saying. */
  note: string | null;
}

export interface TaskPlace {
  /** The customer whose chat the sidebar is open beside (null: no chat, e.g. opened from the digest). */
  chatCustomerId: string | null;
  /** On that customer's card the draft can also be copied (to edit it in the chat box first). */
  onCard: boolean;
}

export function taskActions(task: TaskForActions, place: TaskPlace): TaskActionSet {
  const hasDraft = typeof task.draft === 'string' && task.draft.trim() !== '';
  if (task.following === false) {
    return { send: false, copy: false, note: '客户已不在你的企业微信联系人中，无法发送。可以标记完成或忽略。' };
  }
  if (!hasDraft) return { send: false, copy: false, note: null };
  if (place.chatCustomerId !== null && place.chatCustomerId === task.customerId) return { send: true, copy: place.onCard, note: null };
  const who = task.customerName && task.customerName !== task.customerId ? `与${task.customerName}的` : '与该客户的';
  return { send: false, copy: true, note: `复制后，请打开${who}聊天粘贴发送。` };
}
