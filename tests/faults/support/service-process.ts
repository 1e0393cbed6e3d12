import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const STARTED = 'guide assistant started';
/** Output kept for a failure message (the tail of stdout and stderr together). */
const KEEP_CHARS = 20_000;
const KEEP_WARNINGS = 300;

export type Role = 'web' | 'worker' | 'all';

export interface ServiceProcess {
  role: Role;
  child: ChildProcess;
  /** Resolves with the web URL ('' for a worker) once the process logged that it started; rejects if it exits first. */
  ready: Promise<string>;
  /** The tail of what it wrote, for failure messages. */
  output(): string;
  /** Its log lines at warn and above, and anything on stderr (the last few hundred). */
  warnings(): string[];
  /** Sends `signal` (SIGKILL for a crash, SIGTERM for a clean stop) and waits until the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The service as operators run it (`npm run web`, `npm run worker`, `npm start`): `node --import tsx
 * src/main.ts --role=…` with the given environment on top of this one's. Its log is read for the start line
 * (LOG_LEVEL must be info or lower) and otherwise drained, so a full pipe never stalls it.
 */
export function spawnService(role: Role, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', `--role=${role}`], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const warnings: string[] = [];
  let partial = '';
  const keep = (chunk: Buffer): void => {
    const text = chunk.toString();
    out = (out + text).slice(-KEEP_CHARS);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (!line.startsWith('{') || /"level":"(warn|error|fatal)"/.test(line)) warnings.push(line);
    warnings.splice(0, Math.max(0, warnings.length - KEEP_WARNINGS));
  };
  const ready = new Promise<string>((ok, fail) => {
    let head = '';
    const read = (chunk: Buffer): void => {
      head += chunk.toString();
      const line = head.split('\n').find((l) => l.includes(STARTED) && l.endsWith('}'));
      if (!line) return;
      child.stdout?.off('data', read);
      ok((JSON.parse(line) as { url?: string }).url ?? '');
    };
    child.stdout?.on('data', read);
    child.once('exit', (code, signal) => fail(new Error(`${role} exited (${signal ?? code}) before it started:\n${out}`)));
  });
  // A crash after start must not surface as an unhandled rejection.
  ready.catch(() => undefined);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { role, child, ready, output: () => out, warnings: () => [...warnings], stop: (signal = 'SIGTERM') => stopChild(child, signal) };
}

/** Sends `signal` to a child and waits for it to exit (SIGKILL after `graceMs` if it has not). */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill(signal);
  const forced = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(forced);
}
