import { useCallback, useState } from 'preact/hooks';
import type { CustomerTask } from '../api-types.ts';
import { useTaskClose } from '../use-task-close.ts';
import { TaskItem } from './task-item.tsx';

/**
 * Open lifecycle tasks (birthday, points expiring…) on the customer's card, each with the personalised draft
 * it carries: 发送 puts it into this chat and closes the task; 完成 and 忽略 close it without sending.
 * A closed task leaves at once; the card itself follows on the live `task` event.
 */
export function TaskList({ customerId, customerName, tasks, now }: { customerId: string; customerName: string; tasks: CustomerTask[]; now: number }) {
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const close = useTaskClose(useCallback((id: string) => setClosed((s) => new Set(s).add(id)), []));
  const open = tasks.filter((t) => !closed.has(t.id));
  if (open.length === 0) return null;
  return (
    <div class="tasks">
      <h3 class="mini-title">待办</h3>
      <ul>
        {open.map((task) => (
          <TaskItem
            key={task.id}
            task={{ ...task, customerId, customerName }}
            place={{ chatCustomerId: customerId, onCard: true }}
            now={now}
            inList={false}
            close={close}
          />
        ))}
      </ul>
    </div>
  );
}
