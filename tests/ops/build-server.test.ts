import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerBuild } from '../../scripts/build-server.mjs';
import { startDemoProcess, type DemoProcess } from '../support/demo-process.ts';

/**
 * `npm run build` / `npm run start:prod`: the service compiled to one ES module runs with plain node (no
 * TypeScript loader), finds the files it reads beside itself, and serves the demo.
 */
const ROOT = resolve(import.meta.dirname, '../..');
// Under the project, so the bundle's package imports resolve from its node_modules as dist/ does.
const outDir = join(ROOT, 'var', `build-test-${randomUUID().slice(0, 8)}`);
let build: ServerBuild;
let demo: DemoProcess;

beforeAll(async () => {
  build = await buildServer({ outDir, quiet: true });
  demo = await startDemoProcess({ name: 'prod-build', nodeArgs: ['--enable-source-maps', build.main] });
}, 120_000);

afterAll(async () => {
  await demo?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

describe('the compiled service', () => {
  it('is JavaScript with no TypeScript import left, plus the Lua scripts and the emulator script it reads', () => {
    const main = readFileSync(build.main, 'utf8');
    expect(main).not.toMatch(/from\s+['"][^'"]+\.ts['"]/);
    expect(main).toContain('intake-2.lua');
    for (const file of ['lua/intake-2.lua', 'lua/append-message-2.lua', 'lua/decide-approval-3.lua', 'browser/ww.js', 'main.js.map']) expect(existsSync(join(outDir, file)), file).toBe(true);
  });

  it('starts in demo mode with plain node and answers readiness, the demo page and its scripts', async () => {
    const ready = await fetch(new URL('/readyz', demo.url));
    expect(ready.status, await ready.clone().text()).toBe(200);
    const page = await fetch(demo.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="sidebar-frame"');
    expect((await fetch(new URL('/__emulator/ww.js', demo.url))).status).toBe(200);
  });
});
