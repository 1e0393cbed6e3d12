import type { FeedbackAction } from './feedback-store.ts';

/** The coaching figures of one guide (or a store's total) over a period. */
export interface Figures {
  shown: number;
  sentAsIs: number;
  sentEdited: number;
  rejected: number;
  ignored: number;
  /** (sent as is + sent edited) / shown; null when nothing was shown. */
  adoptionRate: number | null;
  /** Median time from the customer message to the guide's reply sent from a draft. */
  medianReplyMs: number | null;
  /** Share of drafts that carried a guardrail flag. */
  flaggedRate: number | null;
  approvalsDecided: number;
  medianApprovalMs: number | null;
}

export interface FigureInputs {
  actions: Record<FeedbackAction, number>;
  replyMs: number[];
  drafts: number;
  flagged: number;
  approvalMs: number[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

export function computeFigures(input: FigureInputs): Figures {
  const { actions } = input;
  const acted = actions.sent + actions.sent_edited + actions.rejected;
  return {
    shown: actions.shown,
    sentAsIs: actions.sent,
    sentEdited: actions.sent_edited,
    rejected: actions.rejected,
    // A draft nobody acted on before it was replaced counts as ignored, whether or not the page said so.
    ignored: Math.max(actions.ignored, actions.shown - acted),
    adoptionRate: ratio(actions.sent + actions.sent_edited, actions.shown),
    medianReplyMs: median(input.replyMs),
    flaggedRate: ratio(input.flagged, input.drafts),
    approvalsDecided: input.approvalMs.length,
    medianApprovalMs: median(input.approvalMs),
  };
}

export function emptyInputs(): FigureInputs {
  return { actions: { shown: 0, copied: 0, sent: 0, sent_edited: 0, rejected: 0, ignored: 0 }, replyMs: [], drafts: 0, flagged: 0, approvalMs: [] };
}

export function mergeInputs(into: FigureInputs, from: FigureInputs): FigureInputs {
  for (const key of Object.keys(into.actions) as FeedbackAction[]) into.actions[key] += from.actions[key];
  for (const ms of from.replyMs) into.replyMs.push(ms);
  into.drafts += from.drafts;
  into.flagged += from.flagged;
  for (const ms of from.approvalMs) into.approvalMs.push(ms);
  return into;
}
