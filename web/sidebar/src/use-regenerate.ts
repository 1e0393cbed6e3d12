import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api-request.ts';
import type { Loadable } from '../../shared/use-loadable.ts';
import { api } from './api-client.ts';
import type { StoredSuggestion } from './api-types.ts';
import type { ChatRef } from './chat-ref.ts';
import { useNotify } from './components/notice.tsx';
import type { FeedbackLedger } from './feedback-ledger.ts';

/** If an asked-for suggestion never arrives (the job failed), stop showing "generating" and look again. */
const WAIT_LIMIT_MS = 30_000;

export type Waiting = 'regenerate' | 'paste';

/**
 * What a chat view waits for (a regenerate, a pasted line): cleared when a new suggestion replaces the one
 * on screen, or after WAIT_LIMIT_MS with a fresh look. `regenerate` asks for new drafts, recording the
 * drafts shown and left untouched as ignored while their suggestion is still the current one.
 */
export function useRegenerate(chat: ChatRef, suggestion: Loadable<StoredSuggestion | null>, ledger: FeedbackLedger) {
  const notify = useNotify();
  const [waiting, setWaiting] = useState<Waiting | null>(null);

  const previousId = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const next = suggestion.data;
    if (next === undefined) return;
    if (previousId.current !== undefined && previousId.current !== (next?.id ?? null)) setWaiting(null);
    previousId.current = next?.id ?? null;
  }, [suggestion.data]);

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      setWaiting(null);
      void suggestion.reload();
    }, WAIT_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [waiting, suggestion.reload]);

  const regenerate = async (instruction: string): Promise<void> => {
    setWaiting('regenerate');
    const current = suggestion.data;
    if (current) {
      for (const draftId of ledger.takeUntouched(current)) {
        void api.feedback(chat, draftId, { suggestionId: current.id, action: 'ignored' }).catch(() => undefined);
      }
    }
    try {
      await api.regenerate(chat, instruction);
    } catch (error) {
      setWaiting(null);
      notify(error instanceof ApiError && error.code === 'network' ? '网络不稳定，没有提交成功，请重试' : '重新生成没有成功，请稍后再试', 'error');
    }
  };

  return { waiting, setWaiting, regenerate };
}
