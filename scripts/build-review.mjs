// Bundles the store manager's review console (web/review) with esbuild: minified JS and CSS with
// content-hashed names, index.html pointing at them, and the gzipped size of what a browser downloads.
// Usage: `node scripts/build-review.mjs` or `import { buildReview } from './scripts/build-review.mjs'`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REVIEW = join(ROOT, 'web', 'review');
/** The goal from the review console issue: the page's JS+CSS, charts included, stays within this, gzipped. */
export const REVIEW_GZIP_BUDGET_BYTES = 120 * 1024;

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * @param {{ outDir?: string, minify?: boolean, sourcemap?: boolean, quiet?: boolean }} [options]
 * @returns {Promise<import('./build-review.d.mts').ReviewBuild>}
 */
export async function buildReview(options = {}) {
  const outDir = resolve(options.outDir ?? join(REVIEW, 'dist'));
  const minify = options.minify ?? true;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: join(REVIEW, 'src', 'main.tsx'), review: join(REVIEW, 'src', 'review.css') },
    // Flat: the server serves plain file names from this directory (no subdirectories).
    outdir: outDir,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Desktop browsers and WeCom's webviews (Chromium-based on Android and desktop, WKWebView on iOS 15+).
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
  const pageEntry = (output, name) => output.entryPoint !== undefined && relative(ROOT, resolve(ROOT, output.entryPoint)) === join('web', 'review', 'src', name);
  const jsPath = Object.keys(outputs).find((p) => p.endsWith('.js') && pageEntry(outputs[p], 'main.tsx'));
  const cssPath = Object.keys(outputs).find((p) => p.endsWith('.css') && pageEntry(outputs[p], 'review.css'));
  if (!jsPath || !cssPath) throw new Error('build-review: esbuild produced no main script or stylesheet');
  const toOut = (path) => relative(outDir, resolve(ROOT, path)).split('\\').join('/');
  const files = Object.keys(outputs)
    .filter((path) => /\.(js|css)$/.test(path))
    .map((path) => {
      const bytes = readFileSync(resolve(ROOT, path));
      return { path: toOut(path), bytes: bytes.length, gzipBytes: gzipSize(bytes) };
    });
  const js = toOut(jsPath);
  const css = toOut(cssPath);

  const template = readFileSync(join(REVIEW, 'index.html'), 'utf8');
  const html = template.replace('%CSS%', css).replace('%JS%', js);
  writeFileSync(join(outDir, 'index.html'), html);
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ js, css, files }, null, 2)}\n`);

  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const summary = { outDir, indexHtml: join(outDir, 'index.html'), js, css, files, gzipBytes, withinBudget: gzipBytes <= REVIEW_GZIP_BUDGET_BYTES };
  if (!options.quiet) printSummary(summary);
  return summary;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function printSummary(summary) {
  console.log(`review console built into ${relative(process.cwd(), summary.outDir) || '.'}`);
  for (const f of summary.files) console.log(`  ${f.path.padEnd(40)} ${kb(f.bytes).padStart(9)}  gzip ${kb(f.gzipBytes).padStart(8)}`);
  console.log(`  JS+CSS gzipped: ${kb(summary.gzipBytes)} (budget ${kb(REVIEW_GZIP_BUDGET_BYTES)})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildReview().then(
    (summary) => process.exit(summary.withinBudget ? 0 : 1),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
