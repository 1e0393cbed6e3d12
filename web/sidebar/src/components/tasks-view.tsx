import { useCallback, useState } from 'preact/hooks';
import { useLoadable } from '../../../shared/use-loadable.ts';
import { api } from '../api-client.ts';
import type { OpenTask } from '../api-types.ts';
import { countDueNow, groupTasksByDue } from '../task-groups.ts';
import { useTaskClose } from '../use-task-close.ts';
import { Empty, ErrorState, Loading } from './states.tsx';
import { TaskItem } from './task-item.tsx';
import { ViewHeader } from './view-header.tsx';

export interface TasksViewProps {
  /** The customer whose chat the sidebar is open beside; their drafts can be sent from here. */
  chatCustomerId: string | null;
  backLabel: string;
  onBack: () => void;
}

/**
 * The guide's open follow-ups across customers (where the daily digest's link lands): overdue and today
 * first, then by day. Each is sent, marked done or dismissed here; nothing is sent without the guide's tap.
 */
export function TasksView({ chatCustomerId, backLabel, onBack }: TasksViewProps) {
  const tasks = useLoadable<OpenTask[]>('tasks', () => api.tasks());
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const close = useTaskClose(useCallback((id: string) => setClosed((s) => new Set(s).add(id)), []));
  const now = Date.now();
  const open = (tasks.data ?? []).filter((t) => !closed.has(t.id));

  let body;
  if (tasks.data === undefined && tasks.error) body = <ErrorState error={tasks.error} onRetry={() => void tasks.reload()} />;
  else if (tasks.data === undefined) body = <Loading label="正在加载待办…" />;
  else if (open.length === 0)
    body = (
      <Empty>
        <p>今天没有待跟进的客户</p>
        <p class="small">生日、久未购买、积分到期等提醒会出现在这里。</p>
      </Empty>
    );
  else {
    const dueNow = countDueNow(open, now);
    body = (
      <>
        <p class="muted small view-summary">
          共 {open.length} 项待办{dueNow > 0 ? `，${dueNow} 项今天需要跟进` : ''}
        </p>
        {groupTasksByDue(open, now).map((group) => (
          <section key={group.key} class={`section due-${group.tone}`} aria-label={group.label}>
            <header class="section-head">
              <h2>{group.label}</h2>
              <span class="muted small">{group.tasks.length} 项</span>
            </header>
            <ul class="task-cards">
              {group.tasks.map((task) => (
                <TaskItem
                  key={task.id}
                  task={{ ...task, customerId: task.customer.customerId, customerName: task.customer.name }}
                  place={{ chatCustomerId, onCard: false }}
                  now={now}
                  inList
                  close={close}
                />
              ))}
            </ul>
          </section>
        ))}
      </>
    );
  }

  return (
    <>
      <ViewHeader
        title="待办"
        backLabel={backLabel}
        onBack={onBack}
        extra={
          <button type="button" class="link" disabled={tasks.loading} onClick={() => void tasks.reload()}>
            {tasks.loading && tasks.data !== undefined ? '刷新中…' : '刷新'}
          </button>
        }
      />
      {body}
    </>
  );
}
