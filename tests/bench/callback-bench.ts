import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster, stopCluster } from '../../scripts/redis-cluster.mjs';
import { startRedisChild } from '../../src/ops/ensure-redis.ts';
import { deleteUnder } from '../support/test-service.ts';
import { signedCallback, textMessageXml } from '../support/callbacks.ts';
import { OFFICIAL_KEYS } from '../support/vectors.ts';
import { closedLoop, fixedRate, type LoadRequest } from './load.ts';

const round = (n: number, d = 2): number => Number(n.toFixed(d));

const servers: ChildProcess[] = [];

/** Starts a server in its own process so the load generator does not share its event loop. */
async function serve(mode: 'full' | 'bare', prefix: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(new URL('./serve-callback.ts', import.meta.url).pathname, [mode, prefix], { execArgv: ['--import', 'tsx'], stdio: 'inherit', env: { ...process.env, ...env } });
  servers.push(child);
  const url = await new Promise<string>((ok, fail) => {
    child.once('message', (m) => ok((m as { url: string }).url));
    child.once('exit', (code) => fail(new Error(`${mode} server exited with ${code}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((ok) => {
    child.once('exit', () => ok());
    if (child.connected) child.send('stop');
    else child.kill();
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Unique, signed, encrypted text callbacks (each a new MsgId), signed "now". */
function callbacks(count: number, salt: string): LoadRequest[] {
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const msgId = `${salt}${String(i).padStart(9, '0')}`;
    const cb = signedCallback(OFFICIAL_KEYS, textMessageXml(OFFICIAL_KEYS.corpId, msgId, '您好，请问这款羊绒大衣有M码吗？周末想到店试一下。'), now);
    return { path: `/wecom/callback?${cb.query}`, body: cb.body };
  });
}

/**
 * The callback path with 2 web processes on a local 3-master Redis Cluster (started for the measurement),
 * the load dealt over both as a balancer would.
 */
async function clusterThroughput(prefix: string): Promise<number> {
  const cluster = await startCluster({ masters: 3 });
  const webs: Array<{ url: string; child: ChildProcess }> = [];
  try {
    for (let i = 0; i < 2; i++) webs.push(await serve('full', prefix, { REDIS_CLUSTER_NODES: cluster.nodes }));
    const urls = webs.map((w) => w.url);
    await closedLoop(urls, callbacks(2000, '7'), 20);
    const run = await closedLoop(urls, callbacks(20000, '8'), 50);
    console.log(`callback path, 2 web processes on a 3-master cluster, 50 connections: ${run.rps.toFixed(0)} req/s, p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms, errors ${run.errors}`);
    return run.rps;
  } finally {
    for (const web of webs) await stop(web.child);
    await stopCluster(cluster.dir);
  }
}

/**
 * The callback path as deployed: against a private redis-server set as docker-compose.yml sets it
 * (`appendonly yes`, `appendfsync always`, so durability.mode auto relies on Redis), then against one with
 * `appendfsync everysec`, where auto keeps the acknowledgement journal (`*_journal`). See README "Durable
 * acknowledgement".
 */
export async function benchCallback(): Promise<{ callback_rps: number; bare_rps: number; ratio: number; p99_ms_at_1000rps: number; callback_rps_journal: number; ratio_journal: number; cluster_callback_rps: number; ratio_cluster: number }> {
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  const dir = mkdtempSync(join(tmpdir(), 'ga-bench-redis-'));
  const always = await startRedisChild(join(dir, 'always'), undefined, ['--appendfsync', 'always']);
  const everysec = await startRedisChild(join(dir, 'everysec'));
  try {
    const full = await serve('full', prefix, { REDIS_URL: always.url });
    await closedLoop(full.url, callbacks(2000, '1'), 20); // warm-up (JIT, scripts loaded)
    const throughput = await closedLoop(full.url, callbacks(20000, '2'), 50);
    console.log(`callback path (Redis appendfsync always), 50 connections: ${throughput.rps.toFixed(0)} req/s, p50 ${throughput.p50.toFixed(2)} ms, p99 ${throughput.p99.toFixed(2)} ms, errors ${throughput.errors}`);
    const paced = await fixedRate(full.url, callbacks(8000, '3'), 1000);
    console.log(`callback path at 1000 req/s: p50 ${paced.p50.toFixed(2)} ms, p99 ${paced.p99.toFixed(2)} ms, errors ${paced.errors}`);
    await stop(full.child);
    const journaled = await serve('full', prefix, { REDIS_URL: everysec.url });
    await closedLoop(journaled.url, callbacks(2000, '5'), 20);
    const journal = await closedLoop(journaled.url, callbacks(20000, '6'), 50);
    console.log(`callback path (Redis everysec + journal), 50 connections: ${journal.rps.toFixed(0)} req/s, p50 ${journal.p50.toFixed(2)} ms, p99 ${journal.p99.toFixed(2)} ms, errors ${journal.errors}`);
    await stop(journaled.child);
    const bodySize = callbacks(1, '4')[0]!;
    const bare = await serve('bare', prefix);
    try {
      const same = Array.from({ length: 20000 }, () => bodySize);
      await closedLoop(bare.url, same.slice(0, 2000), 20);
      const bareRun = await closedLoop(bare.url, same, 50);
      console.log(`bare Koa POST, 50 connections: ${bareRun.rps.toFixed(0)} req/s, p99 ${bareRun.p99.toFixed(2)} ms`);
      await stop(bare.child);
      const clusterRps = await clusterThroughput(prefix);
      return {
        callback_rps: round(throughput.rps, 0),
        bare_rps: round(bareRun.rps, 0),
        ratio: round(throughput.rps / bareRun.rps, 3),
        p99_ms_at_1000rps: round(paced.p99),
        cluster_callback_rps: round(clusterRps, 0),
        ratio_cluster: round(clusterRps / bareRun.rps, 3),
        callback_rps_journal: round(journal.rps, 0),
        ratio_journal: round(journal.rps / bareRun.rps, 3),
      };
    } finally {
      if (bare.child.exitCode === null && bare.child.signalCode === null) await stop(bare.child);
    }
  } finally {
    for (const child of servers) if (child.exitCode === null && child.signalCode === null) await stop(child);
    await deleteUnder(prefix, always.url).catch(() => undefined);
    always.child?.kill('SIGKILL');
    everysec.child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}
