declare module 'cluster-key-slot' {
  /** The Redis Cluster hash slot of a key: CRC16 of its hash tag (the first non-empty `{…}`), or of the whole key. */
  export default function generate(key: string): number;
}
