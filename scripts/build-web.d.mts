export type PageName = 'sidebar' | 'review';

export interface WebBuildFile {
  /** Relative to the page's outDir, e.g. `main-3FJ2K.js`. */
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded with the page (false: a chunk fetched on demand, such as the WeCom SDK). */
  initial: boolean;
}

export interface PageBuild {
  page: PageName;
  /** Where the page was built: web/<page>/dist, or <outDir>/<page> when an outDir was given. */
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
  budgetBytes: number;
  withinBudget: boolean;
}

export interface WebBuild<P extends PageName = PageName> {
  pages: Record<P, PageBuild>;
  /** Every page built is within its budget. */
  withinBudget: boolean;
}

export interface WebBuildOptions<P extends PageName = PageName> {
  /** Default: every page. */
  pages?: P[];
  /** Build into <outDir>/<page> instead of web/<page>/dist (each replaced whole when the build is done). */
  outDir?: string;
  minify?: boolean;
  sourcemap?: boolean;
  /** No size table on stdout. */
  quiet?: boolean;
}

/** The sidebar's budget (JS+CSS, gzipped). */
export declare const GZIP_BUDGET_BYTES: number;
/** The review console's budget (JS+CSS, gzipped). */
export declare const REVIEW_GZIP_BUDGET_BYTES: number;
export declare const PAGES: Record<PageName, { title: string; stylesheet: string; budgetBytes: number }>;
export declare function buildWeb<P extends PageName = PageName>(options?: WebBuildOptions<P>): Promise<WebBuild<P>>;
