import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildWeb } from '../../scripts/build-web.mjs';
import { deleteUnder, REDIS_URL } from './test-service.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'artifacts', 'e2e');

/** How long `npm start` may take to print the demo URL (a bound, not a speed goal). */
export const DEMO_START_MS = 90_000;

export interface DemoProcess {
  /** The demo page `npm start` printed ("Demo: open http://127.0.0.1:<port>/demo/ …"). */
  url: URL;
  /** Its Redis key prefix, unique to this run. */
  prefix: string;
  /** The demo page showing `guide`'s sidebar beside the chat with `customer`. */
  pageFor(guide: string, customer: string): string;
  /** Stops the service, then deletes its Redis keys, its spool dir and the extra dirs it was given. */
  stop(): Promise<void>;
}

export interface DemoOptions {
  /** Names the run in its Redis prefix and temp dirs (`e2e-review` → `test:e2e-review:<id>:`). */
  name: string;
  /** Settings on top of the demo's own (an LLM provider, a tenant copy, quick batching). */
  env?: Record<string, string>;
  /** Directories the test made for the service (a tenant copy), removed on stop. */
  removeOnStop?: string[];
  /** What node runs (default: the sources through tsx, as `npm start`). */
  nodeArgs?: string[];
}

/** The demo page URL in the service's output, once printed. */
function findDemoUrl(text: string): URL | undefined {
  const found = text.match(/https?:\/\/[^\s"'<>]+\/demo\/?[^\s"'<>]*/)?.[0];
  return found ? new URL(found) : undefined;
}

/**
 * `npm start` without WeCom credentials, as a browser test needs it: both pages built from the current
 * sources (as prestart does), then `node --import tsx src/main.ts` on ephemeral ports with its own Redis
 * prefix and spool dir, resolved once it prints the demo URL. A start that fails cleans up after itself.
 */
export async function startDemoProcess({ name, env: extra = {}, removeOnStop = [], nodeArgs = ['--import', 'tsx', 'src/main.ts'] }: DemoOptions): Promise<DemoProcess> {
  const prefix = `test:${name}:${randomUUID().slice(0, 8)}:`;
  const spoolDir = mkdtempSync(join(tmpdir(), `ga-${name}-spool-`));
  let child: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await deleteUnder(prefix);
    for (const dir of [spoolDir, ...removeOnStop]) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await buildWeb({ quiet: true });
    const env: Record<string, string> = {};
    // The demo runs without WeCom credentials or a config file, whatever the developer's shell has set.
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('WECOM_') && key !== 'CONFIG_FILE') env[key] = value;
    Object.assign(env, { PORT: '0', HOST: '127.0.0.1', REDIS_URL, REDIS_PREFIX: prefix, SPOOL_DIR: spoolDir, LOG_LEVEL: 'info', DEMO_EMULATOR_PORT: '0' }, extra);
    child = spawn(process.execPath, nodeArgs, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await waitForDemoUrl(child);
    const pageFor = (guide: string, customer: string): string => {
      const target = new URL(url);
      target.searchParams.set('guide', guide);
      target.searchParams.set('customer', customer);
      return target.toString();
    };
    return { url, prefix, pageFor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForDemoUrl(child: ChildProcess): Promise<URL> {
  let output = '';
  let found = false;
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no demo URL printed within ${DEMO_START_MS} ms:\n${output.slice(-3000)}`)), DEMO_START_MS);
    // Keeps reading after the URL is found, or a full pipe would stall the service.
    const read = (chunk: Buffer): void => {
      if (found) return;
      output += chunk.toString();
      const url = findDemoUrl(output);
      if (!url) return;
      found = true;
      clearTimeout(timer);
      ok(url);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

/** The demo and Chromium for one test file: started before its tests, stopped after them. */
export function demoWithBrowser(options: DemoOptions): { demo: () => DemoProcess; browser: () => Browser } {
  let demo: DemoProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    demo = await startDemoProcess(options);
    browser = await launchChromium();
  }, DEMO_START_MS + 30_000);
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  }, 30_000);
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start`);
    return value;
  };
  return { demo: () => need(demo, 'the demo'), browser: () => need(browser, 'Chromium') };
}

/** The emulated WeCom's view of a guide's tags on a customer ("组/标签"). */
export async function emulatorTags(demo: DemoProcess, customer: string, guide: string): Promise<string[]> {
  const response = await fetch(new URL('/__emulator/directory', demo.url));
  const directory = (await response.json()) as { customers: Array<{ external_userid: string; follow: Array<{ userid: string; tags: Array<{ group: string; name: string }> }> }> };
  const follow = directory.customers.find((c) => c.external_userid === customer)?.follow.find((f) => f.userid === guide);
  return (follow?.tags ?? []).map((t) => `${t.group}/${t.name}`);
}

/** Headless Chromium for the browser tests (CHROMIUM_PATH, else the system's). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A browser context in which the demo's WeCom sign-in (the emulator's authorize page) knows the member as
 * `userId`: the page's own /auth/login hop is answered by the real service, its redirect to the authorize
 * page only gains `emulator_user` (redirect hops themselves cannot be intercepted).
 */
export async function contextSignedInAs(browser: Browser, userId: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await context.route((url) => url.pathname === '/auth/login', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const authorize = new URL(response.headers().location ?? '');
    authorize.searchParams.set('emulator_user', userId);
    await route.fulfill({ response, headers: { ...response.headers(), location: authorize.toString() } });
  });
  return context;
}

/** A full-page screenshot into artifacts/e2e/<name>.png, for people to look at. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
