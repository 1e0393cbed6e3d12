import { execFile } from 'node:child_process';
import { constants, generateKeyPairSync, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import koffi from 'koffi';

/**
 * The Finance SDK stand-in (tests/archive/stub/finance_stub.c), compiled with gcc into a temp dir, and the
 * archive fixture it serves: records encrypted the way the real archive is (a random key per record,
 * RSA-encrypted with the public key of a version; the message XOR'ed with the random key, see the stub).
 */

const SOURCE = join(import.meta.dirname, '../archive/stub/finance_stub.c');

export interface FinanceStub {
  /** Path of the built libWeWorkFinanceSdk_C.so. */
  path: string;
  control(key: string, value: string | number): void;
  counter(name: 'getchatdata' | 'getmediadata' | 'init' | 'live_sdks' | 'live_slices' | 'live_media' | 'last_limit' | 'last_timeout'): number;
  lastProxy(): string;
  /** Removes the temp dir (the library stays mapped until the process ends). */
  dispose(): void;
}

export async function buildFinanceStub(): Promise<FinanceStub> {
  const dir = mkdtempSync(join(tmpdir(), 'finance-stub-'));
  const path = join(dir, 'libWeWorkFinanceSdk_C.so');
  await promisify(execFile)('gcc', ['-shared', '-fPIC', '-O2', '-Wall', '-o', path, SOURCE]);
  const lib = koffi.load(path);
  const control = lib.func('int StubControl(const char *key, const char *value)');
  const counter = lib.func('long StubCounter(const char *name)');
  const lastProxy = lib.func('const char *StubLastProxy()');
  return {
    path,
    control(key, value) {
      if (control(key, String(value)) !== 0) throw new Error(`stub has no control ${key}`);
    },
    counter: (name) => Number(counter(name)),
    lastProxy: () => String(lastProxy()),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ArchiveKeyPair {
  version: number;
  publicKey: KeyObject;
  /** PKCS#1 PEM file of the private key. */
  privatePem: string;
}

/** A fresh RSA key pair of a publickey_ver, its private key written to `dir/<version>.pem`. */
export function archiveKeyPair(dir: string, version: number): ArchiveKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = join(dir, `${version}.pem`);
  writeFileSync(privatePem, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  return { version, publicKey, privatePem };
}

/** A 32-character random key, like the archive's (no NUL byte: the SDK takes it as a C string). */
const randomKey = (): string => randomBytes(24).toString('base64').replace(/[+/]/g, 'x');

export function encryptRecord(plain: object, key: ArchiveKeyPair, seq: number, msgid: string): string {
  const random = randomKey();
  const json = Buffer.from(JSON.stringify(plain));
  const xored = Buffer.from(json.map((byte, i) => byte ^ random.charCodeAt(i % random.length)));
  return JSON.stringify({
    seq,
    msgid,
    publickey_ver: key.version,
    encrypt_random_key: publicEncrypt({ key: key.publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(random)).toString('base64'),
    encrypt_chat_msg: xored.toString('base64'),
  });
}

export interface ArchiveFixture {
  file: string;
  seq: number;
  /** Appends a plaintext record (msgid defaults to one made from the seq); returns its seq. */
  add(plain: Record<string, unknown>, key: ArchiveKeyPair): number;
  /** Appends a raw line (a record encrypted some other way). */
  addRaw(seq: number, item: string): void;
}

export function archiveFixture(dir: string, name = 'chatdata.txt'): ArchiveFixture {
  const file = join(dir, name);
  writeFileSync(file, '');
  const fixture: ArchiveFixture = {
    file,
    seq: 0,
    add(plain, key) {
      fixture.seq += 1;
      const msgid = typeof plain.msgid === 'string' ? plain.msgid : `msg${fixture.seq}`;
      fixture.addRaw(fixture.seq, encryptRecord({ msgid, ...plain }, key, fixture.seq, msgid));
      return fixture.seq;
    },
    addRaw(seq, item) {
      fixture.seq = Math.max(fixture.seq, seq);
      appendFileSync(file, `${seq}\t${item}\n`);
    },
  };
  return fixture;
}

/** A 1:1 text record between a member and a customer, as DecryptData returns it. */
export function textRecord(from: string, to: string, text: string, msgtime: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { action: 'send', from, tolist: [to], roomid: '', msgtime, msgtype: 'text', text: { content: text }, ...extra };
}
