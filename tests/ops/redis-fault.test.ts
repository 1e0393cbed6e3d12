import { describe, expect, it } from 'vitest';
import { queueUnusable, redisMisconfiguration } from '../../src/ops/redis-fault.ts';

/** Which Redis refusals mean a wrong setting (never acknowledged, start-up stops) and which an outage (spooled). */
const reply = (message: string) => Object.assign(new Error(message), { name: 'ReplyError' });

describe('redisMisconfiguration', () => {
  it('names the setting behind each refusal no retry fixes', () => {
    const cases: Array<[string, string]> = [
      ["CROSSSLOT Keys in request don't hash to the same slot", 'REDIS_PREFIX'],
      ['NOAUTH Authentication required.', 'REDIS_PASSWORD'],
      ['WRONGPASS invalid username-password pair or user is disabled.', 'REDIS_PASSWORD'],
      ['NOPERM this user has no permissions to access one of the keys used as arguments', 'REDIS_USERNAME'],
      ["READONLY You can't write against a read only replica.", 'REDIS_URL'],
      ['ERR This instance has cluster support disabled', 'REDIS_CLUSTER_NODES'],
    ];
    for (const [message, setting] of cases) for (const cluster of [false, true]) expect(redisMisconfiguration(reply(message), cluster)?.setting, message).toBe(setting);
  });

  it('takes MOVED for a cluster node behind REDIS_URL, but not from a cluster client, which follows it', () => {
    expect(redisMisconfiguration(reply('MOVED 1234 10.0.0.12:6379'), false)?.setting).toBe('REDIS_URL');
    const gaveUp = Object.assign(new Error('Too many Cluster redirections. Last error: MOVED 1234 10.0.0.12:6379'), { lastNodeError: reply('MOVED 1234 10.0.0.12:6379') });
    expect(redisMisconfiguration(gaveUp, true)).toBeUndefined();
  });

  it('reads the node error a cluster client wraps its own around', () => {
    const wrapped = Object.assign(new Error('Failed to refresh slots cache.'), { lastNodeError: reply('ERR This instance has cluster support disabled') });
    expect(redisMisconfiguration(wrapped, true)?.setting).toBe('REDIS_CLUSTER_NODES');
  });

  it('leaves outages to the spool', () => {
    for (const message of ['connect ECONNREFUSED 127.0.0.1:6379', 'Connection is closed.', 'LOADING Redis is loading the dataset in memory', 'CLUSTERDOWN The cluster is down', 'TRYAGAIN Multiple keys request during rehashing of slot', 'None of startup nodes is available']) {
      expect(redisMisconfiguration(reply(message), true), message).toBeUndefined();
    }
  });

  it('becomes a 503 queue_unusable whose message names the setting and whose detail stays in the log', () => {
    const error = queueUnusable({ setting: 'REDIS_URL', problem: 'points at a node of a Redis Cluster' });
    expect(error).toMatchObject({ code: 'queue_unusable', status: 503, expose: false, message: 'REDIS_URL: points at a node of a Redis Cluster' });
  });
});
