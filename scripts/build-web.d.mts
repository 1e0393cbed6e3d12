export interface WebBuildFile {
  /** Relative to outDir, e.g. `main-3FJ2K.js`. */
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded with the page (false: a chunk fetched on demand, such as the WeCom SDK). */
  initial: boolean;
}

export interface WebBuild {
  outDir: string;
  indexHtml: string;
  /** The page's script and stylesheet, relative to outDir. */
  js: string;
  css: string;
  files: WebBuildFile[];
  /** All JS+CSS, gzipped. */
  gzipBytes: number;
  /** What the first page load downloads, gzipped. */
  initialGzipBytes: number;
  withinBudget: boolean;
}

export interface WebBuildOptions {
  /** Default web/sidebar/dist (emptied first). */
  outDir?: string;
  minify?: boolean;
  sourcemap?: boolean;
  /** No size table on stdout. */
  quiet?: boolean;
}

export declare const GZIP_BUDGET_BYTES: number;
export declare function buildWeb(options?: WebBuildOptions): Promise<WebBuild>;
