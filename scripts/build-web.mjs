// Bundles the guide sidebar (web/sidebar) with esbuild: minified JS and CSS with content-hashed names,
// index.html pointing at them, and the gzipped size of what a browser downloads.
// Usage: `node scripts/build-web.mjs` or `import { buildWeb } from './scripts/build-web.mjs'`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIDEBAR = join(ROOT, 'web', 'sidebar');
/** The goal from the sidebar issue: the page's JS+CSS stays within this, gzipped. */
export const GZIP_BUDGET_BYTES = 100 * 1024;

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * @param {{ outDir?: string, minify?: boolean, sourcemap?: boolean, quiet?: boolean }} [options]
 * @returns {Promise<import('./build-web.d.mts').WebBuild>}
 */
export async function buildWeb(options = {}) {
  const outDir = resolve(options.outDir ?? join(SIDEBAR, 'dist'));
  const minify = options.minify ?? true;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: join(SIDEBAR, 'src', 'main.tsx'), sidebar: join(SIDEBAR, 'src', 'sidebar.css') },
    // Flat: the server serves plain file names from this directory (no subdirectories).
    outdir: outDir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    // The WeCom SDK is imported on first use, so the demo (which uses the emulator's stand-in) never loads it.
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // WeCom's webviews: Chromium-based on Android and desktop, WKWebView on iOS (15+: the SDK needs it).
    target: ['es2020', 'chrome87', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    minify,
    sourcemap: options.sourcemap ?? false,
    legalComments: 'none',
    // Chinese UI text as UTF-8 (3 bytes a character) rather than \u escapes (6); module scripts are always UTF-8.
    charset: 'utf8',
    metafile: true,
    logLevel: 'silent',
    write: true,
  });

  const outputs = result.metafile.outputs;
  const pageEntry = (output, name) => output.entryPoint !== undefined && relative(ROOT, resolve(ROOT, output.entryPoint)) === join('web', 'sidebar', 'src', name);
  const jsPath = Object.keys(outputs).find((p) => p.endsWith('.js') && pageEntry(outputs[p], 'main.tsx'));
  const cssPath = Object.keys(outputs).find((p) => p.endsWith('.css') && pageEntry(outputs[p], 'sidebar.css'));
  if (!jsPath || !cssPath) throw new Error('build-web: esbuild produced no main script or stylesheet');
  // What the page downloads up front: the entry files and what they import statically (not dynamic chunks).
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(jsPath);
  visit(cssPath);
  const toOut = (path) => relative(outDir, resolve(ROOT, path)).split('\\').join('/');
  const files = Object.keys(outputs)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => {
      const bytes = readFileSync(resolve(ROOT, path));
      return { path: toOut(path), bytes: bytes.length, gzipBytes: gzipSize(bytes), initial: initial.has(path) };
    });
  const js = toOut(jsPath);
  const css = toOut(cssPath);

  const template = readFileSync(join(SIDEBAR, 'index.html'), 'utf8');
  const html = template.replace('%CSS%', css).replace('%JS%', js);
  writeFileSync(join(outDir, 'index.html'), html);
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ js, css, files }, null, 2)}\n`);

  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const initialGzipBytes = files.filter((f) => f.initial).reduce((sum, f) => sum + f.gzipBytes, 0);
  const summary = { outDir, indexHtml: join(outDir, 'index.html'), js, css, files, gzipBytes, initialGzipBytes, withinBudget: gzipBytes <= GZIP_BUDGET_BYTES };
  if (!options.quiet) printSummary(summary);
  return summary;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function printSummary(summary) {
  console.log(`sidebar built into ${relative(process.cwd(), summary.outDir) || '.'}`);
  for (const f of summary.files) console.log(`  ${f.path.padEnd(40)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzipBytes).padStart(8)}${f.initial ? '' : '  (loaded on demand)'}`);
  console.log(`  JS+CSS gzipped: ${kb(summary.gzipBytes)} in all, ${kb(summary.initialGzipBytes)} on first load (budget ${kb(GZIP_BUDGET_BYTES)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildWeb().then(
    (summary) => process.exit(summary.withinBudget ? 0 : 1),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
