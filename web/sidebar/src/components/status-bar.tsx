import { useEffect, useState } from 'preact/hooks';
import type { LiveStatus } from '../live-stream.ts';

const LIVE_LABEL: Record<LiveStatus, string> = { connecting: '连接中…', live: '实时', reconnecting: '重新连接中…' };
const UPDATED_MS = 2500;

interface Props {
  guideName: string;
  live: LiveStatus;
  /** When a live event last changed something on screen (0: never). */
  updatedAt: number;
  onSwitchCustomer?: (() => void) | undefined;
  onOpenTasks: () => void;
}

/** The top line: whose sidebar this is, whether live updates flow, a brief 已更新 after a live change, and 待办. */
export function StatusBar({ guideName, live, updatedAt, onSwitchCustomer, onOpenTasks }: Props) {
  const [showUpdated, setShowUpdated] = useState(false);
  useEffect(() => {
    if (updatedAt === 0) return;
    setShowUpdated(true);
    const timer = setTimeout(() => setShowUpdated(false), UPDATED_MS);
    return () => clearTimeout(timer);
  }, [updatedAt]);
  return (
    <header class="status-bar">
      <span class="brand">导购助手</span>
      <span class="muted small guide-name">{guideName}</span>
      <span class="spacer" />
      <span class={`updated${showUpdated ? ' updated-show' : ''}`} role="status" aria-live="polite">
        {showUpdated ? '已更新' : ''}
      </span>
      <span class={`live live-${live}`} title={live === 'reconnecting' ? '实时连接中断，正在自动重连；期间的变化会在恢复后补上' : '实时更新'}>
        {LIVE_LABEL[live]}
      </span>
      {onSwitchCustomer && (
        <button type="button" class="link" onClick={onSwitchCustomer}>
          切换客户
        </button>
      )}
      <button type="button" class="link" onClick={onOpenTasks}>
        待办
      </button>
    </header>
  );
}
