import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';

export type TaskKind = 'welcome' | 'birthday' | 'win_back' | 'points_expiring' | 'new_arrival';

/** Something a guide should do for a customer, with a personalised draft they can send with one tap. */
export interface Task {
  id: string;
  guideId: string;
  customerId: string;
  kind: TaskKind;
  title: string;
  draft?: string;
  createdAt: number;
  due: number;
  status: 'open' | 'done' | 'dismissed';
  outcome?: string;
}

export interface TaskStore {
  /** Creates the task unless one with the same `onceKey` exists (one task per member, rule and period). */
  create(task: Task, onceKey: string): Promise<boolean>;
  listOpen(guideId: string, customerId?: string): Promise<Task[]>;
  get(taskId: string): Promise<Task | undefined>;
  close(taskId: string, status: 'done' | 'dismissed', outcome?: string): Promise<Task | undefined>;
}

export function createRedisTaskStore(redis: RedisClient, keys: Keys, ttlSec: number): TaskStore {
  const read = async (id: string): Promise<Task | undefined> => {
    const raw = await redis.get(keys.task(id));
    return raw ? (JSON.parse(raw) as Task) : undefined;
  };
  return {
    async create(task, onceKey) {
      if ((await redis.set(keys.taskOnce(onceKey), task.id, 'EX', ttlSec, 'NX')) !== 'OK') return false;
      // The task, then the guide's index (two slots): the index never names a task that is not there.
      await redis.set(keys.task(task.id), JSON.stringify(task), 'EX', ttlSec);
      await redis.multi().zadd(keys.tasks(task.guideId), task.due, task.id).expire(keys.tasks(task.guideId), ttlSec).exec();
      return true;
    },
    async listOpen(guideId, customerId) {
      const ids = await redis.zrange(keys.tasks(guideId), 0, -1);
      const tasks = await Promise.all(ids.map(read));
      return tasks.filter((t): t is Task => t !== undefined && t.status === 'open' && (!customerId || t.customerId === customerId));
    },
    get: read,
    async close(taskId, status, outcome) {
      const task = await read(taskId);
      if (!task) return undefined;
      const closed: Task = { ...task, status, ...(outcome ? { outcome } : {}) };
      // Closed first, then out of the index (two slots): listOpen skips a closed task the index still names.
      await redis.set(keys.task(taskId), JSON.stringify(closed), 'KEEPTTL');
      await redis.zrem(keys.tasks(task.guideId), taskId);
      return closed;
    },
  };
}
