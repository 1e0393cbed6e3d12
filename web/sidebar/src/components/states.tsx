import type { ComponentChildren } from 'preact';
import { describeError } from '../api-client.ts';

export { Loading } from '../../../shared/loading.tsx';

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="state state-empty">{children}</div>;
}

/** An error that says what to do, with a retry when one makes sense. */
export function ErrorState({ error, message, onRetry }: { error?: unknown; message?: string; onRetry?: () => void }) {
  return (
    <div class="state state-error" role="alert">
      <p>{message ?? describeError(error)}</p>
      {onRetry && (
        <button type="button" class="btn btn-secondary" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}

export function Section({ title, extra, children, id }: { title: string; extra?: ComponentChildren; children: ComponentChildren; id?: string }) {
  return (
    <section class="section" id={id} aria-label={title}>
      <header class="section-head">
        <h2>{title}</h2>
        {extra}
      </header>
      {children}
    </section>
  );
}
