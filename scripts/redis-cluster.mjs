// A throwaway local Redis Cluster for tests and CI: `masters` redis-server processes with cluster mode on,
// on free ports, in a temp dir (no persistence), joined by `redis-cli --cluster create … --cluster-replicas 0`.
//   node scripts/redis-cluster.mjs start [masters]   prints shell lines: REDIS_CLUSTER_NODES=… REDIS_CLUSTER_DIR=…
//   node scripts/redis-cluster.mjs stop DIR          stops the servers whose pid files are in DIR, removes DIR
// or `import { startCluster, stopCluster } from './scripts/redis-cluster.mjs'`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function portFree(port) {
  return new Promise((ok) => {
    const server = createServer();
    server.once('error', () => ok(false));
    server.listen(port, '127.0.0.1', () => server.close(() => ok(true)));
  });
}

/** A free port whose cluster bus port (+10000) is free too. */
async function freeClusterPort(taken) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    if (taken.has(port) || taken.has(port + 10000)) continue;
    if ((await portFree(port)) && (await portFree(port + 10000))) return port;
  }
  throw new Error('redis-cluster: no free port pair found');
}

async function cli(port, ...args) {
  return (await run('redis-cli', ['-p', String(port), ...args])).stdout;
}

async function waitFor(what, check, timeoutMs = 20000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`redis-cluster: ${what} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Starts the cluster and resolves once every node reports cluster_state:ok with all slots assigned.
 * @param {{ masters?: number, dir?: string }} [options]
 * @returns {Promise<{ nodes: string, ports: number[], dir: string }>}
 */
export async function startCluster(options = {}) {
  const masters = options.masters ?? 3;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'ga-redis-cluster-'));
  const taken = new Set();
  const ports = [];
  try {
    for (let i = 0; i < masters; i++) {
      const port = await freeClusterPort(taken);
      taken.add(port).add(port + 10000);
      ports.push(port);
      // prettier-ignore
      await run('redis-server', [
        '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--daemonize', 'yes',
        '--pidfile', join(dir, `redis-${port}.pid`), '--logfile', join(dir, `redis-${port}.log`),
        '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000',
        '--save', '', '--appendonly', 'no',
      ]);
    }
    for (const port of ports) await waitFor(`redis-server on ${port} answers`, async () => (await cli(port, 'ping')).trim() === 'PONG');
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    const healthy = async (port) => {
      const info = await cli(port, 'cluster', 'info');
      return info.includes('cluster_state:ok') && info.includes('cluster_slots_assigned:16384') && info.includes(`cluster_known_nodes:${masters}`);
    };
    for (const port of ports) await waitFor(`node ${port} reports the cluster ok`, () => healthy(port));
    return { nodes: ports.map((p) => `127.0.0.1:${p}`).join(','), ports, dir };
  } catch (error) {
    await stopCluster(dir);
    throw error;
  }
}

/** Stops the servers started in `dir` (by their pid files) and removes it. */
export async function stopCluster(dir) {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pid'))) {
    const pid = Number(readFileSync(join(dir, file), 'utf8').trim());
    if (!(pid > 0)) continue;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      continue; // already gone
    }
    for (let i = 0; i < 50; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await sleep(100);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, arg] = process.argv.slice(2);
  const main = async () => {
    if (command === 'start') {
      const cluster = await startCluster({ masters: arg ? Number(arg) : 3 });
      console.log(`REDIS_CLUSTER_NODES=${cluster.nodes}`);
      console.log(`REDIS_CLUSTER_DIR=${cluster.dir}`);
    } else if (command === 'stop' && arg) {
      await stopCluster(arg);
    } else {
      throw new Error('usage: node scripts/redis-cluster.mjs start [masters] | stop DIR');
    }
  };
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
