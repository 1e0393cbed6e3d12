import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { fileSchema } from './config-schema.ts';

/**
 * loadConfig(env, files): the only place settings are read. Files give every setting and its default;
 * the environment overrides them and is the only source of secrets. One error lists every problem.
 */

export type Settings = ReturnType<typeof fileSchema.parse>;

export interface Secrets {
  wecomToken: string;
  wecomAesKey: string;
  wecomSecret: string;
  wecomContactSecret: string;
  wecomKfSecret: string;
  /** Bearer token of the chat-archive sidecar (ARCHIVE_TOKEN). */
  archiveToken: string;
  /** The 会话内容存档 Secret (ARCHIVE_SECRET): Finance SDK Init and the msgaudit consent APIs. */
  archiveSecret: string;
  /** user:password of ARCHIVE_PROXY (ARCHIVE_PROXY_PASSWORD). */
  archiveProxyPassword: string;
  llmApiKey: string;
  sessionSecrets: string[];
  /** Password of the Redis server or of every cluster node (REDIS_PASSWORD). */
  redisPassword: string;
}

export interface Config extends Settings {
  /** `demo` when no WeCom credentials are given: the built-in emulator plays WeCom. */
  mode: 'demo' | 'wecom';
  /** True when REDIS_URL was given explicitly (then we never start a local redis-server). */
  redisUrlExplicit: boolean;
  secrets: Secrets;
}

/** Environment variable → settings path. These names are a contract; extend, never rename. */
export const ENV_MAP: Record<string, string> = {
  PORT: 'server.port',
  HOST: 'server.host',
  PUBLIC_URL: 'server.publicUrl',
  TRUST_PROXY: 'server.trustProxy',
  REDIS_URL: 'redis.url',
  REDIS_PREFIX: 'redis.prefix',
  REDIS_CLUSTER_NODES: 'redis.clusterNodes',
  REDIS_CLUSTER_NAT_MAP: 'redis.natMap',
  REDIS_USERNAME: 'redis.username',
  REDIS_TLS: 'redis.tls',
  WECOM_CORP_ID: 'wecom.corpId',
  WECOM_AGENT_ID: 'wecom.agentId',
  WECOM_API_BASE_URL: 'wecom.apiBaseUrl',
  WECOM_WELCOME_TEMPLATE: 'wecom.welcomeTemplate',
  ARCHIVE_URL: 'archive.url',
  FINANCE_SDK_PATH: 'archive.sdk.path',
  ARCHIVE_PRIVATE_KEYS: 'archive.sdk.privateKeys',
  ARCHIVE_PROXY: 'archive.sdk.proxy',
  ARCHIVE_MEDIA: 'archive.media.mode',
  ARCHIVE_MEDIA_DIR: 'archive.media.dir',
  SPOOL_DIR: 'spool.dir',
  DURABILITY_MODE: 'durability.mode',
  ORG_FILE: 'org.file',
  WORKER_ENABLED: 'worker.enabled',
  ASSIST_ENGINE: 'assist.engine',
  KNOWLEDGE_DIR: 'assist.knowledgeDir',
  ASSIST_DEBOUNCE_MS: 'assist.debounceMs',
  ASSIST_SUGGEST_CONCURRENCY: 'assist.suggestConcurrency',
  LLM_BASE_URL: 'assist.llm.baseUrl',
  LLM_MODEL: 'assist.llm.model',
  LLM_TIMEOUT_MS: 'assist.llm.timeoutMs',
  LOG_LEVEL: 'log.level',
  REVIEW_SENT_SAMPLE_RATE: 'review.sentSampleRate',
  REVIEW_ESCALATE_AFTER_MIN: 'review.escalateAfterMin',
  REVIEW_NOTIFY_BATCH_MS: 'review.notifyBatchMs',
  DEMO_EMULATOR_PORT: 'demo.emulatorPort',
  LIFECYCLE_ENABLED: 'lifecycle.enabled',
  LIFECYCLE_RUN_AT: 'lifecycle.runAt',
  LIFECYCLE_MEMBER_TTL_DAYS: 'lifecycle.memberTtlDays',
  LIFECYCLE_BIRTHDAY_DAYS: 'lifecycle.birthday.daysBefore',
  LIFECYCLE_WIN_BACK_DAYS: 'lifecycle.winBack.afterDays',
  LIFECYCLE_WIN_BACK_OFFER: 'lifecycle.winBack.offer',
  LIFECYCLE_POINTS_DAYS: 'lifecycle.pointsExpiring.withinDays',
  LIFECYCLE_POINTS_MIN_BALANCE: 'lifecycle.pointsExpiring.minBalance',
  LIFECYCLE_NEW_ARRIVAL_DAYS: 'lifecycle.newArrival.withinDays',
};

const AES_KEY = /^[A-Za-z0-9]{43}$/;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isTree(current) && isTree(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function setPath(tree: Tree, path: string, value: string): void {
  const parts = path.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node[part] = isTree(next) ? { ...next } : {};
    node = node[part] as Tree;
  }
  node[parts.at(-1) as string] = value;
}

function deepFreeze<T>(value: T): T {
  if (isTree(value) || Array.isArray(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function readFiles(files: readonly string[], problems: string[]): Tree {
  let tree: Tree = {};
  for (const file of files) {
    try {
      const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
      if (parsed !== null && !isTree(parsed)) problems.push(`${file}: top level must be a mapping`);
      else if (parsed) tree = deepMerge(tree, parsed);
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return tree;
}

function readSecrets(env: Readonly<Record<string, string | undefined>>): Secrets {
  const get = (name: string): string => env[name]?.trim() ?? '';
  return {
    wecomToken: get('WECOM_TOKEN'),
    wecomAesKey: get('WECOM_AES_KEY'),
    wecomSecret: get('WECOM_SECRET'),
    wecomContactSecret: get('WECOM_CONTACT_SECRET'),
    wecomKfSecret: get('WECOM_KF_SECRET'),
    archiveToken: get('ARCHIVE_TOKEN'),
    archiveSecret: get('ARCHIVE_SECRET'),
    archiveProxyPassword: get('ARCHIVE_PROXY_PASSWORD'),
    llmApiKey: get('LLM_API_KEY'),
    sessionSecrets: get('SESSION_SECRET').split(',').map((s) => s.trim()).filter(Boolean),
    // Not trimmed: a password may end in a space.
    redisPassword: env.REDIS_PASSWORD ?? '',
  };
}

/** The few settings the cross-field rules read; taken from the raw tree so they run even when parsing failed. */
interface RuleInputs {
  publicUrl: string;
  corpId: string;
  agentId: string;
  engine: string;
  llmBaseUrl: string;
  llmModel: string;
  archiveUrl: string;
  financeSdkPath: string;
  archivePrivateKeys: string;
}

function ruleInputs(tree: Tree): RuleInputs {
  const at = (path: string): string => {
    let node: unknown = tree;
    for (const part of path.split('.')) node = isTree(node) ? node[part] : undefined;
    return node === undefined || node === null ? '' : String(node);
  };
  return {
    publicUrl: at('server.publicUrl'), corpId: at('wecom.corpId'), agentId: at('wecom.agentId'), engine: at('assist.engine'), llmBaseUrl: at('assist.llm.baseUrl'), llmModel: at('assist.llm.model'), archiveUrl: at('archive.url'),
    financeSdkPath: at('archive.sdk.path'),
    archivePrivateKeys: at('archive.sdk.privateKeys'),
  };
}

function checkModeRules(inputs: RuleInputs, secrets: Secrets, mode: Config['mode'], problems: string[]): void {
  if (mode === 'wecom') {
    const required: Array<[string, string]> = [
      ['WECOM_CORP_ID', inputs.corpId],
      ['WECOM_TOKEN', secrets.wecomToken],
      ['WECOM_AES_KEY', secrets.wecomAesKey],
      ['WECOM_AGENT_ID', inputs.agentId],
      ['WECOM_SECRET', secrets.wecomSecret],
      ['SESSION_SECRET', secrets.sessionSecrets.join(',')],
      // The OAuth redirect_uri and the CSRF origin come from it, never from a Host header anyone can send.
      ['PUBLIC_URL', inputs.publicUrl],
    ];
    for (const [name, value] of required) if (!value) problems.push(`${name} is required when WeCom credentials are given`);
    if (secrets.wecomAesKey && !AES_KEY.test(secrets.wecomAesKey)) {
      problems.push('WECOM_AES_KEY must be the 43-character EncodingAESKey (letters and digits)');
    }
  }
  if (inputs.archiveUrl && !secrets.archiveToken) problems.push('ARCHIVE_TOKEN is required when ARCHIVE_URL is set');
  checkArchiveRules(inputs, secrets, problems);
  if (secrets.sessionSecrets.some((s) => s.length < 32)) problems.push('SESSION_SECRET: each secret needs at least 32 characters');
  if (inputs.engine === 'llm') {
    if (!inputs.llmBaseUrl) problems.push('LLM_BASE_URL is required when ASSIST_ENGINE=llm');
    if (!inputs.llmModel) problems.push('LLM_MODEL is required when ASSIST_ENGINE=llm');
    if (!secrets.llmApiKey) problems.push('LLM_API_KEY is required when ASSIST_ENGINE=llm');
  }
}

function checkArchiveRules(inputs: RuleInputs, secrets: Secrets, problems: string[]): void {
  if (inputs.financeSdkPath && inputs.archiveUrl) problems.push('set FINANCE_SDK_PATH (the SDK in this process) or ARCHIVE_URL (a sidecar), not both');
  if ((inputs.financeSdkPath || inputs.archiveUrl) && !secrets.archiveSecret) {
    problems.push('ARCHIVE_SECRET (the 会话内容存档 Secret) is required when the chat archive is pulled: customer consent is checked with it');
  }
  if (inputs.financeSdkPath && !inputs.archivePrivateKeys) problems.push('ARCHIVE_PRIVATE_KEYS is required when FINANCE_SDK_PATH is set');
  if (inputs.financeSdkPath && !inputs.corpId) problems.push('WECOM_CORP_ID is required when FINANCE_SDK_PATH is set');
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, files: readonly string[]): Config {
  const problems: string[] = [];
  const tree = readFiles(files, problems);
  for (const [name, path] of Object.entries(ENV_MAP)) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(tree, path, value);
  }
  const parsed = fileSchema.safeParse(tree);
  if (!parsed.success) {
    const reverse = Object.fromEntries(Object.entries(ENV_MAP).map(([k, v]) => [v, k]));
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      // A list item (redis.clusterNodes.1) is named by its list's variable.
      const setting = issue.path.map((_, i) => issue.path.slice(0, issue.path.length - i).join('.')).find((p) => reverse[p]);
      problems.push(`${setting ? `${reverse[setting]} (${path})` : path}: ${issue.message}`);
    }
  }
  const secrets = readSecrets(env);
  const wecomGiven = Boolean(env.WECOM_CORP_ID || secrets.wecomToken || secrets.wecomAesKey || secrets.wecomSecret);
  const mode: Config['mode'] = wecomGiven ? 'wecom' : 'demo';
  checkModeRules(ruleInputs(tree), secrets, mode, problems);
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  // The demo signs in anyone who asks the emulator, so it stays on this machine unless HOST says otherwise.
  const host = parsed.data.server.host || (mode === 'demo' ? '127.0.0.1' : '0.0.0.0');
  return deepFreeze({ ...parsed.data, server: { ...parsed.data.server, host }, mode, redisUrlExplicit: Boolean(env.REDIS_URL), secrets });
}
