import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encrypt } from '@wecom/crypto';
import { encryptAndSign, sign, verifyAndDecrypt } from '../../src/wecom/crypto.ts';
import { extractEncrypt } from '../../src/wecom/xml.ts';
import { OFFICIAL, OFFICIAL_KEYS } from '../support/vectors.ts';
import { codeOf } from '../support/error-code.ts';

/** AES-256-CBC over raw bytes with WeCom's key/iv and no automatic padding, to forge bad padding. */
function rawEncrypt(plain: Buffer): string {
  const key = Buffer.from(`${OFFICIAL.encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

function layout(message: string, id: string): Buffer {
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  return Buffer.concat([Buffer.alloc(16, 0x61), len, msg, Buffer.from(id)]);
}

describe('WeCom callback crypto', () => {
  it('decrypts the official URL-verification vector', () => {
    const { msg_signature, timestamp, nonce, echostr, plaintext } = OFFICIAL.get;
    expect(verifyAndDecrypt(OFFICIAL_KEYS, { signature: msg_signature, timestamp, nonce, encrypt: echostr })).toBe(plaintext);
  });

  it('decrypts the official POST vector byte for byte', () => {
    const { msg_signature, timestamp, nonce, body, plaintext } = OFFICIAL.post;
    const xml = verifyAndDecrypt(OFFICIAL_KEYS, { signature: msg_signature, timestamp, nonce, encrypt: extractEncrypt(body) });
    expect(xml).toBe(plaintext);
  });

  it('accepts an upper-case signature but rejects one signed with another token', () => {
    const { msg_signature, timestamp, nonce, echostr } = OFFICIAL.get;
    expect(verifyAndDecrypt(OFFICIAL_KEYS, { signature: msg_signature.toUpperCase(), timestamp, nonce, encrypt: echostr })).toBe(OFFICIAL.get.plaintext);
    const forged = sign('wrong-token', timestamp, nonce, echostr);
    expect(codeOf(() => verifyAndDecrypt(OFFICIAL_KEYS, { signature: forged, timestamp, nonce, encrypt: echostr }))).toBe('bad_signature');
  });

  it('rejects a valid ciphertext addressed to another corp', () => {
    const payload = encryptAndSign({ ...OFFICIAL_KEYS, corpId: 'wwsomeoneelse' }, '<xml/>', '1409659813', '1');
    expect(codeOf(() => verifyAndDecrypt(OFFICIAL_KEYS, payload))).toBe('wrong_receiver');
  });

  it('rejects padding whose bytes are not all equal to the pad length', () => {
    const body = layout('<xml/>', OFFICIAL.corpId);
    const padLength = 32 - (body.length % 32);
    const pad = Buffer.alloc(padLength, padLength);
    pad[0] = 0x01; // one wrong pad byte: @wecom/crypto alone would accept this
    const cipherText = rawEncrypt(Buffer.concat([body, pad]));
    const payload = { encrypt: cipherText, timestamp: '1', nonce: '2', signature: sign(OFFICIAL.token, '1', '2', cipherText) };
    expect(codeOf(() => verifyAndDecrypt(OFFICIAL_KEYS, payload))).toBe('bad_padding');
  });

  it('rejects a pad length outside 1..32', () => {
    const body = layout('<xml/>', OFFICIAL.corpId);
    const fill = 64 - (body.length % 32);
    const cipherText = rawEncrypt(Buffer.concat([body, Buffer.alloc(fill, 0x40)]));
    const payload = { encrypt: cipherText, timestamp: '1', nonce: '2', signature: sign(OFFICIAL.token, '1', '2', cipherText) };
    expect(codeOf(() => verifyAndDecrypt(OFFICIAL_KEYS, payload))).toBe('bad_padding');
  });

  it('rejects truncated and non-base64 ciphertext even when correctly signed', () => {
    const good = encrypt(OFFICIAL.encodingAesKey, '<xml/>', OFFICIAL.corpId);
    for (const [cipherText, code] of [
      [good.slice(0, 40), 'bad_ciphertext'],
      [good.slice(0, -4), 'bad_ciphertext'],
      ['!!!not-base64!!!', 'bad_ciphertext'],
    ] as const) {
      const payload = { encrypt: cipherText, timestamp: '1', nonce: '2', signature: sign(OFFICIAL.token, '1', '2', cipherText) };
      expect(codeOf(() => verifyAndDecrypt(OFFICIAL_KEYS, payload))).toBe(code);
    }
  });

  it('round-trips through encryptAndSign with a deterministic random prefix', () => {
    const payload = encryptAndSign(OFFICIAL_KEYS, 'hello', '1', '2', Buffer.alloc(16, 0x61));
    expect(payload.encrypt).toBe('2JaQ0H0H/TuqGM/rDRTva4KCBErkgircbFwsPJSPsxzi7ka4YRr9o885RlUBNjmEP+IcHF9gBW7EGFNZAGN0AA==');
    expect(verifyAndDecrypt(OFFICIAL_KEYS, payload)).toBe('hello');
  });
});
