import { Queue, type Job } from 'bullmq';
import type { Config } from '../config.ts';
import { createKeys, type Keys } from '../conversation/keys.ts';
import type { EventJob } from '../jobs/event-job.ts';
import type { RedisClient } from '../ops/redis-client.ts';
import { QUEUES } from './check-redis.ts';
import { queueOptions } from './queues.ts';
import { connectRedis, isCluster } from './redis-connections.ts';

/**
 * `npm run migrate-keys`: moves what a single-server deployment wrote before the cluster key layout
 * (keys.ts) to the keys that layout uses, with the service stopped. Renames keep their TTL; a key whose new
 * name is already taken is left as it is and counted. Inbox entries go to their inbox shard, and jobs still to
 * run move to the queue of the new prefix under the same job id (finished and failed jobs of the old queues
 * are dropped with them). Running it again finds nothing to do. A cluster never held the old layout (it
 * refused it), so there is nothing to migrate there.
 */

/** Families whose keys gained a hash tag: old `<prefix><family>:<rest>` → the new key for `rest`. */
function renamedFamilies(keys: Keys): Array<[family: string, to: (rest: string) => string | undefined]> {
  const conversation = (build: (g: string, c: string) => string) => (rest: string) => {
    const at = rest.indexOf(':');
    return at > 0 ? build(rest.slice(0, at), rest.slice(at + 1)) : undefined;
  };
  return [
    ['conv', conversation(keys.conversation)],
    ['conv-idx', conversation(keys.conversationIndex)],
    ['suggestion', conversation(keys.suggestion)],
    ['suggest-pending', conversation(keys.suggestionPending)],
    ['tag-proposals', conversation(keys.tagProposals)],
    ['tag-decided', conversation(keys.tagDecisions)],
    ['archive-consent', conversation(keys.archiveConsent)],
    ['group-conv', keys.groupConversation],
    ['group-conv-idx', keys.groupConversationIndex],
    ['dedupe', keys.dedupe],
    ['send-window', keys.sendWindow],
    ['approval', keys.approval],
    ['approvals-pending', keys.approvalsPending],
    ['approvals-decided', keys.approvalsDecided],
  ];
}

async function scan(redis: RedisClient, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found;
}

/** Glob-escapes a prefix for SCAN MATCH. */
const literal = (text: string): string => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

async function renameFamilies(redis: RedisClient, keys: Keys, out: (line: string) => void): Promise<void> {
  for (const [family, to] of renamedFamilies(keys)) {
    const head = `${keys.prefix}${family}:`;
    let renamed = 0;
    let kept = 0;
    for (const key of await scan(redis, `${literal(head)}*`)) {
      const rest = key.slice(head.length);
      const target = rest.includes('{') ? undefined : to(rest);
      if (!target || target === key) continue;
      if ((await redis.renamenx(key, target)) === 1) renamed++;
      else kept++;
    }
    if (renamed + kept > 0) out(`${family}: ${renamed} renamed${kept > 0 ? `, ${kept} left as they were (the new key exists)` : ''}`);
  }
}

async function moveInbox(redis: RedisClient, keys: Keys, out: (line: string) => void): Promise<void> {
  const old = `${keys.prefix}inbox`;
  if ((await redis.type(old)) !== 'stream') return;
  const entries = (await redis.xrange(old, '-', '+')) as Array<[string, string[]]>;
  for (const [, fields] of entries) {
    const json = fields[fields.indexOf('job') + 1];
    if (json) await redis.xadd(keys.inboxOf((JSON.parse(json) as EventJob).dedupeKey), '*', 'job', json);
  }
  await redis.del(old);
  out(`inbox: ${entries.length} entries moved to their shards`);
}

async function moveQueues(redis: RedisClient, keys: Keys, config: Config, out: (line: string) => void): Promise<void> {
  for (const name of QUEUES) {
    const head = `${keys.prefix}bull:${name}:`;
    if ((await scan(redis, `${literal(head)}*`)).length === 0) continue;
    const from = new Queue(name, { connection: redis, prefix: `${keys.prefix}bull` });
    const to = new Queue(name, queueOptions(config, redis, keys, name, {}));
    try {
      // A job scheduler's next run is made again by the worker's upsertJobScheduler at start: not moved.
      const open: Job[] = (await from.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'], 0, -1)).filter((job) => !job.repeatJobKey);
      for (const job of open) {
        const delay = Math.max(0, job.timestamp + (job.delay ?? 0) - Date.now());
        await to.add(job.name, job.data, { ...job.opts, ...(job.id ? { jobId: job.id } : {}), delay });
      }
      await from.obliterate({ force: true });
      out(`queue ${name}: ${open.length} jobs still to run moved`);
    } finally {
      await from.close();
      await to.close();
    }
  }
}

export async function migrateKeysCli(config: Config, out: (line: string) => void): Promise<number> {
  if (isCluster(config)) {
    out('nothing to migrate: a Redis Cluster never held the earlier key layout');
    return 0;
  }
  const redis = connectRedis(config, 'oneShot');
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const keys = createKeys(config.redis.prefix);
    await renameFamilies(redis, keys, out);
    await moveInbox(redis, keys, out);
    await moveQueues(redis, keys, config, out);
    out('keys migrated to the cluster layout');
    return 0;
  } catch (error) {
    out(`migration stopped: ${(error as Error).message}`);
    return 1;
  } finally {
    redis.disconnect();
  }
}
