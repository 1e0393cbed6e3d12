import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A writable copy of the demo tenant (knowledge + org) for tests that change it: promoted scripts, or
 * extra members such as a manager of one store only.
 */
export function tempTenant(extraMembers: string[] = []): { dir: string; orgFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ga-tenant-'));
  cpSync('config/demo', dir, { recursive: true });
  const orgFile = join(dir, 'stores.yaml');
  if (extraMembers.length > 0) {
    const org = readFileSync(orgFile, 'utf8').replace(/^members:\n/m, `members:\n${extraMembers.map((m) => `  - ${m}\n`).join('')}`);
    writeFileSync(orgFile, org);
  }
  return { dir, orgFile };
}
