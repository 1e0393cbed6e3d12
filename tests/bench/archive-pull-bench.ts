import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeys } from '../../src/conversation/keys.ts';
import { createFinanceArchiveSource } from '../../src/wecom/archive/finance/finance-archive-source.ts';
import { loadFinanceSdk } from '../../src/wecom/archive/finance/finance-sdk-library.ts';
import { loadPrivateKeyRing } from '../../src/wecom/archive/finance/private-key-ring.ts';
import { pullArchive } from '../../src/wecom/archive/pull-archive.ts';
import { archiveFixture, archiveKeyPair, buildFinanceStub, encryptRecord, textRecord } from '../support/finance-stub.ts';
import { deleteUnder, testRedis } from '../support/test-service.ts';

/**
 * Chat-archive pull throughput through the Finance SDK binding (archive_pull_records_per_s): `records` 1:1
 * text records, served by the gcc-built SDK stub in pages of 1,000, pulled by pullArchive with real RedisClient
 * (seq, seen ids, lock): per record GetChatData's share, the RSA step (node-forge, 2048-bit key), DecryptData
 * through koffi, mapping. The stub answers at once, so Tencent's network time is not in the figure.
 * archive_rsa_ms_per_record is the RSA step alone, the larger part of the cost. Both are wall-clock and move
 * with the machine's load; archive_pull_cpu_ms_per_record (this process's CPU time over the pull, per
 * record) does not.
 */
export async function benchArchivePull(
  records = 1000,
): Promise<{ archive_pull_records_per_s: number; archive_pull_cpu_ms_per_record: number; archive_rsa_ms_per_record: number }> {
  const stub = await buildFinanceStub();
  const dir = mkdtempSync(join(tmpdir(), 'archive-bench-'));
  const redis = testRedis();
  const keys = createKeys(`bench:${randomUUID().slice(0, 8)}:`);
  try {
    const key = archiveKeyPair(dir, 1);
    const fixture = archiveFixture(dir);
    const customers = ['wmLT0001', 'wmLT0002', 'wmLT0007'];
    for (let i = 0; i < records; i++) {
      const customer = customers[i % customers.length] as string;
      fixture.add(i % 2 === 0 ? textRecord(customer, 'guide.lin', `这件大衣有M码吗（${i}）`, 1_000 + i) : textRecord('guide.lin', customer, `有的，给您留一件（${i}）`, 1_000 + i), key);
    }
    stub.control('fixture', fixture.file);
    const ring = loadPrivateKeyRing(dir);
    const source = createFinanceArchiveSource({
      library: loadFinanceSdk(stub.path),
      corpId: 'ww_bench',
      secret: 'bench-secret',
      keys: ring,
      timeoutSec: 10,
      graceMs: 5000,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await pullArchive({ source, redis, keys, corpMembers: (id) => id === 'guide.lin', now: Date.now(), limit: 1000, lockTtlMs: 30_000, onMessages: async () => undefined });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000 / records;
    // One record at a time: the latency of the step on one thread.
    const sample = JSON.parse(encryptRecord({ msgid: 'x' }, key, 1, 'x')) as { encrypt_random_key: string };
    const rsaStarted = performance.now();
    for (let i = 0; i < 20; i++) await ring.decryptRandomKey(1, sample.encrypt_random_key);
    const rsaMs = (performance.now() - rsaStarted) / 20;
    await source.close?.();
    if (result.messages.length !== records) throw new Error(`pulled ${result.messages.length} of ${records} records`);

    console.log(
      `archive pull: ${records} records in ${result.pages} GetChatData calls, ${seconds.toFixed(1)} s, ${cpuMs.toFixed(1)} ms CPU a record; RSA step ${rsaMs.toFixed(1)} ms a record`,
    );
    return {
      archive_pull_records_per_s: Math.round(records / seconds),
      archive_pull_cpu_ms_per_record: Math.round(cpuMs * 10) / 10,
      archive_rsa_ms_per_record: Math.round(rsaMs * 10) / 10,
    };
  } finally {
    redis.disconnect();
    await deleteUnder(keys.prefix);
    rmSync(dir, { recursive: true, force: true });
    stub.dispose();
  }
}
