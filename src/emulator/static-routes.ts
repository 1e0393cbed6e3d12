import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sendText, type Router } from './http-kit.ts';

/** The `ww` stand-in and the demo page. Files are read per request so edits show on reload. */

const WW_JS = new URL('./browser/ww.js', import.meta.url);
// From the working directory, like the built pages (web/*/dist): the same in the sources and in dist/main.js.
const DEMO_DIR = resolve('web/demo');

const DEMO_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'demo.js': 'text/javascript; charset=utf-8',
  'render-lines.js': 'text/javascript; charset=utf-8',
  'pick-chat.js': 'text/javascript; charset=utf-8',
  'demo.css': 'text/css; charset=utf-8',
};

export function registerStaticRoutes(router: Router): void {
  // Under /__emulator/, so it gets the same CORS answer as the admin API (the service's pages only).
  router.on('GET', '/__emulator/ww.js', async (_req, res) => {
    sendText(res, 200, await readFile(WW_JS), 'text/javascript; charset=utf-8');
  });
  router.on('GET', '/', async (_req, res) => {
    res.writeHead(302, { location: '/demo/' });
    res.end();
  });
  router.on('GET', '/demo', async (_req, res) => {
    res.writeHead(302, { location: '/demo/' });
    res.end();
  });
  for (const [name, type] of Object.entries(DEMO_FILES)) {
    const path = name === 'index.html' ? '/demo/' : `/demo/${name}`;
    router.on('GET', path, async (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      sendText(res, 200, await readFile(join(DEMO_DIR, name)), type);
    });
  }
}
