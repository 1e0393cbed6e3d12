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
