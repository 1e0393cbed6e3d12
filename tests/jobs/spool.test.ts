import { appendFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventJob } from '../../src/jobs/event-job.ts';
import { Spool } from '../../src/jobs/spool.ts';

const job = (n: number): EventJob => ({
  dedupeKey: `msg-${n}`,
  receivedAt: n,
  event: { type: 'text', corpId: 'ww', createTime: n, msgId: String(n), fromUser: 'u', agentId: '1', content: `m${n}` },
});

describe('Spool', () => {
  it('keeps appends in order on disk and hands them over once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const spool = new Spool(dir, 'a');
    await Promise.all([1, 2, 3].map((n) => spool.append(job(n))));
    expect(await spool.size()).toBe(3);
    const seen: string[] = [];
    expect(await spool.drain(async (entries) => void seen.push(...entries.map((e) => e.dedupeKey)))).toBe(3);
    expect(seen).toEqual(['msg-1', 'msg-2', 'msg-3']);
    expect(await spool.drain(async () => undefined)).toBe(0);
    expect(await spool.size()).toBe(0);
  });

  it('keeps a file whose replay failed, and replays it next time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const spool = new Spool(dir, 'a');
    await spool.append(job(1));
    await expect(spool.drain(async () => Promise.reject(new Error('redis gone')))).rejects.toThrow('redis gone');
    await spool.append(job(2));
    const seen: string[] = [];
    await spool.drain(async (entries) => void seen.push(...entries.map((e) => e.dedupeKey)));
    expect(seen).toEqual(['msg-1', 'msg-2']);
  });

  it('replays what a crashed run left, skipping a torn last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    const first = new Spool(dir, 'run1');
    await first.append(job(7));
    appendFileSync(join(dir, 'run1.ndjson'), '{"dedupeKey":"msg-8","ev'); // crash mid-write: never acknowledged
    const second = new Spool(dir, 'run2');
    await second.claimDir();
    const seen: string[] = [];
    expect(await second.drain(async (entries) => void seen.push(...entries.map((e) => e.dedupeKey)))).toBe(1);
    expect(seen).toEqual(['msg-7']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.ndjson') || f.endsWith('.ready'))).toEqual([]);
  });

  it('refuses a dir held by another live process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-'));
    appendFileSync(join(dir, 'owner.pid'), String(process.ppid));
    await expect(new Spool(dir, 'x').claimDir()).rejects.toMatchObject({ code: 'spool_dir_in_use' });
  });
});
