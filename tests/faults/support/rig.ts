import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService, type ServiceProcess } from './service-process.ts';
import { startFakeWecom, type FakeWecom } from './fake-wecom.ts';
import { startPrivateRedis, type PrivateRedis } from './private-redis.ts';
import { createChecker, summaryLine, type Checker, type Verdict } from './verdict.ts';

/**
 * One fault scenario's world: a private redis-server, the fake WeCom, and the service processes it starts
 * (web and worker roles, as deployed). `close` kills what is still running and removes every dir.
 */
export interface Rig {
  name: string;
  redis: PrivateRedis;
  wecom: FakeWecom;
  prefix: string;
  check: Checker;
  /** A web process (callback route + spool) and its URL once it is up. `spoolDir` to restart one on its spool. */
  web(options?: { spoolDir?: string }): Promise<{ proc: ServiceProcess; url: string; spoolDir: string }>;
  /** A worker process (inbox pump + queue workers), once it is up. */
  worker(): Promise<ServiceProcess>;
  /** A web process's callback results so far (wecom_callbacks_total: accepted, duplicate, spooled, rejected). */
  callbacks(url: string): Promise<Record<string, number>>;
  /** Prints the scenario's summary line, seconds counted from the rig's start. */
  report(verdict: Verdict, extra?: string): void;
  /** Prints what the service processes logged at warn and above (for a scenario that failed). */
  printWarnings(): void;
  close(): Promise<void>;
}

export async function startRig(name: string, guideCount: number): Promise<Rig> {
  const started = performance.now();
  const redis = await startPrivateRedis();
  const wecom = await startFakeWecom(guideCount);
  const prefix = `faults:${name}:${randomUUID().slice(0, 8)}:`;
  const procs: ServiceProcess[] = [];
  const dirs: string[] = [];
  const env = (extra: Record<string, string>): Record<string, string> => ({
    ...wecom.env,
    REDIS_URL: redis.url,
    // The scenarios' own server, even where the calling shell points the suites at a cluster.
    REDIS_CLUSTER_NODES: '',
    REDIS_PREFIX: prefix,
    HOST: '127.0.0.1',
    LIFECYCLE_ENABLED: 'false',
    ...extra,
  });
  const spawnReady = async (role: 'web' | 'worker', extra: Record<string, string>): Promise<{ proc: ServiceProcess; url: string }> => {
    const proc = spawnService(role, env(extra));
    procs.push(proc);
    return { proc, url: await proc.ready };
  };
  const spoolDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), `ga-faults-spool-`));
    dirs.push(dir);
    return dir;
  };
  const check = createChecker(redis.url, prefix, wecom);
  return {
    name,
    redis,
    wecom,
    prefix,
    check,
    async web(options = {}) {
      const dir = options.spoolDir ?? spoolDir();
      return { ...(await spawnReady('web', { SPOOL_DIR: dir })), spoolDir: dir };
    },
    async worker() {
      // A worker has no spool of its own, but the setting must name a dir.
      return (await spawnReady('worker', { SPOOL_DIR: spoolDir() })).proc;
    },
    async callbacks(url) {
      const text = await (await fetch(`${url}/metrics`)).text();
      const counts: Record<string, number> = {};
      for (const [, result, n] of text.matchAll(/^wecom_callbacks_total\{result="(\w+)"\} (\d+)$/gm)) counts[result!] = Number(n);
      return counts;
    },
    report(verdict, extra) {
      console.log(summaryLine(name, verdict, (performance.now() - started) / 1000, extra));
    },
    printWarnings() {
      for (const proc of procs) for (const line of proc.warnings()) console.log(`  ${proc.role} ${proc.child.pid}: ${line.slice(0, 600)}`);
    },
    async close() {
      await Promise.all(procs.map((p) => p.stop('SIGKILL')));
      await check.close();
      await redis.close();
      await wecom.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one scenario in a rig of its own and closes the rig whatever happened; a failure shows the processes' warnings. */
export async function withRig<T>(name: string, guideCount: number, scenario: (rig: Rig) => Promise<T>): Promise<T> {
  const rig = await startRig(name, guideCount);
  try {
    return await scenario(rig);
  } catch (error) {
    rig.printWarnings();
    throw error;
  } finally {
    await rig.close();
  }
}
