/**
 * A guide closes one of their tasks with what came of it. Only the task's own guide may; a task closes once
 * (a claim taken with SET NX decides between two racing requests), and lifecycle tasks count towards the
 * manager's figures under the guide's store.
 */
import { badRequest } from '../errors.ts';
import type { Org } from '../org/org.ts';
import type { Task, TaskStore } from '../tasks/task-store.ts';
import type { LifecycleCounts, Outcome } from './lifecycle-counts.ts';
import { isLifecycleRule } from './member.ts';
import { storeOfGuide } from './pick-guide.ts';

export interface CloseTaskDeps {
  tasks: Pick<TaskStore, 'get' | 'close'>;
  counts: Pick<LifecycleCounts, 'recordClosed'>;
  org: Org;
  /** True for the first caller only (per task). */
  claim: (taskId: string) => Promise<boolean>;
}

export interface CloseRequest {
  guideId: string;
  taskId: string;
  status: 'done' | 'dismissed';
  outcome?: Outcome;
  now: number;
}

export async function closeTask(deps: CloseTaskDeps, request: CloseRequest): Promise<Task> {
  const task = await deps.tasks.get(request.taskId);
  if (!task) throw badRequest('task_not_found', 'no such task (it may have expired)', 404);
  if (task.guideId !== request.guideId) throw badRequest('not_your_task', 'this task belongs to another guide', 403);
  if (task.status !== 'open' || !(await deps.claim(task.id))) throw badRequest('task_closed', `this task is already ${task.status === 'open' ? 'being closed' : task.status}`, 409);
  const closed = await deps.tasks.close(task.id, request.status, request.outcome);
  if (!closed) throw badRequest('task_not_found', 'no such task (it may have expired)', 404);
  if (isLifecycleRule(task.kind)) {
    await deps.counts.recordClosed({
      storeId: storeOfGuide(deps.org, task.guideId),
      rule: task.kind,
      status: request.status,
      ...(request.outcome ? { outcome: request.outcome } : {}),
      at: request.now,
    });
  }
  return closed;
}
