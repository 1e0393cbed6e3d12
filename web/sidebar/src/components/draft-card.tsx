import { useEffect, useState } from 'preact/hooks';
import { api } from '../api-client.ts';
import type { Draft } from '../api-types.ts';
import type { ChatRef } from '../chat-ref.ts';
import { copyText } from '../clipboard.ts';
import { deriveDraftState } from '../draft-state.ts';
import type { DraftOutcome, FeedbackLedger } from '../feedback-ledger.ts';
import { useSender } from '../use-sender.ts';
import { DraftEditor } from './draft-editor.tsx';
import { FlaggedText } from './flagged-text.tsx';
import { useNotify } from './notice.tsx';
import { RejectReasons } from './reject-reasons.tsx';

const SOURCE_LABEL: Record<Draft['source'], string> = { script: '话术', faq: '常见问题', model: '模型' };

interface Props {
  draft: Draft;
  index: number;
  suggestionId: string;
  chat: ChatRef;
  ledger: FeedbackLedger;
}

/** One reply draft: its text with risk marks, its review state, and what the guide can do with it. */
export function DraftCard({ draft, index, suggestionId, chat, ledger }: Props) {
  const state = deriveDraftState(draft);
  const notify = useNotify();
  const send = useSender(chat);
  const [mode, setMode] = useState<'view' | 'editing' | 'rejecting'>('view');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<DraftOutcome | undefined>(() => ledger.outcomeOf(suggestionId, draft.id));
  const sendable = state.canSend;

  // `shown` once per draft, when it is on screen as something the guide can use (a held draft is not yet).
  useEffect(() => {
    if (sendable && ledger.markShown(suggestionId, draft.id)) {
      void api.feedback(chat, draft.id, { suggestionId, action: 'shown' }).catch(() => undefined);
    }
  }, [sendable, suggestionId, draft.id, chat, ledger]);

  const record = (next: DraftOutcome): void => {
    ledger.markActed(suggestionId, draft.id, next);
    setOutcome(ledger.outcomeOf(suggestionId, draft.id));
  };

  const sendNow = async (text: string): Promise<void> => {
    setBusy(true);
    const result = await send(text, { suggestionId, draftId: draft.id });
    setBusy(false);
    if (result === 'sent') {
      record('sent');
      setMode('view');
    } else if (result === 'copied') {
      record('copied');
    } else if (result === 'held') {
      setMode('view');
    }
  };

  const copy = async (): Promise<void> => {
    const ok = await copyText(state.sendText ?? draft.text);
    notify(ok ? '已复制，可粘贴到聊天框' : '复制失败，请长按文字手动复制', ok ? 'ok' : 'error');
    if (!ok || outcome) return;
    record('copied');
    void api.feedback(chat, draft.id, { suggestionId, action: 'copied' }).catch(() => undefined);
  };

  const reject = async (reason: string): Promise<void> => {
    setBusy(true);
    try {
      await api.feedback(chat, draft.id, { suggestionId, action: 'rejected', reason });
      record('rejected');
      setMode('view');
      notify('已记录，谢谢反馈');
    } catch {
      notify('反馈没有保存成功，请重试', 'error');
    } finally {
      setBusy(false);
    }
  };

  if (outcome === 'rejected') {
    return (
      <article class="card draft draft-dismissed" aria-label={`建议 ${index + 1}`}>
        <span class="muted small">建议 {index + 1} 已标记为不合适</span>
      </article>
    );
  }

  return (
    <article class={`card draft draft-${state.phase}${outcome === 'sent' ? ' draft-sent' : ''}`} aria-label={`建议 ${index + 1}`} data-draft-id={draft.id}>
      <header class="draft-head">
        <span class="draft-index">建议 {index + 1}</span>
        <span class={`badge badge-${draft.source}`}>{SOURCE_LABEL[draft.source]}</span>
        {state.phase === 'pending' && <span class="badge badge-pending">等待店长审核</span>}
        {state.phase === 'approved' && <span class="badge badge-approved">{state.editedByManager ? '店长修改后通过' : state.heldEdit !== undefined ? '店长已通过你的修改' : '店长已通过'}</span>}
        {state.phase === 'rejected' && <span class="badge badge-rejected">店长未通过</span>}
        {state.phase === 'blocked' && <span class="badge badge-rejected">不可发送</span>}
        {outcome === 'sent' && <span class="badge badge-sent">已发送</span>}
      </header>

      {mode === 'editing' && state.sendText !== null ? (
        <DraftEditor original={state.sendText} busy={busy} onCancel={() => setMode('view')} onSend={(text) => void sendNow(text)} />
      ) : state.phase !== 'approved' && state.heldEdit !== undefined ? (
        <p class="draft-text">{state.heldEdit}</p>
      ) : (
        <FlaggedText text={state.sendText ?? draft.text} flags={draft.flags} showFlags={state.showFlags} />
      )}

      {state.showFlags && draft.flags.length > 0 && mode !== 'editing' && (
        <p class="hint">含 {draft.flags.length} 处风险提示，点高亮文字查看原因。</p>
      )}
      {state.phase === 'pending' && (
        <p class="note note-pending">
          {state.heldEdit !== undefined ? '你修改后的内容含需要审核的说法，已提交店长。' : '这条回复含需要审核的内容，已提交店长。'}审核通过后会在这里变为可发送。
        </p>
      )}
      {state.phase === 'rejected' && <p class="note note-rejected">店长意见：{state.comment ?? '未填写原因'}。请换一条建议或自己回复。</p>}
      {state.phase === 'blocked' && <p class="note note-rejected">含不能发给顾客的内容，请换一条建议或自己回复。</p>}
      {state.phase === 'approved' && state.comment && <p class="note">店长备注：{state.comment}</p>}

      {mode === 'rejecting' && <RejectReasons busy={busy} onPick={(reason) => void reject(reason)} onCancel={() => setMode('view')} />}

      {mode === 'view' && outcome !== 'sent' && (
        <div class="actions">
          {state.canSend && state.sendText !== null && (
            <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void sendNow(state.sendText ?? '')}>
              {busy ? '发送中…' : '发送'}
            </button>
          )}
          {state.canEdit && (
            <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => setMode('editing')}>
              编辑后发送
            </button>
          )}
          {state.canCopy && (
            <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => void copy()}>
              复制
            </button>
          )}
          {(state.phase === 'ready' || state.phase === 'approved') && (
            <button type="button" class="btn btn-quiet" disabled={busy} onClick={() => setMode('rejecting')}>
              不合适
            </button>
          )}
        </div>
      )}
    </article>
  );
}
