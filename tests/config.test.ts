import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const FILES = ['config/default.yaml'];
const problemsOf = (env: Record<string, string>, files = FILES): string[] => {
  try {
    loadConfig(env, files);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('starts in demo mode with the documented defaults when nothing is set', () => {
    const config = loadConfig({}, FILES);
    expect(config.mode).toBe('demo');
    expect(config.server.port).toBe(3000);
    expect(config.redis).toMatchObject({ url: 'redis://127.0.0.1:6379', prefix: 'ga:' });
    expect(config.retention.conversationTtlDays).toBe(30);
    expect(config.wecom.timestampWindowSec).toBe(300);
    expect(config.redisUrlExplicit).toBe(false);
    expect(Object.isFrozen(config.redis)).toBe(true);
  });

  it('listens on 127.0.0.1 in demo mode unless HOST is set, and on every interface with WeCom credentials', () => {
    expect(loadConfig({}, FILES).server.host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }, FILES).server.host).toBe('0.0.0.0');
    const wecom = { WECOM_CORP_ID: 'ww1', WECOM_TOKEN: 't', WECOM_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', WECOM_AGENT_ID: '1', WECOM_SECRET: 's', SESSION_SECRET: 'a'.repeat(32), PUBLIC_URL: 'https://ga.example.com' };
    expect(loadConfig(wecom, FILES).server.host).toBe('0.0.0.0');
    expect(loadConfig({ ...wecom, HOST: '10.0.0.2' }, FILES).server.host).toBe('10.0.0.2');
  });

  it('takes the contract variables from the environment', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        REDIS_URL: 'redis://10.0.0.5:6380/2',
        REDIS_PREFIX: 'shop1:',
        WECOM_CORP_ID: 'ww123',
        WECOM_TOKEN: 'tok',
        WECOM_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
        WECOM_AGENT_ID: '1000002',
        WECOM_SECRET: 'sec',
        SESSION_SECRET: 'a'.repeat(40),
        PUBLIC_URL: 'https://ga.example.com',
        WORKER_ENABLED: 'false',
      },
      FILES,
    );
    expect(config).toMatchObject({ mode: 'wecom', redisUrlExplicit: true, server: { port: 8080 }, redis: { url: 'redis://10.0.0.5:6380/2', prefix: 'shop1:' } });
    expect(config.wecom).toMatchObject({ corpId: 'ww123', agentId: '1000002' });
    expect(config.secrets).toMatchObject({ wecomToken: 'tok', wecomSecret: 'sec' });
    expect(config.worker.enabled).toBe(false);
  });

  it('requires an http(s) PUBLIC_URL with WeCom credentials (the OAuth redirect and CSRF origin come from it)', () => {
    const wecom = { WECOM_CORP_ID: 'ww1', WECOM_TOKEN: 't', WECOM_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', WECOM_AGENT_ID: '1', WECOM_SECRET: 's', SESSION_SECRET: 'a'.repeat(32) };
    expect(problemsOf(wecom)).toEqual(['PUBLIC_URL is required when WeCom credentials are given']);
    expect(problemsOf({ ...wecom, PUBLIC_URL: 'ga.example.com' })).toEqual([expect.stringContaining('PUBLIC_URL')]);
    expect(problemsOf({ PUBLIC_URL: 'ftp://ga.example.com' })).toEqual([expect.stringContaining('PUBLIC_URL')]);
    expect(loadConfig({ ...wecom, PUBLIC_URL: 'https://ga.example.com' }, FILES).server.trustProxy).toBe(false);
    expect(loadConfig({ ...wecom, PUBLIC_URL: 'https://ga.example.com', TRUST_PROXY: 'true' }, FILES).server.trustProxy).toBe(true);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ PORT: 'eighty', REDIS_URL: 'http://x', WECOM_CORP_ID: 'ww1', WECOM_AES_KEY: 'short', LOG_LEVEL: 'loud' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PORT (server.port)'),
        expect.stringContaining('REDIS_URL (redis.url)'),
        expect.stringContaining('LOG_LEVEL (log.level)'),
      ]),
    );
    expect(problemsOf({ WECOM_CORP_ID: 'ww1', WECOM_AES_KEY: 'short' })).toEqual(
      expect.arrayContaining([
        'WECOM_TOKEN is required when WeCom credentials are given',
        'WECOM_AGENT_ID is required when WeCom credentials are given',
        'WECOM_SECRET is required when WeCom credentials are given',
        'WECOM_AES_KEY must be the 43-character EncodingAESKey (letters and digits)',
      ]),
    );
    expect(problemsOf({ ARCHIVE_URL: 'http://127.0.0.1:9100' })).toEqual([expect.stringContaining('ARCHIVE_TOKEN'), expect.stringContaining('ARCHIVE_SECRET')]);
    expect(problemsOf({ FINANCE_SDK_PATH: '/opt/sdk/libWeWorkFinanceSdk_C.so', ARCHIVE_URL: 'http://127.0.0.1:9100', ARCHIVE_TOKEN: 't' })).toEqual([
      'set FINANCE_SDK_PATH (the SDK in this process) or ARCHIVE_URL (a sidecar), not both',
      expect.stringContaining('ARCHIVE_SECRET'),
      'ARCHIVE_PRIVATE_KEYS is required when FINANCE_SDK_PATH is set',
      'WECOM_CORP_ID is required when FINANCE_SDK_PATH is set',
    ]);
    expect(problemsOf({ ARCHIVE_PROXY: '10.0.0.1:8081', ARCHIVE_MEDIA: 'disk' })).toEqual([
      expect.stringContaining('ARCHIVE_PROXY (archive.sdk.proxy)'),
      expect.stringContaining('ARCHIVE_MEDIA (archive.media.mode)'),
    ]);
    expect(problemsOf({ ASSIST_ENGINE: 'llm' })).toEqual([
      'LLM_BASE_URL is required when ASSIST_ENGINE=llm',
      'LLM_MODEL is required when ASSIST_ENGINE=llm',
      'LLM_API_KEY is required when ASSIST_ENGINE=llm',
    ]);
  });

  it('takes a Redis Cluster (nodes, NAT map, credentials, TLS) and a prefix with one hash tag', () => {
    const nodes = '10.0.0.11:6379, 10.0.0.12:6379,redis-3.internal:7000';
    const natMap = '10.0.0.11:6379=203.0.113.5:7001,10.0.0.12:6379=203.0.113.5:7002';
    const env = { REDIS_CLUSTER_NODES: nodes, REDIS_CLUSTER_NAT_MAP: natMap, REDIS_USERNAME: 'ga', REDIS_PASSWORD: 'p@ss word', REDIS_TLS: 'true', REDIS_PREFIX: '{b}:' };
    const config = loadConfig(env, FILES);
    expect(config.redis.clusterNodes).toEqual([
      { host: '10.0.0.11', port: 6379 },
      { host: '10.0.0.12', port: 6379 },
      { host: 'redis-3.internal', port: 7000 },
    ]);
    expect(config.redis.natMap).toEqual({ '10.0.0.11:6379': { host: '203.0.113.5', port: 7001 }, '10.0.0.12:6379': { host: '203.0.113.5', port: 7002 } });
    expect(config.redis).toMatchObject({ username: 'ga', tls: true, prefix: '{b}:' });
    expect(config.secrets.redisPassword).toBe('p@ss word');
    expect(loadConfig({}, FILES).redis).toMatchObject({ clusterNodes: [], natMap: {}, tls: false });
  });

  it('refuses cluster nodes that are not host:port, and a prefix whose braces would split a key group', () => {
    expect(problemsOf({ REDIS_CLUSTER_NODES: '10.0.0.11:6379,10.0.0.12' })).toEqual([expect.stringMatching(/^REDIS_CLUSTER_NODES \(redis\.clusterNodes\.1\): .*host:port/)]);
    expect(problemsOf({ REDIS_CLUSTER_NAT_MAP: '10.0.0.11:6379' })).toEqual([expect.stringContaining('REDIS_CLUSTER_NAT_MAP')]);
    for (const prefix of ['ga{', 'ga}:', '{}:', '{a}{b}:', 'g a:']) expect(problemsOf({ REDIS_PREFIX: prefix }), prefix).toEqual([expect.stringContaining('REDIS_PREFIX')]);
    for (const prefix of ['ga:', '{b}:', 'brand:{shop1}:']) expect(problemsOf({ REDIS_PREFIX: prefix }), prefix).toEqual([]);
  });

  it('layers extra files over the defaults and reports unreadable ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const extra = join(dir, 'shop.yaml');
    writeFileSync(extra, 'retention:\n  conversationTtlDays: 7\n');
    expect(loadConfig({}, [...FILES, extra]).retention).toMatchObject({ conversationTtlDays: 7, conversationMaxMessages: 200 });
    expect(problemsOf({}, [...FILES, join(dir, 'missing.yaml')])[0]).toContain('missing.yaml');
  });
});
