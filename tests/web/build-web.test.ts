import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, GZIP_BUDGET_BYTES, type WebBuild } from '../../scripts/build-web.mjs';

let outDir: string;
let result: WebBuild;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ga-sidebar-build-'));
  result = await buildWeb({ outDir, quiet: true });
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('buildWeb', () => {
  it('writes index.html pointing at the hashed script and stylesheet it built', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(result.js).toMatch(/^main-[A-Z0-9]+\.js$/);
    expect(result.css).toMatch(/^sidebar-[A-Z0-9]+\.css$/);
    expect(html).toContain(`<script type="module" src="${result.js}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="${result.css}" />`);
    expect(html).not.toMatch(/%JS%|%CSS%/);
    for (const file of result.files) expect(existsSync(join(outDir, file.path))).toBe(true);
    // The server serves plain file names from the directory, nothing nested.
    for (const file of result.files) expect(file.path).not.toContain('/');
  });

  it('reports true gzipped sizes and stays within the 100 KB budget', () => {
    for (const file of result.files) expect(file.gzipBytes).toBe(gzipSync(readFileSync(join(outDir, file.path)), { level: 9 }).length);
    expect(result.gzipBytes).toBe(result.files.reduce((sum, f) => sum + f.gzipBytes, 0));
    expect(result.gzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    expect(result.withinBudget).toBe(true);
  });

  it('keeps the WeCom SDK out of the first load (fetched only when the page needs it)', () => {
    const main = readFileSync(join(outDir, result.js), 'utf8');
    expect(main).not.toContain('WeixinJSBridge');
    const lazy = result.files.filter((f) => !f.initial);
    expect(lazy.some((f) => readFileSync(join(outDir, f.path), 'utf8').includes('WeixinJSBridge'))).toBe(true);
    expect(result.initialGzipBytes).toBeLessThan(result.gzipBytes);
  });

  it('ships minified Chinese UI text, not source', () => {
    const main = readFileSync(join(outDir, result.js), 'utf8');
    expect(main).toContain('顾客发来消息后，这里会出现推荐回复');
    expect(main).not.toMatch(/\n {2}/);
  });
});
