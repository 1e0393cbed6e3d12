import { useState } from 'preact/hooks';
import type { TaskStatus } from '../api-types.ts';
import { copyText } from '../clipboard.ts';
import { taskActions, type TaskPlace } from '../task-actions.ts';
import { chinaDayNumber, dueLabel } from '../task-groups.ts';
import { kindChip, taskHeadline } from '../task-kinds.ts';
import type { CloseTask } from '../use-task-close.ts';
import { useSender } from '../use-sender.ts';
import { useNotify } from './notice.tsx';
import { customerChat } from '../chat-ref.ts';

export interface TaskView {
  id: string;
  kind: string;
  title: string;
  draft?: string | undefined;
  due?: number | undefined;
  customerId: string;
  customerName: string;
  following?: boolean | undefined;
}

interface Props {
  task: TaskView;
  place: TaskPlace;
  now: number;
  /** The cross-customer list names the customer and the kind; the customer's own card needs neither. */
  inList: boolean;
  close: CloseTask;
}

type Busy = 'send' | TaskStatus | null;

/** One lifecycle task with its draft: send it into the open chat (or copy it), mark it done, or dismiss it. */
export function TaskItem({ task, place, now, inList, close }: Props) {
  const notify = useNotify();
  const send = useSender(customerChat(task.customerId));
  const [busy, setBusy] = useState<Busy>(null);
  const [sent, setSent] = useState(false);
  const actions = taskActions(task, place);
  const draft = task.draft ?? '';
  const chip = kindChip(task.kind);
  const overdue = task.due !== undefined && chinaDayNumber(task.due) < chinaDayNumber(now);
  const due = task.due !== undefined && (!inList || overdue) ? <span class={`small ${overdue ? 'overdue' : 'muted'}`}>{dueLabel(task.due, now)}</span> : null;

  const run = async (what: Busy, step: () => Promise<unknown>): Promise<void> => {
    setBusy(what);
    try {
      await step();
    } finally {
      setBusy(null);
    }
  };

  const sendDraft = (): Promise<void> =>
    run('send', async () => {
      if ((await send(draft)) !== 'sent') return;
      setSent(true);
      await close(task.id, 'done', 'sent');
    });

  const copyDraft = async (): Promise<void> => {
    const ok = await copyText(draft);
    if (!ok) notify('复制失败，请长按文字手动复制', 'error');
    else notify(actions.send ? '已复制，可粘贴到聊天框' : `已复制。${actions.note ?? ''}`);
  };

  return (
    <li class={inList ? 'card task task-card' : 'task'} data-task-id={task.id}>
      {inList && (
        <div class="task-who">
          <span class="task-customer">{task.customerName}</span>
          <span class={`chip chip-${chip.tone}`}>{chip.label}</span>
          <span class="spacer" />
          {due}
        </div>
      )}
      <div class="task-line">
        <span class="task-title">{inList ? taskHeadline(task.title, task.customerName) : task.title}</span>
        {!inList && due}
      </div>
      {draft && <p class="task-draft">{draft}</p>}
      {actions.note && !sent && <p class="hint">{actions.note}</p>}
      <div class="actions">
        {sent && <span class="done">已发送</span>}
        {actions.send && !sent && (
          <button type="button" class="btn btn-primary" disabled={busy !== null} onClick={() => void sendDraft()}>
            {busy === 'send' ? '发送中…' : inList ? '发送草稿' : '发送'}
          </button>
        )}
        {actions.copy && !sent && (
          <button type="button" class={`btn ${actions.send ? 'btn-secondary' : 'btn-primary'}`} disabled={busy !== null} onClick={() => void copyDraft()}>
            {actions.send ? '复制' : '复制草稿'}
          </button>
        )}
        <button type="button" class="btn btn-secondary" disabled={busy !== null} onClick={() => void run('done', () => close(task.id, 'done', sent ? 'sent' : undefined))}>
          {busy === 'done' ? '处理中…' : '完成'}
        </button>
        <button type="button" class="btn btn-quiet" disabled={busy !== null} onClick={() => void run('dismissed', () => close(task.id, 'dismissed'))}>
          {busy === 'dismissed' ? '处理中…' : '忽略'}
        </button>
      </div>
    </li>
  );
}
