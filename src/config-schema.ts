import { z } from 'zod';

/** Every setting, its type and its bounds; defaults live in config/default.yaml, overrides in the environment. */
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
// z.coerce.boolean() would read the string "false" as true.
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1');

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
    prefix: z.string().min(1).regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only'),
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

