import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useRef, useState } from 'preact/hooks';

type Tone = 'ok' | 'error' | 'info';
type Notify = (text: string, tone?: Tone) => void;

const NoticeContext = createContext<Notify>(() => undefined);

export function useNotify(): Notify {
  return useContext(NoticeContext);
}

/** Short confirmations and failures after an action, read out by screen readers; each fades after a while. */
export function NoticeProvider({ children }: { children: ComponentChildren }) {
  const [notices, setNotices] = useState<Array<{ id: number; text: string; tone: Tone }>>([]);
  const next = useRef(0);
  const notify = useCallback<Notify>((text, tone = 'ok') => {
    const id = ++next.current;
    setNotices((list) => [...list.slice(-2), { id, text, tone }]);
    window.setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), tone === 'error' ? 8000 : 4000);
  }, []);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div class="notices" aria-live="polite">
        {notices.map((n) => (
          <p key={n.id} class={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
            {n.text}
          </p>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
