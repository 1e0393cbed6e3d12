/**
 * Audit actions in the manager's words. The server names actions with stable codes (e.g.
 * `approval.approve`); a code this page does not know yet is shown as it is rather than hidden.
 */
const LABELS: Array<[RegExp, string]> = [
  [/reject/i, '驳回回复'],
  [/approve.*edit|edit.*approve|approved_edited/i, '修改后通过'],
  [/approve/i, '通过回复'],
  [/coach/i, '标记需辅导'],
  [/noted|acknowledge/i, '标记已知晓'],
  [/script/i, '设为话术'],
  [/escalat/i, '审核超时提醒'],
  [/export|csv/i, '导出数据'],
];

/** An approval whose text changed on the way is an edit-then-approve, whatever the code says. */
export function auditActionLabel(action: string, before?: string, after?: string): string {
  const label = LABELS.find(([pattern]) => pattern.test(action))?.[1] ?? action;
  return label === '通过回复' && before !== undefined && after !== undefined && before !== after ? '修改后通过' : label;
}

/** What an entry was about, in words: its target is an internal id (`sent-kfmsg_…`), kept only as a tooltip. */
const TARGETS: Array<[RegExp, string]> = [
  [/^sent\./, '一条已发送消息'],
  [/^script\./, '一条话术'],
  [/^(approval|review)\./, '一条待审核回复'],
  [/export|csv/i, '数据表'],
];

export function auditTargetLabel(action: string): string {
  return TARGETS.find(([pattern]) => pattern.test(action))?.[1] ?? '';
}

/** The server notes a promoted script's source as `from <message id>`; the manager reads where it came from. */
export function auditCommentText(comment: string): string {
  return /^from \S+$/.test(comment) ? '来自已发送消息抽检' : comment;
}
