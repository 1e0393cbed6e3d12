import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { AppError } from '../../../errors.ts';
import { createRsaPool } from './rsa-pool.ts';

/**
 * The RSA private keys of the archive, one per `publickey_ver` (the version the admin console gave the
 * public key when it was uploaded). Keeping the old versions lets records encrypted before a rotation still
 * be read. The one step done here is PKCS#1 v1.5 decryption of `encrypt_random_key`: Node 20 refuses
 * RSA_PKCS1_PADDING in privateDecrypt since the Marvin fix (CVE-2023-46809), so node-forge does it. The
 * ciphertexts come only from Tencent over the SDK's own channel and no answer about them leaves this
 * process, so there is no padding oracle for an attacker to query. Pure-JS RSA costs tens of milliseconds a
 * record, so it runs on a few worker threads (rsa-pool.ts): the event loop stays free and a page of records
 * uses more than one core.
 *
 * ARCHIVE_PRIVATE_KEYS is either a list `ver:path,ver:path` (e.g. `3:/etc/ga/archive-v3.pem,4:/etc/ga/archive-v4.pem`)
 * or a directory holding `<ver>.pem` files. PEM in PKCS#1 (`BEGIN RSA PRIVATE KEY`) or unencrypted PKCS#8.
 */
export interface PrivateKeyRing {
  versions(): number[];
  /** base64 encrypt_random_key → the random key the SDK's DecryptData takes. */
  decryptRandomKey(version: number, encryptedBase64: string): Promise<Buffer>;
  /** Stops the RSA threads. */
  close(): Promise<void>;
}

const HINT = 'ARCHIVE_PRIVATE_KEYS is `ver:path,ver:path` or a directory of `<ver>.pem` files, each the private key of the public key uploaded with that version';

function badSpec(message: string, cause?: unknown): AppError {
  return new AppError('archive_private_keys_invalid', message, { hint: HINT, ...(cause === undefined ? {} : { cause }) });
}

/** version → PEM file, from the ARCHIVE_PRIVATE_KEYS value. */
export function keyFilesOf(spec: string): Map<number, string> {
  const files = new Map<number, string>();
  const trimmed = spec.trim();
  if (trimmed === '') throw badSpec('ARCHIVE_PRIVATE_KEYS is empty');
  const add = (version: string, path: string) => {
    if (!/^\d+$/.test(version) || path === '') throw badSpec(`ARCHIVE_PRIVATE_KEYS: "${version}:${path}" is not <version>:<path>`);
    if (files.has(Number(version))) throw badSpec(`ARCHIVE_PRIVATE_KEYS names version ${version} twice`);
    files.set(Number(version), path);
  };
  const isDirectory = !/^\d+:/.test(trimmed) && statSync(trimmed, { throwIfNoEntry: false })?.isDirectory();
  if (isDirectory) {
    for (const name of readdirSync(trimmed).sort()) {
      const match = /^(\d+)\.pem$/.exec(name);
      if (match?.[1]) add(match[1], join(trimmed, name));
    }
    if (files.size === 0) throw badSpec(`ARCHIVE_PRIVATE_KEYS: no <version>.pem file in ${trimmed}`);
    return files;
  }
  for (const entry of trimmed.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    add(colon < 0 ? entry : entry.slice(0, colon), colon < 0 ? '' : entry.slice(colon + 1).trim());
  }
  return files;
}

/** The PEM text, checked to be an RSA private key forge can use. */
function readKey(version: number, path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (cause) {
    throw badSpec(`cannot read the private key of version ${version} at ${path}: ${(cause as Error).message}`, cause);
  }
  try {
    forge.pki.privateKeyFromPem(pem);
    return pem;
  } catch (cause) {
    throw badSpec(`${path} (version ${version}) is not an unencrypted RSA private key in PEM`, cause);
  }
}

/**
 * Reads and parses every key now, so a bad file stops the start instead of the first pull. `threads` RSA
 * worker threads at most (started when first needed).
 */
export function loadPrivateKeyRing(spec: string, threads = 2): PrivateKeyRing {
  const keys = new Map([...keyFilesOf(spec)].map(([version, path]) => [version, readKey(version, path)] as const));
  const pool = createRsaPool(keys, threads);
  return {
    versions: () => [...keys.keys()].sort((a, b) => a - b),
    close: () => pool.close(),
    async decryptRandomKey(version, encryptedBase64) {
      if (!keys.has(version)) {
        throw new AppError('archive_private_key_missing', `no private key for publickey_ver ${version} (have ${[...keys.keys()].join(', ') || 'none'})`, {
          status: 502,
          hint: `add the private key of public key version ${version} to ARCHIVE_PRIVATE_KEYS (records keep the version they were encrypted with; keep old keys after a rotation)`,
        });
      }
      try {
        return await pool.decrypt(version, encryptedBase64);
      } catch (cause) {
        if (cause instanceof AppError) throw cause;
        throw new AppError('archive_private_key_mismatch', `encrypt_random_key of publickey_ver ${version} does not decrypt with the configured key`, {
          status: 502,
          cause,
          hint: `the key given for version ${version} in ARCHIVE_PRIVATE_KEYS is not the one whose public key was uploaded as version ${version}`,
        });
      }
    },
  };
}
