/**
 * Imports a member file: every row is checked first; rows with problems (and customer ids that appear on
 * more than one row) are reported and skipped, and the good rows are written (member-store.ts: a write that
 * fails halfway is completed by importing again). A file that cannot be read at all throws before anything
 * is written.
 */
import type { Org } from '../org/org.ts';
import { chinaDay } from './china-date.ts';
import type { LifecycleMember } from './member.ts';
import type { MemberStore } from './member-store.ts';
import { readMemberFile, type MemberFileFormat } from './read-member-file.ts';
import { readMemberRow } from './read-member-row.ts';

export interface RejectedRow {
  /** CSV: file line; JSON: position in the list (1-based). */
  line: number;
  customerId?: string;
  reasons: string[];
}

export interface ImportReport {
  format: MemberFileFormat;
  rows: number;
  /** New members. */
  imported: number;
  /** Members that were there and changed. */
  updated: number;
  /** Members that were there with exactly this data. */
  unchanged: number;
  rejected: RejectedRow[];
  ignoredColumns: string[];
  dryRun: boolean;
}

export interface ImportDeps {
  members: MemberStore;
  org: Org;
}

const sameMember = (a: LifecycleMember, b: LifecycleMember): boolean => JSON.stringify(a) === JSON.stringify(b);

export async function importMembers(deps: ImportDeps, input: { text: string; format: MemberFileFormat; now: number; dryRun?: boolean }): Promise<ImportReport> {
  const file = readMemberFile(input.text, input.format);
  const ctx = { org: deps.org, today: chinaDay(input.now) };
  const rejected: RejectedRow[] = [];
  const good: Array<{ line: number; member: LifecycleMember }> = [];
  for (const row of file.rows) {
    const result = readMemberRow(row.values, ctx);
    if (result.ok) good.push({ line: row.line, member: result.member });
    else rejected.push({ line: row.line, ...(result.customerId ? { customerId: result.customerId } : {}), reasons: result.reasons });
  }
  // Which of two rows for one customer is right is the admin's call, not ours: both are rejected.
  const linesOf = new Map<string, number[]>();
  for (const { line, member } of good) linesOf.set(member.customerId, [...(linesOf.get(member.customerId) ?? []), line]);
  const accepted = good.filter(({ line, member }) => {
    const lines = linesOf.get(member.customerId) ?? [];
    if (lines.length === 1) return true;
    rejected.push({ line, customerId: member.customerId, reasons: [`客户ID在第 ${lines.join('、')} 行重复出现，请只保留一行`] });
    return false;
  });
  rejected.sort((a, b) => a.line - b.line);

  const members = accepted.map((a) => a.member);
  const before = await deps.members.many(members.map((m) => m.customerId));
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  members.forEach((member, i) => {
    const old = before[i];
    if (!old) imported++;
    else if (sameMember(old, member)) unchanged++;
    else updated++;
  });
  // Unchanged members are written too: the import renews their retention.
  if (!input.dryRun) await deps.members.putAll(members);
  return { format: input.format, rows: file.rows.length, imported, updated, unchanged, rejected, ignoredColumns: file.ignoredColumns, dryRun: Boolean(input.dryRun) };
}
