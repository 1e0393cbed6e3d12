import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api-request.ts';
import { api } from './api-client.ts';
import type { LiveEvent } from './api-types.ts';
import { useNotify } from './components/notice.tsx';
import { openLiveStream, type LiveStatus } from './live-stream.ts';

export const isSignedOut = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/**
 * The guide's live stream for one chat view (a customer's or a group's): each event refetches what it
 * changed on this page, a manager's decision is announced, and everything is refetched after a gap.
 * Returns the connection state and when a live change last arrived (for the status bar).
 */
export function useChatLive<R extends string>(options: {
  /** The chat the view shows (a new one opens a new stream). */
  key: string;
  resourcesFor: (event: LiveEvent) => readonly R[];
  refetch: (resources: readonly R[]) => Promise<void>;
  all: readonly R[];
  onSignedOut: () => void;
}): { live: LiveStatus; updatedAt: number } {
  const notify = useNotify();
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [updatedAt, setUpdatedAt] = useState(0);
  const current = useRef(options);
  current.current = options;
  const { key, onSignedOut } = options;

  useEffect(
    () =>
      openLiveStream('/api/live', {
        onEvent(event) {
          const resources = current.current.resourcesFor(event);
          if (resources.length === 0) return;
          if (event.type === 'approval') {
            notify(event.decision === 'approved' ? '店长已审核通过一条回复，可以发送了' : '店长未通过一条回复，请查看意见', event.decision === 'approved' ? 'ok' : 'warn');
          }
          void current.current.refetch(resources).then(() => setUpdatedAt(Date.now()));
        },
        onStatus: setLive,
        onResumed: () => void current.current.refetch(current.current.all),
        async mayReconnect() {
          try {
            await api.me();
            return true;
          } catch (error) {
            if (!isSignedOut(error)) return true;
            onSignedOut();
            return false;
          }
        },
      }),
    [key, notify, onSignedOut],
  );
  return { live, updatedAt };
}
