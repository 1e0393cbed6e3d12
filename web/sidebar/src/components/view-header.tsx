import type { ComponentChildren } from 'preact';

/** The top line of a view opened from the sidebar (待办, 写文案): the way back, the view's name, its tools. */
export function ViewHeader({ title, backLabel, onBack, extra }: { title: string; backLabel: string; onBack: () => void; extra?: ComponentChildren }) {
  return (
    <header class="status-bar view-header">
      <button type="button" class="link back" onClick={onBack}>
        ‹ {backLabel}
      </button>
      <h1 class="brand">{title}</h1>
      <span class="spacer" />
      {extra}
    </header>
  );
}
