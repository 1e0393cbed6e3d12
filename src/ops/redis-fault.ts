import { AppError } from '../errors.ts';

/**
 * Tells a Redis refusal that no retry can fix (a setting is wrong) from a passing outage. The first must
 * stop start-up and must not be acknowledged to WeCom (a spooled callback could never be replayed); the second
 * is what the spool is for. `setting` names the environment variable to look at.
 */
export interface RedisMisconfiguration {
  setting: string;
  problem: string;
}

/** The reply text of an error, and of the node error a cluster client wraps its own around. */
function repliesOf(error: unknown): string[] {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { message?: unknown; lastNodeError?: unknown; cause?: unknown };
    if (typeof e.message === 'string') texts.push(e.message);
    current = e.lastNodeError ?? e.cause;
  }
  return texts;
}

// A cluster client follows MOVED and ASK itself (one that gave up says so wrapped around the last of them,
// mid-reshard: an outage); a plain client cannot, so for it they mean a cluster node given as REDIS_URL.
const REDIRECT: [RegExp, (reply: string) => RedisMisconfiguration] = [
  /^(MOVED|ASK) \d+ /,
  (r) => ({ setting: 'REDIS_URL', problem: `points at a node of a Redis Cluster (${r}): name its nodes in REDIS_CLUSTER_NODES instead` }),
];
const RULES: Array<[RegExp, (reply: string) => RedisMisconfiguration]> = [
  [/^CROSSSLOT\b/, (r) => ({ setting: 'REDIS_PREFIX', problem: `the cluster refused keys that must share a hash slot (${r})` })],
  [/cluster support disabled/i, (r) => ({ setting: 'REDIS_CLUSTER_NODES', problem: `names a Redis server that is not in cluster mode (${r}): use REDIS_URL for it instead` })],
  [/^(NOAUTH|WRONGPASS)\b|invalid (username-)?password|without any password configured/i, (r) => ({ setting: 'REDIS_PASSWORD', problem: `Redis refused the credentials (${r})` })],
  [/^NOPERM\b/, (r) => ({ setting: 'REDIS_USERNAME', problem: `the ACL user may not run what the service needs (${r})` })],
  [/^READONLY\b/, (r) => ({ setting: 'REDIS_URL', problem: `points at a read-only replica (${r})` })],
];

/** `cluster`: whether the connection that failed speaks the cluster protocol (ioredis' `isCluster`). */
export function redisMisconfiguration(error: unknown, cluster: boolean): RedisMisconfiguration | undefined {
  const rules = cluster ? RULES : [REDIRECT, ...RULES];
  for (const reply of repliesOf(error)) {
    for (const [pattern, describe] of rules) if (pattern.test(reply)) return describe(reply.split('\n')[0] ?? reply);
  }
  return undefined;
}

/**
 * The refusal as the error start-up fails with (its message, one line naming the setting) and the callback
 * route answers: 503 `queue_unusable`, nothing stored, so WeCom retries later. The detail (addresses, the
 * reply) goes to the log, never to the caller.
 */
export function queueUnusable(found: RedisMisconfiguration, cause?: unknown): AppError {
  return new AppError('queue_unusable', `${found.setting}: ${found.problem}`, {
    status: 503,
    expose: false,
    hint: `the queue cannot work until ${found.setting} is corrected`,
    ...(cause === undefined ? {} : { cause }),
  });
}
