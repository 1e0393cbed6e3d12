/** The model's progress in LLM mode: "生成中…" on each slot a model draft is still coming to. */

export function PendingSlot() {
  return (
    <p class="slot-pending" role="status">
      <span class="spinner" aria-hidden="true" />
      模型回复生成中…
    </p>
  );
}

export function StreamingNote() {
  return <p class="hint">模型回复生成中，先给你离线建议，可以直接用。</p>;
}
