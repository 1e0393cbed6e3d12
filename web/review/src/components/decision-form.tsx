import type { DecisionKind } from '../decision.ts';

const REJECT_REASONS = ['优惠不在门店政策内', '不能承诺退款或赔偿', '含绝对化用语', '涉及功效或医疗宣称', '请先核实库存和价格'];

interface Props {
  mode: DecisionKind | 'view';
  original: string;
  text: string;
  comment: string;
  onText(text: string): void;
  onComment(comment: string): void;
  onMode(mode: DecisionKind | 'view'): void;
  onSubmit(kind: DecisionKind, input: { text?: string; comment?: string }): void;
}

/** 通过 / 修改后通过 (inline editor) / 驳回 (a comment is required: the guide reads it). */
export function DecisionForm({ mode, original, text, comment, onText, onComment, onMode, onSubmit }: Props) {

  if (mode === 'edit') {
    return (
      <form class="decision-form" onSubmit={(e) => { e.preventDefault(); onSubmit('edit', { text, comment }); }}>
        <label class="field">
          <span class="label">修改后的回复（导购将发送这段文字）</span>
          <textarea class="input" rows={4} maxLength={500} value={text} onInput={(e) => onText(e.currentTarget.value)} aria-label="修改后的回复" />
        </label>
        <p class="hint">请删除或改写高亮的风险内容。{text.length}/500</p>
        <label class="field">
          <span class="label">给导购的备注（可选）</span>
          <input class="input" value={comment} onInput={(e) => onComment(e.currentTarget.value)} aria-label="给导购的备注" />
        </label>
        <div class="actions">
          <button type="submit" class="btn btn-primary">确认通过</button>
          <button type="button" class="btn btn-quiet" onClick={() => { onText(original); onMode('view'); }}>取消</button>
        </div>
      </form>
    );
  }

  if (mode === 'reject') {
    return (
      <form class="decision-form" onSubmit={(e) => { e.preventDefault(); onSubmit('reject', { comment }); }}>
        <label class="field">
          <span class="label">驳回原因（必填，导购会看到）</span>
          <textarea class="input" rows={3} maxLength={200} value={comment} onInput={(e) => onComment(e.currentTarget.value)} aria-label="驳回原因" />
        </label>
        <div class="chips" aria-label="常用原因">
          {REJECT_REASONS.map((reason) => (
            <button key={reason} type="button" class="chip" onClick={() => onComment(comment.trim() ? `${comment.trim()}；${reason}` : reason)}>
              {reason}
            </button>
          ))}
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-danger">确认驳回</button>
          <button type="button" class="btn btn-quiet" onClick={() => onMode('view')}>取消</button>
        </div>
      </form>
    );
  }

  return (
    <div class="actions">
      <button type="button" class="btn btn-primary" onClick={() => onSubmit('approve', {})}>通过</button>
      <button type="button" class="btn btn-secondary" onClick={() => onMode('edit')}>修改后通过</button>
      <button type="button" class="btn btn-danger-quiet" onClick={() => onMode('reject')}>驳回</button>
    </div>
  );
}
