export interface LocalCluster {
  /** `127.0.0.1:port,…`, the form REDIS_CLUSTER_NODES takes. */
  nodes: string;
  ports: number[];
  /** Where the servers keep their pid, log and nodes files (removed by stopCluster). */
  dir: string;
}

export declare function startCluster(options?: { masters?: number; dir?: string }): Promise<LocalCluster>;
export declare function stopCluster(dir: string): Promise<void>;
