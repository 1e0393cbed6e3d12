import type { Router } from '@koa/router';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { closeTask } from '../lifecycle/close-task.ts';
import { OUTCOMES } from '../lifecycle/lifecycle-counts.ts';
import { currentMember, requireMember } from './current-member.ts';
import { readJson } from './json-body.ts';
import type { LifecycleApiDeps } from './lifecycle-deps.ts';

const closeBody = z.object({ status: z.enum(['done', 'dismissed']), outcome: z.enum(OUTCOMES).optional() });
const TASK_ID = /^[\w.@|-]{1,200}$/;

/** A guide's open tasks across all their customers, and closing one with its outcome. */
export function mountTaskRoutes(router: Router, deps: LifecycleApiDeps): void {
  const guide = requireMember(deps, ['guide']);

  router.get('/api/tasks', guide, async (ctx) => {
    const { userId } = currentMember(ctx);
    const open = await deps.tasks.listOpen(userId);
    const tasks = await Promise.all(
      open.map(async (t) => {
        const [member, profile, following] = await Promise.all([deps.members.get(t.customerId), deps.store.getProfile(t.customerId), deps.store.isFollowing(userId, t.customerId)]);
        return {
          id: t.id,
          kind: t.kind,
          title: t.title,
          ...(t.draft ? { draft: t.draft } : {}),
          due: t.due,
          createdAt: t.createdAt,
          customer: { customerId: t.customerId, name: member?.name ?? profile?.name ?? t.customerId },
          /** False when the customer is no longer in the guide's WeCom contacts (the sidebar cannot open the chat). */
          following,
        };
      }),
    );
    ctx.body = { tasks };
  });

  router.post('/api/tasks/:taskId/close', guide, async (ctx) => {
    const taskId = ctx.params.taskId ?? '';
    if (!TASK_ID.test(taskId)) throw badRequest('bad_task_id', 'task id is malformed');
    const body = await readJson(ctx, closeBody);
    const { userId } = currentMember(ctx);
    const task = await closeTask(
      { tasks: deps.tasks, counts: deps.counts, org: deps.org, claim: deps.claimClose },
      { guideId: userId, taskId, status: body.status, ...(body.outcome ? { outcome: body.outcome } : {}), now: deps.now() },
    ).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'not_your_task') deps.log.warn({ userId, taskId }, 'refused: task belongs to another guide');
      throw error;
    });
    await deps.feed.publish(userId, { type: 'task', customerId: task.customerId, taskId: task.id });
    ctx.body = { task };
  });
}
