import { useCallback } from 'preact/hooks';
import { isApiError } from '../../shared/api-request.ts';
import { api, describeError } from './api-client.ts';
import type { TaskOutcome, TaskStatus } from './api-types.ts';
import { useNotify } from './components/notice.tsx';

export type CloseTask = (taskId: string, status: TaskStatus, outcome?: TaskOutcome) => Promise<boolean>;

const CLOSED_NOTICE: Record<TaskStatus, string> = { done: '已完成', dismissed: '已忽略' };

/**
 * Closes a task (POST /api/tasks/:id/close) and tells the list to drop it. A task closed meanwhile (409,
 * from another device) or expired (404) is dropped too: there is nothing left to do about it.
 * Resolves to whether the task is gone from the guide's list.
 */
export function useTaskClose(onClosed: (taskId: string) => void): CloseTask {
  const notify = useNotify();
  return useCallback(
    async (taskId, status, outcome) => {
      try {
        await api.closeTask(taskId, { status, ...(outcome ? { outcome } : {}) });
        onClosed(taskId);
        notify(outcome === 'sent' ? '已发送，待办已完成' : CLOSED_NOTICE[status]);
        return true;
      } catch (error) {
        if (isApiError(error, 'task_closed') || isApiError(error, 'task_not_found')) {
          onClosed(taskId);
          notify(describeError(error), 'warn');
          return true;
        }
        // After a send the customer has the message; only the task is still open.
        notify(outcome === 'sent' ? '已发送，但待办没能标记完成，请点“完成”。' : describeError(error), outcome === 'sent' ? 'warn' : 'error');
        return false;
      }
    },
    [notify, onClosed],
  );
}
