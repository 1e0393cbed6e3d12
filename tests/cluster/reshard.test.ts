import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import slotOf from 'cluster-key-slot';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCluster, startCluster, stopCluster } from '../../scripts/redis-cluster.mjs';
import { inboxLength } from '../../src/jobs/inbox-pump.ts';
import { startService, type Service } from '../../src/main.ts';
import { postCallback, signedCallback } from '../support/callbacks.ts';
import { eventually } from '../support/eventually.ts';
import { silentLog, testConfig } from '../support/test-service.ts';
import { OFFICIAL_KEYS } from '../support/vectors.ts';

/**
 * A slot moves from one master to another (`redis-cli --cluster reshard`) while callbacks keep arriving, and
 * every callback the service acknowledged is processed. The slot is the one the whole tenant lives in (a
 * hash tag in REDIS_PREFIX), so every key the service touches migrates under load: the intake script, the
 * inbox pump, BullMQ's scripts and blocking reads. A private cluster, so no other suite sees it move.
 */
const run = promisify(execFile);
let cluster: LocalCluster;
let service: Service;
let admin: Redis;
let moved: { slot: number; from: string; to: string };

interface Node {
  id: string;
  port: number;
  slots: number[];
}

async function masters(): Promise<Node[]> {
  const text = (await admin.call('CLUSTER', 'NODES')) as string;
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f[2]?.includes('master'))
    .map((f) => ({
      id: f[0] ?? '',
      port: Number(/:(\d+)@/.exec(f[1] ?? '')?.[1]),
      slots: f.slice(8).flatMap((range) => {
        const [a, b = a] = range.split('-').map(Number);
        return a === undefined || b === undefined || Number.isNaN(a) ? [] : [a, b];
      }),
    }));
}

/** A hash tag whose slot is `slot`. */
function tagFor(slot: number): string {
  for (let i = 0; ; i++) if (slotOf(`{r${i}}`) === slot) return `r${i}`;
}

const enterAgent = (n: number): string =>
  `<xml><ToUserName><![CDATA[${OFFICIAL_KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[guide.lin]]></FromUserName><CreateTime>${1_700_000_000 + n}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1000002</AgentID></xml>`;

beforeAll(async () => {
  cluster = await startCluster({ masters: 3 });
  admin = new Redis(cluster.ports[0] ?? 0, '127.0.0.1');
  const [, source, target] = (await masters()).sort((a, b) => (a.slots[0] ?? 0) - (b.slots[0] ?? 0));
  if (!source || !target) throw new Error('expected three masters');
  // reshard moves a source's lowest slots first: with --cluster-slots 1, exactly this one.
  moved = { slot: source.slots[0] ?? 0, from: source.id, to: target.id };
  const base = testConfig({ REDIS_CLUSTER_NODES: cluster.nodes, REDIS_PREFIX: `{${tagFor(moved.slot)}}:` }, OFFICIAL_KEYS);
  // Every finished job stays countable for the check below.
  service = await startService({ ...base, queues: { ...base.queues, completedCount: 1_000_000 } }, { log: silentLog, warmUp: false });
}, 60_000);

afterAll(async () => {
  await service?.close();
  admin?.disconnect();
  if (cluster) await stopCluster(cluster.dir);
});

describe('resharding under load', () => {
  it('loses nothing it acknowledged while the slot holding the tenant moves to another master', { timeout: 120_000 }, async () => {
    const acknowledged = new Set<number>();
    const refused: number[] = [];
    let next = 0;
    const load = { running: true };
    const sender = async (): Promise<void> => {
      while (load.running) {
        const n = next++;
        const res = await postCallback(service.url, signedCallback(OFFICIAL_KEYS, enterAgent(n), Math.floor(Date.now() / 1000)));
        if (res.status === 200) acknowledged.add(1_700_000_000 + n);
        else refused.push(res.status);
      }
    };
    const senders = Array.from({ length: 4 }, () => sender());
    await eventually(async () => acknowledged.size, (n) => n >= 200, 400);
    // One key per MIGRATE, so the slot is half moved for a while (multi-key commands get TRYAGAIN, single
    // ones ASK) while callbacks keep coming.
    await run('redis-cli', ['--cluster', 'reshard', `127.0.0.1:${cluster.ports[0]}`, '--cluster-from', moved.from, '--cluster-to', moved.to, '--cluster-slots', '1', '--cluster-pipeline', '1', '--cluster-yes'], { timeout: 60_000 });
    const after = acknowledged.size;
    await eventually(async () => acknowledged.size, (n) => n >= after + 200, 400);
    load.running = false;
    await Promise.all(senders);

    // The slot now lives on the other master.
    const owner = (await masters()).find((m) => m.slots.some((s, i) => i % 2 === 0 && s <= moved.slot && moved.slot <= (m.slots[i + 1] ?? -1)));
    expect(owner?.id).toBe(moved.to);
    expect(refused).toEqual([]);
    // Everything acknowledged, spooled or not, ends up as a finished job: nothing in the spool, the inbox or the queue.
    const done = async () => new Set((await service.eventQueue.getJobs(['completed'], 0, -1)).map((job) => job.data.event.createTime));
    await service.replaySpool();
    const finished = await eventually(done, (set) => [...acknowledged].every((t) => set.has(t)), 600, 50);
    expect([...acknowledged].filter((t) => !finished.has(t))).toEqual([]);
    expect(await inboxLength(service.redis, service.keys)).toBe(0);
    expect(await service.metrics.registry.getSingleMetricAsString('wecom_spool_entries')).toMatch(/wecom_spool_entries 0$/m);
  });
});
