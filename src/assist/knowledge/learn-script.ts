import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { LEARNED_SCRIPTS_FILE } from './load-knowledge.ts';
import { scriptsFileSchema, type Script } from './schemas.ts';

let writing: Promise<unknown> = Promise.resolve();

/**
 * Appends a promoted reply to the knowledge directory's learned-scripts file (write to a temp file, then
 * rename, so a watcher never reads half a file). Every process watching the directory reloads it.
 */
export function learnScript(dir: string, script: Omit<Script, 'id'>, now: number): Promise<Script> {
  const run = async (): Promise<Script> => {
    const path = join(dir, LEARNED_SCRIPTS_FILE);
    let current: Script[] = [];
    try {
      current = scriptsFileSchema.parse(parse(await readFile(path, 'utf8')) ?? { scripts: [] }).scripts;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const learned: Script = { id: `learned-${now.toString(36)}-${randomBytes(3).toString('hex')}`, ...script };
    const header = '# Replies store managers promoted from what guides wrote (review console → 设为话术).\n';
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, header + stringify({ scripts: [...current, learned] }));
    await rename(temp, path);
    return learned;
  };
  const result = writing.then(run, run);
  writing = result.catch(() => undefined);
  return result;
}
