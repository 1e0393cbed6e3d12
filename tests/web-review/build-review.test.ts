import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReview, REVIEW_GZIP_BUDGET_BYTES, type ReviewBuild } from '../../scripts/build-review.mjs';

let outDir: string;
let result: ReviewBuild;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ga-review-build-'));
  result = await buildReview({ outDir, quiet: true });
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('buildReview', () => {
  it('writes index.html pointing at the hashed script and stylesheet, all in one flat directory', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(result.js).toMatch(/^main-[A-Z0-9]+\.js$/);
    expect(result.css).toMatch(/^review-[A-Z0-9]+\.css$/);
    expect(html).toContain(`<script type="module" src="${result.js}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="${result.css}" />`);
    expect(html).not.toMatch(/%JS%|%CSS%/);
    for (const file of result.files) {
      expect(existsSync(join(outDir, file.path))).toBe(true);
      expect(file.path).not.toContain('/');
    }
  });

  it('reports true gzipped sizes and stays within the 120 KB budget', () => {
    for (const file of result.files) expect(file.gzipBytes).toBe(gzipSync(readFileSync(join(outDir, file.path)), { level: 9 }).length);
    expect(result.gzipBytes).toBe(result.files.reduce((sum, f) => sum + f.gzipBytes, 0));
    expect(result.gzipBytes).toBeLessThanOrEqual(REVIEW_GZIP_BUDGET_BYTES);
    expect(result.withinBudget).toBe(true);
  });

  it('ships minified Chinese UI text, not source', () => {
    const main = readFileSync(join(outDir, result.js), 'utf8');
    expect(main).toContain('没有待审核的回复');
    expect(main).toContain('只有店长和总部运营可以使用审核台');
    expect(main).not.toMatch(/\n {2}/);
  });
});
