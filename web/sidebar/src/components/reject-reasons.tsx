export const REJECT_REASONS = ['不相关', '语气不对', '信息有误', '其他'] as const;

/** "不合适": one tap on a reason records the rejection. */
export function RejectReasons({ busy, onPick, onCancel }: { busy: boolean; onPick: (reason: string) => void; onCancel: () => void }) {
  return (
    <div class="reject" role="group" aria-label="不合适的原因">
      <p class="small muted">哪里不合适？选一个原因，帮助改进建议：</p>
      <div class="chip-row">
        {REJECT_REASONS.map((reason) => (
          <button type="button" key={reason} class="chip-button" disabled={busy} onClick={() => onPick(reason)}>
            {reason}
          </button>
        ))}
        <button type="button" class="chip-button chip-cancel" disabled={busy} onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
