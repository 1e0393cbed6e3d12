import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';

export type NoticeTone = 'ok' | 'warn' | 'error';
type Notify = (text: string, tone?: NoticeTone) => void;

const NoticeContext = createContext<Notify>(() => undefined);

const SHOW_MS = 3200;

/** One short line at the bottom of the sidebar confirming an action (已发送, 已复制) or saying what failed. */
export function NoticeProvider({ children }: { children: ComponentChildren }) {
  const [notice, setNotice] = useState<{ text: string; tone: NoticeTone; id: number } | null>(null);
  const counter = useRef(0);
  const notify = useCallback<Notify>((text, tone = 'ok') => setNotice({ text, tone, id: ++counter.current }), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), notice.tone === 'error' ? SHOW_MS * 2 : SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div class={`notice ${notice ? `notice-${notice.tone} notice-show` : ''}`} role="status" aria-live="polite">
        {notice?.text}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NoticeContext);
}
