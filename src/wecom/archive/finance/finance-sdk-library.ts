import koffi from 'koffi';
import { AppError } from '../../../errors.ts';

/**
 * Tencent's Finance SDK (libWeWorkFinanceSdk_C.so, 会话内容存档, doc 91774) through koffi. Every object the
 * SDK hands out (the SDK itself, slices, media chunks) is a pointer, kept opaque here and read only through
 * the SDK's own accessors (GetContentFromSlice/GetSliceLen, GetData/GetDataLen, …), so nothing depends on
 * struct layout. Network calls (GetChatData, GetMediaData) run on koffi's worker threads and never block
 * the event loop; DecryptData is local CPU work and runs inline.
 */

/** The SDK instance (WeWorkFinanceSdk_t *). */
export type SdkHandle = bigint;

export interface SdkOutput {
  /** 0 = success; anything else is a Finance SDK error code (10000–10011). */
  code: number;
  /** The slice's bytes, copied out before the slice is freed. */
  data: Buffer;
}

export interface MediaChunk extends SdkOutput {
  /** outindexbuf: what the next call passes as indexbuf. */
  nextIndex: string;
  finished: boolean;
}

export interface ChatDataCall {
  seq: number;
  limit: number;
  proxy: string;
  passwd: string;
  timeoutSec: number;
}

export interface MediaCall {
  indexBuf: string;
  sdkFileId: string;
  proxy: string;
  passwd: string;
  timeoutSec: number;
}

export interface FinanceSdkLibrary {
  newSdk(): SdkHandle;
  init(sdk: SdkHandle, corpId: string, secret: string): number;
  /** Resolves when the native call returns (the slice is freed then, whoever stopped waiting). */
  getChatData(sdk: SdkHandle, call: ChatDataCall): Promise<SdkOutput>;
  /** `randomKey` is the RSA-decrypted encrypt_random_key (bytes, passed NUL-terminated). */
  decryptData(randomKey: Buffer, encryptedMsg: string): SdkOutput;
  getMediaData(sdk: SdkHandle, call: MediaCall): Promise<MediaChunk>;
  destroySdk(sdk: SdkHandle): void;
}

type Native = (...args: unknown[]) => unknown;
interface NativeAsync extends Native {
  async: (...args: unknown[]) => void;
}

function callAsync(fn: NativeAsync, ...args: unknown[]): Promise<number> {
  return new Promise((resolve, reject) => fn.async(...args, (error: unknown, result: unknown) => (error ? reject(error) : resolve(Number(result)))));
}

/** Copies `len` bytes at `ptr` (empty when the pointer is NULL). */
function copyOut(ptr: unknown, len: number): Buffer {
  if (!ptr || len <= 0) return Buffer.alloc(0);
  return Buffer.from(new Uint8Array(koffi.view(ptr, len)));
}

const loaded = new Map<string, FinanceSdkLibrary>();

/**
 * Loads the library once per path. A missing file, a library of another architecture or one that lacks a
 * documented function is an AppError with what to check.
 */
export function loadFinanceSdk(path: string): FinanceSdkLibrary {
  const cached = loaded.get(path);
  if (cached) return cached;
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(path);
  } catch (cause) {
    throw new AppError('finance_sdk_load_failed', `cannot load the Finance SDK at ${path}: ${(cause as Error).message}`, {
      cause,
      hint: 'FINANCE_SDK_PATH must name libWeWorkFinanceSdk_C.so (Linux x86-64, from the 会话内容存档 page of the admin console); its dependencies must resolve (ldd)',
    });
  }
  const fn = (definition: string): NativeAsync => {
    try {
      return lib.func(definition) as NativeAsync;
    } catch (cause) {
      throw new AppError('finance_sdk_load_failed', `the Finance SDK at ${path} lacks ${definition}`, { cause, hint: 'use the Linux C SDK (v1.2 or later)' });
    }
  };
  const NewSdk = fn('void *NewSdk()');
  const Init = fn('int Init(void *sdk, const char *corpid, const char *secret)');
  const GetChatData = fn('int GetChatData(void *sdk, uint64_t seq, uint32_t limit, const char *proxy, const char *passwd, int timeout, void *chatDatas)');
  const DecryptData = fn('int DecryptData(const uint8_t *encrypt_key, const char *encrypt_msg, void *msg)');
  const GetMediaData = fn('int GetMediaData(void *sdk, const char *indexbuf, const char *sdkFileid, const char *proxy, const char *passwd, int timeout, void *media_data)');
  const DestroySdk = fn('void DestroySdk(void *sdk)');
  const NewSlice = fn('void *NewSlice()');
  const FreeSlice = fn('void FreeSlice(void *slice)');
  const GetContentFromSlice = fn('void *GetContentFromSlice(void *slice)');
  const GetSliceLen = fn('int GetSliceLen(void *slice)');
  const NewMediaData = fn('void *NewMediaData()');
  const FreeMediaData = fn('void FreeMediaData(void *media_data)');
  const GetOutIndexBuf = fn('void *GetOutIndexBuf(void *media_data)');
  const GetData = fn('void *GetData(void *media_data)');
  const GetIndexLen = fn('int GetIndexLen(void *media_data)');
  const GetDataLen = fn('int GetDataLen(void *media_data)');
  const IsMediaDataFinish = fn('int IsMediaDataFinish(void *media_data)');

  const sliceBytes = (slice: unknown): Buffer => copyOut(GetContentFromSlice(slice), Number(GetSliceLen(slice)));

  const library: FinanceSdkLibrary = {
    newSdk: () => NewSdk() as SdkHandle,
    init: (sdk, corpId, secret) => Number(Init(sdk, corpId, secret)),
    async getChatData(sdk, call) {
      const slice = NewSlice();
      try {
        const code = await callAsync(GetChatData, sdk, BigInt(call.seq), call.limit, call.proxy, call.passwd, call.timeoutSec, slice);
        return { code, data: code === 0 ? sliceBytes(slice) : Buffer.alloc(0) };
      } finally {
        FreeSlice(slice);
      }
    },
    decryptData(randomKey, encryptedMsg) {
      const slice = NewSlice();
      try {
        const code = Number(DecryptData(Buffer.concat([randomKey, Buffer.from([0])]), encryptedMsg, slice));
        return { code, data: code === 0 ? sliceBytes(slice) : Buffer.alloc(0) };
      } finally {
        FreeSlice(slice);
      }
    },
    async getMediaData(sdk, call) {
      const media = NewMediaData();
      try {
        const code = await callAsync(GetMediaData, sdk, call.indexBuf, call.sdkFileId, call.proxy, call.passwd, call.timeoutSec, media);
        if (code !== 0) return { code, data: Buffer.alloc(0), nextIndex: '', finished: false };
        return {
          code,
          data: copyOut(GetData(media), Number(GetDataLen(media))),
          nextIndex: copyOut(GetOutIndexBuf(media), Number(GetIndexLen(media))).toString('latin1'),
          finished: Number(IsMediaDataFinish(media)) !== 0,
        };
      } finally {
        FreeMediaData(media);
      }
    },
    destroySdk: (sdk) => void DestroySdk(sdk),
  };
  loaded.set(path, library);
  return library;
}
