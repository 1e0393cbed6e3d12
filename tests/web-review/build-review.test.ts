import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, REVIEW_GZIP_BUDGET_BYTES, type PageBuild } from '../../scripts/build-web.mjs';

let root: string;
let result: PageBuild;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ga-review-build-'));
  result = (await buildWeb({ pages: ['review'], outDir: root, quiet: true })).pages.review;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('buildWeb for the review console', () => {
  it('writes index.html pointing at the hashed script and stylesheet, all in one flat directory', () => {
    const html = readFileSync(result.indexHtml, 'utf8');
    expect(result.js).toMatch(/^main-[A-Z0-9]+\.js$/);
    expect(result.css).toMatch(/^review-[A-Z0-9]+\.css$/);
    expect(html).toContain(`<script type="module" src="${result.js}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="${result.css}" />`);
    expect(html).not.toMatch(/%JS%|%CSS%/);
    for (const file of result.files) {
      expect(existsSync(join(result.outDir, file.path))).toBe(true);
      expect(file.path).not.toContain('/');
    }
  });

  it('reports true gzipped sizes and stays within the 120 KB budget, charts included', () => {
    for (const file of result.files) expect(file.gzipBytes).toBe(gzipSync(readFileSync(join(result.outDir, file.path)), { level: 9 }).length);
    expect(result.gzipBytes).toBe(result.files.reduce((sum, f) => sum + f.gzipBytes, 0));
    expect(result.budgetBytes).toBe(REVIEW_GZIP_BUDGET_BYTES);
    expect(result.gzipBytes).toBeLessThanOrEqual(REVIEW_GZIP_BUDGET_BYTES);
    expect(result.withinBudget).toBe(true);
  });

  it('ships minified Chinese UI text, not source', () => {
    const main = readFileSync(join(result.outDir, result.js), 'utf8');
    expect(main).toContain('没有待审核的回复');
    expect(main).toContain('只有店长和总部运营可以使用审核台');
    expect(main).not.toMatch(/\n {2}/);
  });

  it('bundles chartist’s line and bar charts with its stylesheet, but not the pie chart it does not use', () => {
    const main = readFileSync(join(result.outDir, result.js), 'utf8');
    expect(main).toContain('ct-horizontal-bars');
    expect(main).not.toContain('ct-chart-pie');
    const css = readFileSync(join(result.outDir, result.css), 'utf8');
    expect(css).toContain('.ct-label');
    expect(css).toMatch(/--brand: ?#0a66e8/);
    expect(css).not.toContain('@import');
  });
});
