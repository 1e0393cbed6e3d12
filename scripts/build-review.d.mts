export interface ReviewBuildFile {
  /** Relative to outDir, e.g. `main-3FJ2K.js`. */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface ReviewBuild {
  outDir: string;
  indexHtml: string;
  /** The page's script and stylesheet, relative to outDir. */
  js: string;
  css: string;
  files: ReviewBuildFile[];
  /** All JS+CSS, gzipped. */
  gzipBytes: number;
  withinBudget: boolean;
}

export interface ReviewBuildOptions {
  /** Default web/review/dist (emptied first). */
  outDir?: string;
  minify?: boolean;
  sourcemap?: boolean;
  /** No size table on stdout. */
  quiet?: boolean;
}

export declare const REVIEW_GZIP_BUDGET_BYTES: number;
export declare function buildReview(options?: ReviewBuildOptions): Promise<ReviewBuild>;
