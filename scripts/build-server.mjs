// Compiles the service for production: src/main.ts and everything it imports bundled by esbuild into one
// ES module, dist/main.js (npm packages stay imports from node_modules), with a source map, and the files
// the code reads beside itself at run time (`new URL('./lua/…', import.meta.url)`, the emulator's ww.js)
// copied to where the bundle looks for them. `npm run start:prod` and the Docker image run the result with
// plain node; `npm start` keeps running the sources through tsx.
// Usage: `node scripts/build-server.mjs [outDir]` (default dist/), or `import { buildServer } from …`.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * Files read at run time relative to the module that reads them. In the bundle every module is dist/main.js,
 * so `./lua/x.lua` of any directory becomes dist/lua/x.lua: the names must not collide.
 */
function assets() {
  const src = join(ROOT, 'src');
  const files = walk(src).filter((path) => basename(dirname(path)) === 'lua' && path.endsWith('.lua'));
  const out = files.map((path) => ({ from: path, to: join('lua', basename(path)) }));
  out.push({ from: join(src, 'emulator', 'browser', 'ww.js'), to: join('browser', 'ww.js') });
  const seen = new Map();
  for (const { from, to } of out) {
    if (seen.has(to)) throw new Error(`build-server: ${relative(ROOT, from)} and ${relative(ROOT, seen.get(to))} would both be ${to}`);
    seen.set(to, from);
  }
  return out;
}

/** @param {{ outDir?: string, quiet?: boolean }} [options] */
export async function buildServer(options = {}) {
  const outDir = resolve(options.outDir ?? join(ROOT, 'dist'));
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as they are (BullMQ reads its own Lua files, pino its workers).
    packages: 'external',
    tsconfig: join(ROOT, 'tsconfig.json'),
    sourcemap: 'linked',
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'silent',
  });
  for (const { from, to } of assets()) {
    mkdirSync(dirname(join(outDir, to)), { recursive: true });
    copyFileSync(from, join(outDir, to));
  }
  const bytes = result.metafile.outputs[relative(ROOT, join(outDir, 'main.js'))]?.bytes ?? 0;
  if (!options.quiet) console.log(`server built into ${relative(process.cwd(), outDir) || '.'}: main.js ${(bytes / 1024).toFixed(0)} KB`);
  return { outDir, main: join(outDir, 'main.js') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildServer({ outDir: process.argv[2] }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
