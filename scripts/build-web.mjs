// Bundles the browser pages with esbuild: the guide sidebar (web/sidebar) and the manager's review console
// (web/review). Per page: minified JS and CSS with content-hashed names, index.html pointing at them, and the
// gzipped size of what a browser downloads, checked against the page's budget.
// Usage: `node scripts/build-web.mjs [sidebar] [review]` (both when none is named; exit 1 over budget), or
// `import { buildWeb } from './scripts/build-web.mjs'`.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The goal from the sidebar issue: the page's JS+CSS stays within this, gzipped. */
export const GZIP_BUDGET_BYTES = 100 * 1024;
/** The goal from the review console issue: the page's JS+CSS, charts included, stays within this, gzipped. */
export const REVIEW_GZIP_BUDGET_BYTES = 120 * 1024;

/** @type {Record<import('./build-web.d.mts').PageName, { title: string, stylesheet: string, budgetBytes: number }>} */
export const PAGES = {
  sidebar: { title: 'sidebar', stylesheet: 'sidebar.css', budgetBytes: GZIP_BUDGET_BYTES },
  review: { title: 'review console', stylesheet: 'review.css', budgetBytes: REVIEW_GZIP_BUDGET_BYTES },
};

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * @param {import('./build-web.d.mts').WebBuildOptions} [options]
 * @returns {Promise<import('./build-web.d.mts').WebBuild>}
 */
export async function buildWeb(options = {}) {
  const names = options.pages ?? Object.keys(PAGES);
  const pages = {};
  for (const name of names) {
    if (!Object.hasOwn(PAGES, name)) throw new Error(`build-web: no page named ${name} (pages: ${Object.keys(PAGES).join(', ')})`);
    const outDir = resolve(options.outDir ? join(options.outDir, name) : join(ROOT, 'web', name, 'dist'));
    pages[name] = await buildPage(name, outDir, options);
    if (!options.quiet) printSummary(pages[name]);
  }
  return { pages, withinBudget: Object.values(pages).every((page) => page.withinBudget) };
}

async function buildPage(name, outDir, options) {
  const page = PAGES[name];
  const src = join(ROOT, 'web', name, 'src');
  // Built aside and moved into place whole, so a server (or a test) reading the directory meanwhile never
  // sees it half written, and two builds of the same page at once cannot mix their files. The staging
  // directory is named like the output (`dist`) so a build killed halfway leaves nothing git would list.
  const staging = join(dirname(outDir), `.${basename(outDir)}-staging-${randomUUID().slice(0, 8)}`);
  const stagedDir = join(staging, basename(outDir));
  mkdirSync(stagedDir, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: ROOT,
      entryPoints: { main: join(src, 'main.tsx'), [page.stylesheet.replace(/\.css$/, '')]: join(src, page.stylesheet) },
      // Flat: the server serves plain file names from this directory (no subdirectories).
      outdir: stagedDir,
      entryNames: '[name]-[hash]',
      chunkNames: 'chunk-[hash]',
      bundle: true,
      // Code imported on first use (the WeCom SDK in the sidebar) becomes a chunk the page fetches when needed.
      splitting: true,
      format: 'esm',
      platform: 'browser',
      // Desktop browsers and WeCom's webviews: Chromium-based on Android and desktop, WKWebView on iOS (15+: the SDK needs it).
      target: ['es2020', 'chrome87', 'safari15'],
      jsx: 'automatic',
      jsxImportSource: 'preact',
      tsconfig: join(ROOT, 'tsconfig.json'),
      define: { 'process.env.NODE_ENV': '"production"' },
      minify: options.minify ?? true,
      sourcemap: options.sourcemap ?? false,
      legalComments: 'none',
      // Chinese UI text as UTF-8 (3 bytes a character) rather than \u escapes (6); module scripts are always UTF-8.
      charset: 'utf8',
      metafile: true,
      logLevel: 'silent',
      write: true,
    });
    const summary = describeOutputs(name, result.metafile.outputs, stagedDir, outDir);
    const template = readFileSync(join(ROOT, 'web', name, 'index.html'), 'utf8');
    writeFileSync(join(stagedDir, 'index.html'), template.replace('%CSS%', summary.css).replace('%JS%', summary.js));
    writeFileSync(join(stagedDir, 'manifest.json'), `${JSON.stringify({ js: summary.js, css: summary.css, files: summary.files }, null, 2)}\n`);
    publish(stagedDir, outDir, staging);
    return summary;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The page's script and stylesheet, every JS/CSS file with its sizes, and whether it is loaded up front. */
function describeOutputs(name, outputs, stagedDir, outDir) {
  const isEntry = (output, file) => output.entryPoint !== undefined && relative(ROOT, resolve(ROOT, output.entryPoint)) === join('web', name, 'src', file);
  const jsPath = Object.keys(outputs).find((p) => p.endsWith('.js') && isEntry(outputs[p], 'main.tsx'));
  const cssPath = Object.keys(outputs).find((p) => p.endsWith('.css') && isEntry(outputs[p], PAGES[name].stylesheet));
  if (!jsPath || !cssPath) throw new Error(`build-web: esbuild produced no main script or stylesheet for ${name}`);
  // What the page downloads up front: the entry files and what they import statically (not dynamic chunks).
  const initial = new Set();
  const visit = (path) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(jsPath);
  visit(cssPath);
  const toOut = (path) => relative(stagedDir, resolve(ROOT, path)).split('\\').join('/');
  const files = Object.keys(outputs)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => {
      const bytes = readFileSync(resolve(ROOT, path));
      return { path: toOut(path), bytes: bytes.length, gzipBytes: gzipSize(bytes), initial: initial.has(path) };
    });
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const initialGzipBytes = files.filter((f) => f.initial).reduce((sum, f) => sum + f.gzipBytes, 0);
  const { budgetBytes } = PAGES[name];
  return { page: name, outDir, indexHtml: join(outDir, 'index.html'), js: toOut(jsPath), css: toOut(cssPath), files, gzipBytes, initialGzipBytes, budgetBytes, withinBudget: gzipBytes <= budgetBytes };
}

/**
 * Moves the staged build to `outDir`. A build identical to what is there leaves it untouched (parallel
 * builds from the same sources); otherwise the old directory is moved away and the new one renamed in.
 */
function publish(stagedDir, outDir, staging) {
  if (sameFiles(stagedDir, outDir)) return;
  mkdirSync(dirname(outDir), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      renameSync(stagedDir, outDir);
      return;
    } catch (error) {
      if (error?.code !== 'ENOTEMPTY' && error?.code !== 'EEXIST') throw error;
    }
    const old = join(staging, `old-${attempt}`, basename(outDir));
    mkdirSync(dirname(old), { recursive: true });
    try {
      renameSync(outDir, old);
    } catch (error) {
      // Another build moved it first: try again.
      if (error?.code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`build-web: could not replace ${outDir} (other builds kept writing it)`);
}

function sameFiles(a, b) {
  if (!existsSync(b)) return false;
  const names = readdirSync(a).sort();
  const other = readdirSync(b).sort();
  if (names.join('\n') !== other.join('\n')) return false;
  return names.every((name) => readFileSync(join(a, name)).equals(readFileSync(join(b, name))));
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function printSummary(summary) {
  console.log(`${PAGES[summary.page].title} built into ${relative(process.cwd(), summary.outDir) || '.'}`);
  for (const f of summary.files) console.log(`  ${f.path.padEnd(40)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzipBytes).padStart(8)}${f.initial ? '' : '  (loaded on demand)'}`);
  const overBudget = summary.withinBudget ? '' : '  OVER BUDGET';
  console.log(`  JS+CSS gzipped: ${kb(summary.gzipBytes)} in all, ${kb(summary.initialGzipBytes)} on first load (budget ${kb(summary.budgetBytes)})${overBudget}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const named = process.argv.slice(2);
  buildWeb(named.length > 0 ? { pages: named } : {}).then(
    (result) => process.exit(result.withinBudget ? 0 : 1),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
