import type { Draft } from './api-types.ts';

/**
 * What the guide may do with a draft, derived from its approval and risk flags:
 * - ready: send, edit then send, copy;
 * - pending: held for the store manager (needsApproval without a decision): nothing leaves the sidebar;
 * - approved: sendable with the manager's text (which may differ from the draft);
 * - rejected: the manager said no; the comment says why;
 * - blocked: a blocking flag without a manager's decision (the server normally holds these).
 */
export type DraftPhase = 'ready' | 'pending' | 'approved' | 'rejected' | 'blocked';

export interface DraftState {
  phase: DraftPhase;
  /** The text that goes out on 发送; null when the draft may not be sent. */
  sendText: string | null;
  canSend: boolean;
  canEdit: boolean;
  canCopy: boolean;
  /** The manager changed the wording before approving. */
  editedByManager: boolean;
  /** Flags were computed on draft.text; they are shown only while that is the text on screen. */
  showFlags: boolean;
  comment?: string;
  /** The guide's own edit the store policy held for review (shown instead of the draft). */
  heldEdit?: string;
}

function locked(phase: DraftPhase, comment?: string): DraftState {
  return {
    phase,
    sendText: null,
    canSend: false,
    canEdit: false,
    canCopy: false,
    editedByManager: false,
    showFlags: true,
    ...(comment ? { comment } : {}),
  };
}

export function deriveDraftState(draft: Draft): DraftState {
  const approval = draft.approval;
  const heldEdit = approval?.heldText && approval.heldText.trim() !== '' ? approval.heldText : undefined;
  if (approval?.state === 'approved') {
    const text = approval.text && approval.text.trim() !== '' ? approval.text : (heldEdit ?? draft.text);
    const edited = text !== (heldEdit ?? draft.text);
    return {
      phase: 'approved',
      sendText: text,
      canSend: true,
      canEdit: true,
      canCopy: true,
      editedByManager: edited,
      // The draft's flags were computed on draft.text, not on the guide's edit.
      showFlags: !edited && heldEdit === undefined,
      ...(approval.comment ? { comment: approval.comment } : {}),
      ...(heldEdit ? { heldEdit } : {}),
    };
  }
  if (approval?.state === 'rejected') return { ...locked('rejected', approval.comment), ...(heldEdit ? { heldEdit } : {}) };
  if (draft.needsApproval) return { ...locked('pending'), ...(heldEdit ? { heldEdit } : {}) };
  if (draft.flags.some((f) => f.severity === 'block')) return locked('blocked');
  return { phase: 'ready', sendText: draft.text, canSend: true, canEdit: true, canCopy: true, editedByManager: false, showFlags: true };
}

/** The text shown on the card: the manager's approved wording when there is one. */
export function displayText(draft: Draft): string {
  const state = deriveDraftState(draft);
  return state.sendText ?? draft.text;
}
