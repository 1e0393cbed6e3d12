export interface ServerBuildOptions {
  /** Default: dist/ (replaced whole). */
  outDir?: string;
  quiet?: boolean;
}

export interface ServerBuild {
  outDir: string;
  /** The bundle to run with node. */
  main: string;
}

export declare function buildServer(options?: ServerBuildOptions): Promise<ServerBuild>;
