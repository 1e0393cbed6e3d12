import { useState } from 'preact/hooks';
import type { CustomerTask } from '../api-types.ts';
import { copyText } from '../clipboard.ts';
import { formatDue } from '../format.ts';
import { useSender } from '../use-sender.ts';
import { useNotify } from './notice.tsx';

/** Open lifecycle tasks (birthday, points expiring…) with the personalised draft each one carries. */
export function TaskList({ customerId, tasks, now }: { customerId: string; tasks: CustomerTask[]; now: number }) {
  const send = useSender(customerId);
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const [sent, setSent] = useState<Set<string>>(new Set());

  const sendDraft = async (task: CustomerTask): Promise<void> => {
    if (!task.draft) return;
    setBusy(task.id);
    const outcome = await send(task.draft);
    setBusy(null);
    if (outcome === 'sent') setSent((s) => new Set(s).add(task.id));
  };

  return (
    <div class="tasks">
      <h3 class="mini-title">待办</h3>
      <ul>
        {tasks.map((task) => (
          <li key={task.id} class="task">
            <div class="task-line">
              <span class="task-title">{task.title}</span>
              {task.due !== undefined && <span class={`small ${task.due < now ? 'overdue' : 'muted'}`}>{formatDue(task.due, now)}</span>}
            </div>
            {task.draft && (
              <>
                <p class="task-draft">{task.draft}</p>
                <div class="actions">
                  {sent.has(task.id) ? (
                    <span class="done">已发送</span>
                  ) : (
                    <button type="button" class="btn btn-primary" disabled={busy === task.id} onClick={() => void sendDraft(task)}>
                      {busy === task.id ? '发送中…' : '发送'}
                    </button>
                  )}
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void copyText(task.draft ?? '').then((ok) => notify(ok ? '已复制' : '复制失败，请长按文字手动复制', ok ? 'ok' : 'error'))}
                  >
                    复制
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
