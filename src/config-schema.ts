import { z } from 'zod';
import { DURABILITY_MODES } from './ops/choose-durability.ts';

/** Every setting, its type and its bounds; defaults live in config/default.yaml, overrides in the environment. */
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
// z.coerce.boolean() would read the string "false" as true.
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');

/** `host:port` (a hostname, an IPv4 address or a bracketed IPv6 one). */
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[\w.-]+):(\d{1,5})$/;
export interface HostPort {
  host: string;
  port: number;
}
function hostPort(text: string): HostPort | undefined {
  const match = HOST_PORT.exec(text.trim());
  const number = Number(match?.[2]);
  if (!match?.[1] || !(number > 0 && number <= 65535)) return undefined;
  return { host: match[1].replace(/^\[|\]$/g, ''), port: number };
}
/** A comma-separated list (the environment's form) or a YAML list. */
const listOf = (value: unknown): unknown => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value);
const hostPorts = z.preprocess(
  listOf,
  z.array(z.string().refine((s) => hostPort(s) !== undefined, 'each node must be host:port, e.g. 10.0.0.11:6379')).transform((list) => list.map((s) => hostPort(s) as HostPort)),
);
/** `from=to` pairs (`10.0.0.11:6379=203.0.113.5:7001,…`) or a YAML mapping: ioredis' natMap. */
const pairsOf = (value: unknown): unknown =>
  typeof value === 'string' ? Object.fromEntries((listOf(value) as string[]).map((pair) => [pair.split('=')[0]?.trim() ?? '', pair.split('=').slice(1).join('=').trim()])) : value;
const natMap = z.preprocess(
  pairsOf,
  z
    .record(
      z.string().refine((s) => hostPort(s) !== undefined, 'each entry must be host:port=host:port (the address a node announces = the one we reach it at)'),
      z.string().refine((s) => hostPort(s) !== undefined, 'each entry must be host:port=host:port (the address a node announces = the one we reach it at)'),
    )
    .transform((map) => Object.fromEntries(Object.entries(map).map(([from, to]) => [from, hostPort(to) as HostPort]))),
);

export const fileSchema = z.object({
  server: z.object({
    port,
    host: z.string(),
    publicUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://ga.example.com' })]),
    trustProxy: flag,
    sidebarFrameAncestors: z.string(),
    bodyLimitBytes: positiveInt,
    shutdownGraceMs: positiveInt,
  }),
  redis: z.object({
    url: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://'),
    clusterNodes: hostPorts,
    natMap,
    username: z.string(),
    tls: flag,
    // One optional hash tag ({tenant}) pins every key to one slot; anything else with braces would split keys
    // that must share a slot (see src/conversation/keys.ts).
    prefix: z
      .string()
      .min(1)
      .regex(/^[\w:.-]*(\{[\w:.-]+\})?[\w:.-]*$/, 'letters, digits, _ : . - and at most one {tag} (e.g. ga: or {shop1}:)'),
    enqueueTimeoutMs: positiveInt,
    startLocal: flag,
  }),
  wecom: z.object({
    corpId: z.string(),
    agentId: z.string().regex(/^\d*$/, 'must be the numeric AgentId'),
    apiBaseUrl: z.url(),
    timestampWindowSec: positiveInt,
    apiTimeoutMs: positiveInt,
    oauthAuthorizeUrl: z.url(),
    welcomeTemplate: z.string(),
  }),
  archive: z.object({
    url: z.union([z.literal(''), z.url()]),
    timeoutMs: positiveInt,
    pageLimit: z.coerce.number().int().min(1).max(1000),
    sdk: z.object({
      path: z.string(),
      privateKeys: z.string(),
      proxy: z.union([z.literal(''), z.string().regex(/^(socks5|http):\/\/[^\s/]+:\d+$/, 'must be socks5://host:port or http://host:port')]),
      timeoutSec: z.coerce.number().int().min(1).max(300),
      callGraceMs: positiveInt,
      maxRetries: z.coerce.number().int().min(0).max(10),
      retryBaseMs: positiveInt,
      retryMaxMs: positiveInt,
      rsaThreads: z.coerce.number().int().min(1).max(32),
    }),
    media: z
      .object({ mode: z.enum(['placeholder', 'store']), dir: z.string().min(1), maxBytes: positiveInt, maxFileBytes: positiveInt })
      .refine((m) => m.maxFileBytes <= m.maxBytes, { message: 'maxFileBytes must not exceed maxBytes', path: ['maxFileBytes'] }),
    consent: z.object({ agreedTtlSec: positiveInt, refusedTtlSec: positiveInt }),
  }),
  retention: z.object({
    conversationTtlDays: positiveInt,
    conversationMaxMessages: positiveInt,
    dedupeTtlSec: positiveInt,
  }),
  org: z.object({ file: z.string().min(1) }),
  spool: z.object({ dir: z.string().min(1), replayIntervalMs: positiveInt }),
  durability: z.object({ mode: z.enum(DURABILITY_MODES), journalWindowMs: positiveInt, waitaofTimeoutMs: positiveInt }),
  worker: z.object({
    enabled: flag,
    concurrency: positiveInt,
    attempts: positiveInt,
    lockDurationMs: positiveInt,
    stalledIntervalMs: positiveInt,
    maxStalledCount: positiveInt,
    claimIdleMs: positiveInt,
  }),
  queues: z.object({
    completedAgeSec: positiveInt,
    completedCount: positiveInt,
    failedAgeSec: positiveInt,
    failedCount: positiveInt,
    eventsMaxLen: positiveInt,
  }),
  assist: z.object({
    engine: z.enum(['offline', 'llm']),
    knowledgeDir: z.string().min(1),
    debounceMs: z.coerce.number().int().min(0),
    suggestConcurrency: positiveInt,
    staleCheckMs: positiveInt,
    llm: z.object({ baseUrl: z.string(), model: z.string(), timeoutMs: positiveInt }),
  }),
  review: z.object({
    escalateAfterMin: positiveInt,
    notifyBatchMs: positiveInt,
    sentSampleRate: z.coerce.number().min(0).max(1),
    auditRetentionDays: positiveInt,
    approvalSeverity: z.record(z.string(), z.enum(['info', 'warn', 'block'])),
  }),
  lifecycle: z.object({
    enabled: flag,
    runAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24h, Asia/Shanghai)'),
    memberTtlDays: positiveInt,
    importMaxBytes: positiveInt,
    rules: z.array(z.enum(['birthday', 'win_back', 'points_expiring', 'new_arrival'])),
    birthday: z.object({ daysBefore: z.coerce.number().int().min(0).max(60) }),
    winBack: z.object({ afterDays: positiveInt, offer: z.string() }),
    pointsExpiring: z.object({ withinDays: positiveInt, minBalance: z.coerce.number().int().min(0) }),
    newArrival: z.object({ withinDays: positiveInt }),
  }),
  log: z.object({ level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']) }),
  demo: z.object({ emulatorPort: port }),
});

