import type { EventJob } from './event-job.ts';

/** One job as one line of a spool or journal file (NDJSON). */
export function jobLines(jobs: readonly EventJob[]): string {
  return jobs.map((job) => `${JSON.stringify(job)}\n`).join('');
}

/** The jobs of a spool or journal file. A torn last line (a crash mid-write, so never fsync'd nor acknowledged) is skipped. */
export function parseJobLines(text: string): EventJob[] {
  const entries: EventJob[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as EventJob);
    } catch {
      // not fsync'd, so never acknowledged
    }
  }
  return entries;
}
