import { createDecipheriv, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { AppError } from '../errors.ts';

/** The three values of an app's 接收消息 settings. See wecom-platform.md §1.5–§1.6 (doc path 91144). */
export interface CallbackKeys {
  token: string;
  encodingAesKey: string;
  /** receiveid: the corp id for self-built apps. */
  corpId: string;
}

export interface SignedPayload {
  signature: string;
  timestamp: string;
  nonce: string;
  /** The `<Encrypt>` text (POST) or the `echostr` (GET). */
  encrypt: string;
}

const HINT = "check WECOM_TOKEN, WECOM_AES_KEY and WECOM_CORP_ID against the app's 接收消息 settings";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function reject(code: string, message: string): AppError {
  return new AppError(code, message, { status: 400, expose: true, hint: HINT });
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sign(token: string, timestamp: string, nonce: string, cipherText: string): string {
  return getSignature(token, timestamp, nonce, cipherText);
}

/**
 * WeCom pads to 32-byte blocks (PKCS#7, pad 1..32). @wecom/crypto accepts any padding, so we decrypt the
 * last two AES blocks ourselves and require every pad byte to equal the pad length.
 */
function assertStrictPadding(key: Buffer, cipher: Buffer): void {
  if (cipher.length < 32 || cipher.length % 32 !== 0) throw reject('bad_ciphertext', 'ciphertext length is not a multiple of 32 bytes');
  const tail = cipher.subarray(cipher.length - 32);
  const iv = cipher.length >= 48 ? cipher.subarray(cipher.length - 48, cipher.length - 32) : key.subarray(0, 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(tail), decipher.final()]);
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > 32) throw reject('bad_padding', 'invalid PKCS#7 padding');
  for (let i = plain.length - pad; i < plain.length; i++) {
    if (plain[i] !== pad) throw reject('bad_padding', 'invalid PKCS#7 padding');
  }
}

function aesKey(encodingAesKey: string): Buffer {
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/**
 * Verify the signature (constant time), decrypt, check padding and the receive id.
 * Returns the decrypted message text. Throws AppError with a stable code on any failure.
 */
export function verifyAndDecrypt(keys: CallbackKeys, payload: SignedPayload): string {
  const expected = sign(keys.token, payload.timestamp, payload.nonce, payload.encrypt);
  if (!signaturesEqual(expected, payload.signature)) throw reject('bad_signature', 'msg_signature does not match');
  if (payload.encrypt.length % 4 !== 0 || !BASE64.test(payload.encrypt)) throw reject('bad_ciphertext', 'ciphertext is not base64');
  const cipher = Buffer.from(payload.encrypt, 'base64');
  assertStrictPadding(aesKey(keys.encodingAesKey), cipher);
  let plain: { message: string; id: string };
  try {
    plain = decrypt(keys.encodingAesKey, payload.encrypt);
  } catch (cause) {
    throw new AppError('bad_ciphertext', 'ciphertext could not be decrypted', { status: 400, expose: true, hint: HINT, cause });
  }
  // A length field pointing past the buffer leaves the id empty or wrong: both land here.
  if (plain.id !== keys.corpId) throw reject('wrong_receiver', 'receive id does not match the corp id');
  return plain.message;
}

/** Encrypt and sign a message the way WeCom does (used by the emulator, tests and passive replies). */
export function encryptAndSign(
  keys: CallbackKeys,
  message: string,
  timestamp: string,
  nonce: string,
  random?: Buffer,
): SignedPayload {
  const cipherText = encrypt(keys.encodingAesKey, message, keys.corpId, random);
  return { encrypt: cipherText, timestamp, nonce, signature: sign(keys.token, timestamp, nonce, cipherText) };
}
