import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { startCluster, stopCluster } from '../../scripts/redis-cluster.mjs';
import { deleteUnder } from '../support/test-service.ts';
import { signedCallback, textMessageXml } from '../support/callbacks.ts';
import { OFFICIAL_KEYS } from '../support/vectors.ts';
import { closedLoop, fixedRate, type LoadRequest } from './load.ts';

const round = (n: number, d = 2): number => Number(n.toFixed(d));

/**
 * Starts a server in its own process so the load generator does not share its event loop; `clusterNodes`
 * puts it on a Redis Cluster instead of the one server.
 */
async function serve(mode: 'full' | 'bare', prefix: string, clusterNodes?: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, ...(clusterNodes ? { REDIS_CLUSTER_NODES: clusterNodes } : {}) };
  const child = fork(new URL('./serve-callback.ts', import.meta.url).pathname, [mode, prefix], { execArgv: ['--import', 'tsx'], stdio: 'inherit', env });
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
    for (let i = 0; i < 2; i++) webs.push(await serve('full', prefix, cluster.nodes));
    const urls = webs.map((w) => w.url);
    await closedLoop(urls, callbacks(2000, '5'), 20);
    const run = await closedLoop(urls, callbacks(20000, '6'), 50);
    console.log(`callback path, 2 web processes on a 3-master cluster, 50 connections: ${run.rps.toFixed(0)} req/s, p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms, errors ${run.errors}`);
    return run.rps;
  } finally {
    for (const web of webs) await stop(web.child);
    await stopCluster(cluster.dir);
  }
}

export async function benchCallback(): Promise<{ callback_rps: number; bare_rps: number; ratio: number; p99_ms_at_1000rps: number; cluster_callback_rps: number; ratio_cluster: number }> {
  const prefix = `bench:${randomUUID().slice(0, 8)}:`;
  const full = await serve('full', prefix);
  try {
    await closedLoop(full.url, callbacks(2000, '1'), 20); // warm-up (JIT, scripts loaded)
    const throughput = await closedLoop(full.url, callbacks(20000, '2'), 50);
    console.log(`callback path, 50 connections: ${throughput.rps.toFixed(0)} req/s, p50 ${throughput.p50.toFixed(2)} ms, p99 ${throughput.p99.toFixed(2)} ms, errors ${throughput.errors}`);
    const paced = await fixedRate(full.url, callbacks(8000, '3'), 1000);
    console.log(`callback path at 1000 req/s: p50 ${paced.p50.toFixed(2)} ms, p99 ${paced.p99.toFixed(2)} ms, errors ${paced.errors}`);
    const bodySize = callbacks(1, '4')[0]!;
    await stop(full.child);
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
      };
    } finally {
      if (bare.child.exitCode === null && bare.child.signalCode === null) await stop(bare.child);
    }
  } finally {
    if (full.child.exitCode === null) await stop(full.child);
    await deleteUnder(prefix);
  }
}
