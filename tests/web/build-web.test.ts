import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, GZIP_BUDGET_BYTES, type PageBuild } from '../../scripts/build-web.mjs';

let root: string;
let result: PageBuild;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ga-sidebar-build-'));
  result = (await buildWeb({ pages: ['sidebar'], outDir: root, quiet: true })).pages.sidebar;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildWeb for the sidebar', () => {
  it('writes index.html pointing at the hashed script and stylesheet it built, in <outDir>/sidebar', () => {
    expect(result.outDir).toBe(join(root, 'sidebar'));
    const html = readFileSync(result.indexHtml, 'utf8');
    expect(result.js).toMatch(/^main-[A-Z0-9]+\.js$/);
    expect(result.css).toMatch(/^sidebar-[A-Z0-9]+\.css$/);
    expect(html).toContain(`<script type="module" src="${result.js}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="${result.css}" />`);
    expect(html).not.toMatch(/%JS%|%CSS%/);
    for (const file of result.files) expect(existsSync(join(result.outDir, file.path))).toBe(true);
    // The server serves plain file names from the directory, nothing nested.
    for (const file of result.files) expect(file.path).not.toContain('/');
  });

  it('reports true gzipped sizes and stays within the 100 KB budget', () => {
    for (const file of result.files) expect(file.gzipBytes).toBe(gzipSync(readFileSync(join(result.outDir, file.path)), { level: 9 }).length);
    expect(result.gzipBytes).toBe(result.files.reduce((sum, f) => sum + f.gzipBytes, 0));
    expect(result.budgetBytes).toBe(GZIP_BUDGET_BYTES);
    expect(result.gzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    expect(result.withinBudget).toBe(true);
  });

  it('keeps the WeCom SDK out of the first load (fetched only when the page needs it)', () => {
    const main = readFileSync(join(result.outDir, result.js), 'utf8');
    expect(main).not.toContain('WeixinJSBridge');
    const lazy = result.files.filter((f) => !f.initial);
    expect(lazy.some((f) => readFileSync(join(result.outDir, f.path), 'utf8').includes('WeixinJSBridge'))).toBe(true);
    expect(result.initialGzipBytes).toBeLessThan(result.gzipBytes);
  });

  it('keeps the 待办 and 写文案 views out of the first load (fetched when the guide opens them)', () => {
    const text = (path: string): string => readFileSync(join(result.outDir, path), 'utf8');
    for (const phrase of ['今天没有待跟进的客户', '生成文案']) {
      expect(result.files.filter((f) => f.initial).some((f) => text(f.path).includes(phrase))).toBe(false);
      expect(result.files.filter((f) => !f.initial).some((f) => text(f.path).includes(phrase))).toBe(true);
    }
  });

  it('ships minified Chinese UI text and the shared base stylesheet, not source', () => {
    const main = readFileSync(join(result.outDir, result.js), 'utf8');
    expect(main).toContain('顾客发来消息后，这里会出现推荐回复');
    expect(main).not.toMatch(/\n {2}/);
    const css = readFileSync(join(result.outDir, result.css), 'utf8');
    expect(css).toMatch(/--brand: ?#0a66e8/);
    expect(css).not.toContain('@import');
  });
});

describe('buildWeb replacing a page directory', () => {
  it('builds every page by default, each into its own directory', async () => {
    const out = join(root, 'all');
    const both = await buildWeb({ outDir: out, quiet: true });
    expect(Object.keys(both.pages).sort()).toEqual(['review', 'sidebar']);
    expect(both.withinBudget).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['review', 'sidebar']);
  });

  it('replaces a stale directory whole and leaves the other page’s directory alone', async () => {
    const out = join(root, 'replace');
    mkdirSync(join(out, 'sidebar'), { recursive: true });
    mkdirSync(join(out, 'review'), { recursive: true });
    writeFileSync(join(out, 'sidebar', 'main-STALE.js'), 'old');
    writeFileSync(join(out, 'review', 'keep-me.js'), 'other page');
    const built = (await buildWeb({ pages: ['sidebar'], outDir: out, quiet: true })).pages.sidebar;
    const listed = readdirSync(built.outDir).sort();
    expect(listed).toEqual([...built.files.map((f) => f.path), 'index.html', 'manifest.json'].sort());
    expect(readFileSync(join(out, 'review', 'keep-me.js'), 'utf8')).toBe('other page');
    expect(readdirSync(out).sort()).toEqual(['review', 'sidebar']);
  });

  it('survives two builds of the same page at once, and leaves an identical build untouched', async () => {
    const out = join(root, 'parallel');
    const [first, second] = await Promise.all([
      buildWeb({ pages: ['sidebar'], outDir: out, quiet: true }),
      buildWeb({ pages: ['sidebar'], outDir: out, quiet: true }),
    ]);
    expect(first.pages.sidebar.js).toBe(second.pages.sidebar.js);
    const dir = first.pages.sidebar.outDir;
    expect(readdirSync(dir).sort()).toEqual([...first.pages.sidebar.files.map((f) => f.path), 'index.html', 'manifest.json'].sort());
    // No staging directories are left next to it.
    expect(readdirSync(out)).toEqual(['sidebar']);
    const before = statSync(join(dir, 'index.html')).ino;
    await buildWeb({ pages: ['sidebar'], outDir: out, quiet: true });
    expect(statSync(join(dir, 'index.html')).ino).toBe(before);
  });

  it('refuses a page it does not know', async () => {
    await expect(buildWeb({ pages: ['admin' as 'sidebar'], outDir: join(root, 'none'), quiet: true })).rejects.toThrow(/no page named admin/);
  });
});
