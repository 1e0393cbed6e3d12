import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main.ts';
import { eventually } from '../support/eventually.ts';
import { runUntilExit } from '../support/main-process.ts';
import { startTestService } from '../support/service-fixture.ts';
import { keysUnder, REDIS_CLUSTER_NODES, REDIS_URL, testRedis } from '../support/test-service.ts';

/** The service against a 3-master Redis Cluster (vitest.cluster.config.ts), and against the wrong topology. */
const redis = testRedis();
afterAll(() => redis.disconnect());

const spoolDir = () => mkdtempSync(join(tmpdir(), 'ga-topology-'));

describe('the Redis of this run', () => {
  it('is a healthy 3-master cluster the suites reach through REDIS_CLUSTER_NODES', async () => {
    expect(REDIS_CLUSTER_NODES.split(',')).toHaveLength(3);
    expect(redis).toBeInstanceOf(Cluster);
    const masters = (redis as Cluster).nodes('master');
    expect(masters).toHaveLength(3);
    for (const node of masters) expect(await node.call('CLUSTER', 'INFO')).toContain('cluster_state:ok');
  });
});

describe('start-up on the wrong topology', () => {
  it('exits with one line naming REDIS_URL when it points at a cluster node', async () => {
    const [node] = REDIS_CLUSTER_NODES.split(',');
    const { code, stderr } = await runUntilExit({ REDIS_URL: `redis://${node}`, REDIS_PREFIX: 'test:topology:', PORT: '0', HOST: '127.0.0.1', SPOOL_DIR: spoolDir() });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Could not start: REDIS_URL: points at a node of a Redis Cluster: name its nodes in REDIS_CLUSTER_NODES instead/)]);
  });

  it('exits with one line naming REDIS_CLUSTER_NODES when it names a server without cluster mode', async () => {
    const single = new URL(REDIS_URL).host;
    const { code, stderr } = await runUntilExit({ REDIS_CLUSTER_NODES: single, REDIS_PREFIX: 'test:topology:', PORT: '0', HOST: '127.0.0.1', SPOOL_DIR: spoolDir() });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Could not start: REDIS_CLUSTER_NODES: names a Redis server that is not in cluster mode/)]);
  });
});

describe("a tenant pinned to one slot (REDIS_PREFIX='{tag}:')", () => {
  const prefix = `{t${randomUUID().slice(0, 8)}}:`;
  let service: Service;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ service, stop } = await startTestService({ REDIS_PREFIX: prefix }));
  }, 60_000);

  afterAll(() => stop());

  it('runs the whole chat flow, every key it writes in the one slot', async () => {
    await service.emulator!.actions.say({ guide: 'guide.zhou', customer: 'wmLT0011', from: 'customer', text: '你好，那件羊绒大衣还有M码吗？' });
    await eventually(() => service.stores.suggestions.get('guide.zhou', 'wmLT0011'), (s) => s !== undefined, 400);
    const written = await keysUnder(redis, prefix);
    expect(written.length).toBeGreaterThan(10);
    const slots = new Set(await Promise.all(written.map((key) => redis.call('CLUSTER', 'KEYSLOT', key))));
    expect(slots.size).toBe(1);
  });
});
