/** JSON Lines in and out, one record per line, order kept. */
import { readFile, writeFile } from 'node:fs/promises';

export async function readJsonl(path: string): Promise<unknown[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line, index) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw new Error(`${path}:${index + 1}: not JSON (${(error as Error).message})`, { cause: error });
      }
    });
}

export async function writeJsonl(path: string, records: readonly unknown[]): Promise<void> {
  await writeFile(path, records.map((record) => JSON.stringify(record)).join('\n') + (records.length > 0 ? '\n' : ''), 'utf8');
}
