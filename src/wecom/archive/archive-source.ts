import { z } from 'zod';

/**
 * The chat-archive (会话内容存档) port. Tencent only ships the archive as the Finance C SDK (GetChatData, RSA
 * decrypt of the random key, DecryptData; doc 91774). Two adapters: finance/finance-archive-source.ts calls
 * the SDK in-process (FINANCE_SDK_PATH), http-archive-source.ts asks a sidecar that serves the decrypted
 * records over HTTP (ARCHIVE_URL):
 *   GET {url}/chatdata?seq=<last seq>&limit=<≤1000>   authorization: Bearer <token>
 *   → { items: [decrypted record as the SDK's JSON, plus its seq], has_more }
 * Records come back strictly after `seq`, in seq order.
 */

export const archiveRecordSchema = z.object({
  seq: z.number().int().nonnegative(),
  msgid: z.string().min(1),
  action: z.enum(['send', 'recall', 'switch']),
  // switch records (企业切换) carry no sender or receivers.
  from: z.string().default(''),
  tolist: z.array(z.string()).default([]),
  roomid: z.string().default(''),
  msgtime: z.number(),
  msgtype: z.string().default(''),
  text: z.object({ content: z.string() }).optional(),
  /** Images and voice notes: fetched into the local media store, or only noted (see README, ARCHIVE_MEDIA). */
  media: z
    .object({
      type: z.string(),
      status: z.enum(['stored', 'placeholder', 'too_large', 'failed']),
      /** File name inside the media directory, when stored. */
      file: z.string().optional(),
      bytes: z.number().int().nonnegative().optional(),
    })
    .optional(),
});

export const archivePageSchema = z.object({
  items: z.array(archiveRecordSchema),
  has_more: z.boolean(),
});

export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;
export type ArchiveMedia = NonNullable<ArchiveRecord['media']>;

export interface ArchivePage {
  records: ArchiveRecord[];
  hasMore: boolean;
}

export interface ArchiveSource {
  /** Records after `seq` (0 = from the start of what the SDK still holds), at most `limit` (≤ 1000). */
  fetchChatData(params: { seq: number; limit: number }): Promise<ArchivePage>;
  /** Releases what the source holds (the Finance SDK instance); the HTTP source holds nothing. */
  close?(): Promise<void>;
}
