import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import type { ArchiveMedia, ArchiveRecord, ArchiveSource } from '../archive-source.ts';
import { toArchiveRecord, type MediaRef } from './decrypted-record.ts';
import { RETRYABLE_SDK_CODES, financeSdkError } from './finance-sdk-error.ts';
import type { FinanceSdkLibrary, SdkHandle, SdkOutput } from './finance-sdk-library.ts';
import type { MediaStore } from './media-store.ts';
import type { PrivateKeyRing } from './private-key-ring.ts';

export interface SdkRetryPolicy {
  /** Retries after 10001–10003 (so at most maxRetries + 1 attempts per call). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface FinanceArchiveSourceOptions {
  library: FinanceSdkLibrary;
  corpId: string;
  /** The 会话内容存档 Secret. */
  secret: string;
  /** Closed with the source. */
  keys: PrivateKeyRing;
  /** `socks5://host:port` or `http://host:port`; empty = direct. */
  proxy?: string;
  proxyPassword?: string;
  /** The SDK's own timeout for GetChatData and GetMediaData, in seconds. */
  timeoutSec: number;
  /** How much longer than timeoutSec a call may take before it counts as hung. */
  graceMs: number;
  retry: SdkRetryPolicy;
  /** Where images and voice notes go; undefined = they are recorded as placeholders. */
  media?: MediaStore;
  /**
   * Whether a record's media may be kept: the service answers with the chat's consent, so nothing of a
   * customer who has not agreed reaches the disk. Without it every 1:1 or group record may.
   */
  mayStoreMedia?: (record: ArchiveRecord) => Promise<boolean>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** A media file that could not be fetched (the record is still delivered, as a placeholder). */
  onMediaFailure?: (info: { msgid: string; type: string; error: unknown }) => void;
}

const chatDataAnswer = z.object({
  errcode: z.number().default(0),
  errmsg: z.string().default(''),
  chatdata: z
    .array(
      z.object({
        seq: z.number().int().nonnegative(),
        msgid: z.string(),
        publickey_ver: z.number().int(),
        encrypt_random_key: z.string().min(1),
        encrypt_chat_msg: z.string().min(1),
      }),
    )
    .default([]),
});

/** The media types fetched into the store; other kinds stay placeholders (their `kind` says what they were). */
const STORED_TYPES = new Set(['image', 'voice']);
/** 512 KiB per GetMediaData call: 20 MiB is 40 calls; more means the SDK is not advancing. */
const MAX_MEDIA_CHUNKS = 4096;

function badAnswer(message: string, cause?: unknown): AppError {
  return new AppError('archive_bad_response', message, {
    status: 502,
    hint: 'the Finance SDK answered something this code does not read: check the SDK version',
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * The chat archive straight from the Finance SDK (doc 91774): GetChatData after the seq, each record's
 * random key RSA-decrypted with the private key of its publickey_ver, then DecryptData. One SDK instance
 * is created on first use and kept; a call that hangs past its timeout retires it (destroyed once the
 * native call returns) and the next call starts a fresh one.
 */
export function createFinanceArchiveSource(options: FinanceArchiveSourceOptions): ArchiveSource {
  const { library } = options;
  const sleep = options.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const random = options.random ?? Math.random;
  const proxy = options.proxy ?? '';
  const passwd = options.proxyPassword ?? '';
  let current: SdkHandle | undefined;
  const pending = new Set<Promise<unknown>>();

  function session(): SdkHandle {
    if (current !== undefined) return current;
    const sdk = library.newSdk();
    const code = library.init(sdk, options.corpId, options.secret);
    if (code !== 0) {
      library.destroySdk(sdk);
      throw financeSdkError('Init', code, 1);
    }
    current = sdk;
    return sdk;
  }

  /** Waits for the native call at most timeoutSec + grace; a hung call retires its SDK instance. */
  async function guarded<T>(operation: string, sdk: SdkHandle, native: Promise<T>): Promise<T> {
    pending.add(native);
    const settled = native.finally(() => pending.delete(native));
    settled.catch(() => undefined);
    const limitMs = options.timeoutSec * 1000 + options.graceMs;
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (current === sdk) current = undefined;
        void settled.catch(() => undefined).then(() => library.destroySdk(sdk));
        reject(
          new AppError('archive_timeout', `Finance SDK ${operation} did not return within ${limitMs} ms`, {
            status: 503,
            hint: 'the SDK ignored its own timeout: check the network path to Tencent (ARCHIVE_PROXY) from this host',
          }),
        );
      }, limitMs);
    });
    try {
      return await Promise.race([native, hung]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One SDK network call with 10001–10003 retried (full-jitter backoff); other codes surface at once. */
  async function callSdk<T extends SdkOutput>(operation: string, run: (sdk: SdkHandle) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const sdk = session();
      const output = await guarded(operation, sdk, run(sdk));
      if (output.code === 0) return output;
      if (!RETRYABLE_SDK_CODES.has(output.code) || attempt >= options.retry.maxRetries) throw financeSdkError(operation, output.code, attempt + 1);
      const ceiling = Math.min(options.retry.maxDelayMs, options.retry.baseDelayMs * 2 ** attempt);
      await sleep(Math.floor(random() * ceiling));
    }
  }

  async function fetchMedia(record: ArchiveRecord, ref: MediaRef): Promise<ArchiveMedia> {
    const store = options.media;
    const { msgid } = record;
    if (!store || !STORED_TYPES.has(ref.type)) return { type: ref.type, status: 'placeholder' };
    if (options.mayStoreMedia && !(await options.mayStoreMedia(record))) return { type: ref.type, status: 'placeholder' };
    if (ref.size !== undefined && ref.size > store.maxFileBytes) return { type: ref.type, status: 'too_large', bytes: ref.size };
    const writer = await store.begin(msgid);
    try {
      let indexBuf = '';
      for (let chunk = 0; ; chunk++) {
        if (chunk >= MAX_MEDIA_CHUNKS) throw new Error(`GetMediaData did not finish in ${MAX_MEDIA_CHUNKS} chunks`);
        const part = await callSdk('GetMediaData', (sdk) => library.getMediaData(sdk, { indexBuf, sdkFileId: ref.sdkFileId, proxy, passwd, timeoutSec: options.timeoutSec }));
        if (!(await writer.write(part.data))) {
          await writer.abort();
          return { type: ref.type, status: 'too_large', bytes: ref.size ?? store.maxFileBytes };
        }
        if (part.finished) break;
        indexBuf = part.nextIndex;
      }
      if (ref.md5 && writer.md5() !== ref.md5.toLowerCase()) throw new Error(`md5 ${writer.md5()} does not match the record's md5sum ${ref.md5}`);
      const bytes = writer.bytes();
      return { type: ref.type, status: 'stored', file: await writer.commit(ref.type), bytes };
    } catch (error) {
      await writer.abort().catch(() => undefined);
      options.onMediaFailure?.({ msgid, type: ref.type, error });
      return { type: ref.type, status: 'failed' };
    }
  }

  function decrypt(item: z.infer<typeof chatDataAnswer>['chatdata'][number], randomKey: Buffer): { record: ArchiveRecord; media?: MediaRef } {
    const plain = library.decryptData(randomKey, item.encrypt_chat_msg);
    if (plain.code !== 0) throw financeSdkError(`DecryptData (seq ${item.seq}, publickey_ver ${item.publickey_ver})`, plain.code, 1);
    let json: unknown;
    try {
      json = JSON.parse(plain.data.toString('utf8'));
    } catch (cause) {
      throw badAnswer(`DecryptData of seq ${item.seq} is not JSON`, cause);
    }
    const mapped = toArchiveRecord(item.seq, item.msgid, json);
    if (!mapped) throw badAnswer(`DecryptData of seq ${item.seq} is not a chat record`);
    return mapped;
  }

  return {
    async fetchChatData({ seq, limit }) {
      const pageLimit = Math.min(Math.max(limit, 1), 1000);
      const output = await callSdk('GetChatData', (sdk) => library.getChatData(sdk, { seq, limit: pageLimit, proxy, passwd, timeoutSec: options.timeoutSec }));
      let answer: z.infer<typeof chatDataAnswer>;
      try {
        answer = chatDataAnswer.parse(JSON.parse(output.data.toString('utf8')));
      } catch (cause) {
        throw badAnswer('GetChatData answered something that is not its documented JSON', cause);
      }
      if (answer.errcode !== 0) throw financeSdkError(`GetChatData (${answer.errmsg})`, answer.errcode, 1);
      // The RSA step (pure JS, tens of ms a record) for the whole page at once, on the ring's threads.
      const randomKeys = await Promise.all(answer.chatdata.map((item) => options.keys.decryptRandomKey(item.publickey_ver, item.encrypt_random_key)));
      const records: ArchiveRecord[] = [];
      for (const [i, item] of answer.chatdata.entries()) {
        const { record, media } = decrypt(item, randomKeys[i] as Buffer);
        records.push(media ? { ...record, media: await fetchMedia(record, media) } : record);
      }
      // GetChatData does not say whether more is waiting: a full page means ask again.
      return { records, hasMore: answer.chatdata.length >= pageLimit };
    },

    async close() {
      const sdk = current;
      current = undefined;
      // Calls in flight end within their timeout; a hung one is not waited for past the grace.
      const give = new AbortController();
      const waited = delay(options.timeoutSec * 1000 + options.graceMs, undefined, { signal: give.signal }).catch(() => undefined);
      await Promise.race([Promise.allSettled(pending), waited]);
      give.abort();
      // Destroying an instance a native call still uses could crash the process: a hung one is left to exit.
      if (sdk !== undefined && pending.size === 0) library.destroySdk(sdk);
      await options.keys.close();
    },
  };
}
