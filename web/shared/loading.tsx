/** The spinner line both pages show while something loads, read out politely by screen readers. */
export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
