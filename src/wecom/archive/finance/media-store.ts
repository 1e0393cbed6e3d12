import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A bounded directory for archived images and voice notes. A file is written under a temporary name and
 * renamed when complete, so a crash never leaves a half file under a real name; a file over
 * `maxFileBytes` is dropped while it is written; after each new file the oldest files go until the
 * directory holds at most `maxBytes`.
 */
export interface MediaStoreOptions {
  dir: string;
  maxBytes: number;
  maxFileBytes: number;
}

export interface MediaWriter {
  /** False (and nothing more is kept) once the file would pass maxFileBytes. */
  write(chunk: Buffer): Promise<boolean>;
  md5(): string;
  bytes(): number;
  /** Renames the file into place (extension from its first bytes) and trims the store; returns the file name. */
  commit(kind: string): Promise<string>;
  abort(): Promise<void>;
}

export interface MediaStore {
  readonly maxFileBytes: number;
  /** `key` names the file (the record's msgid); the same key overwrites. */
  begin(key: string): Promise<MediaWriter>;
}

const PARTIAL = '.partial-';

/** File name for a msgid: base64url, so ids with `/`, `+` or `=` stay distinct and safe on any filesystem. */
export const mediaFileStem = (key: string): string => Buffer.from(key).toString('base64url');

function extensionOf(kind: string, head: Buffer): string {
  if (kind === 'voice') return '.amr';
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return '.png';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return '.gif';
  return '.jpg';
}

async function trim(dir: string, maxBytes: number, keep: string): Promise<void> {
  const files = [];
  for (const name of await readdir(dir)) {
    if (name.startsWith(PARTIAL)) continue;
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info?.isFile()) files.push({ name, size: info.size, mtime: info.mtimeMs });
  }
  let total = files.reduce((sum, f) => sum + f.size, 0);
  for (const file of files.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name))) {
    if (total <= maxBytes) break;
    if (file.name === keep) continue;
    await rm(join(dir, file.name), { force: true });
    total -= file.size;
  }
}

export function createMediaStore(options: MediaStoreOptions): MediaStore {
  let ready: Promise<unknown> | undefined;
  return {
    maxFileBytes: options.maxFileBytes,
    async begin(key) {
      await (ready ??= mkdir(options.dir, { recursive: true }));
      const partial = join(options.dir, `${PARTIAL}${randomUUID()}`);
      const handle: FileHandle = await open(partial, 'w');
      const hash = createHash('md5');
      let written = 0;
      let head = Buffer.alloc(0);
      let closed = false;
      const close = async () => {
        if (!closed) await handle.close();
        closed = true;
      };
      return {
        async write(chunk) {
          if (written + chunk.length > options.maxFileBytes) return false;
          if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
          hash.update(chunk);
          await handle.write(chunk);
          written += chunk.length;
          return true;
        },
        md5: () => hash.copy().digest('hex'),
        bytes: () => written,
        async commit(kind) {
          await close();
          const name = `${mediaFileStem(key)}${extensionOf(kind, head)}`;
          await rename(partial, join(options.dir, name));
          await trim(options.dir, options.maxBytes, name);
          return name;
        },
        async abort() {
          await close();
          await rm(partial, { force: true });
        },
      };
    },
  };
}
