import type { ComponentChildren } from 'preact';
import { ApiError } from '../../../shared/api-request.ts';
import { describeError } from '../api-client.ts';

export { Loading } from '../../../shared/loading.tsx';

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <p class="state-title">{title}</p>
      {children && <p class="muted">{children}</p>}
    </div>
  );
}

/** An error that says what to do, with a retry when one makes sense (not while a sign-in redirect is under way). */
export function ErrorState({ error, message, onRetry }: { error?: unknown; message?: string; onRetry?: () => void }) {
  const signingIn = error instanceof ApiError && error.status === 401;
  return (
    <div class="state state-error" role="alert">
      <p>{message ?? describeError(error)}</p>
      {onRetry && !signingIn && (
        <button type="button" class="btn btn-secondary" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}

/** A two-or-three way switch (待审核 / 最近已处理, 日 / 周). */
export function Segmented<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: Array<{ value: NoInfer<T>; label: string }>; onChange(value: NoInfer<T>): void }) {
  return (
    <div class="segmented" role="group" aria-label={label}>
      {options.map((option) => (
        <button key={option.value} type="button" class={option.value === value ? 'seg seg-on' : 'seg'} aria-pressed={option.value === value} onClick={() => onChange(option.value)}>
          {option.label}
        </button>
      ))}
    </div>
  );
}
