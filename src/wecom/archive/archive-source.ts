import { z } from 'zod';

/**
 * The chat-archive (会话内容存档) port. Tencent only ships the archive as the Finance C SDK (GetChatData, RSA
 * decrypt of the random key, DecryptData; doc 91774), so a sidecar next to the SDK serves the decrypted
 * records over HTTP:
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
});

export const archivePageSchema = z.object({
  items: z.array(archiveRecordSchema),
  has_more: z.boolean(),
});

export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;

export interface ArchivePage {
  records: ArchiveRecord[];
  hasMore: boolean;
}

export interface ArchiveSource {
  /** Records after `seq` (0 = from the start of what the SDK still holds), at most `limit` (≤ 1000). */
  fetchChatData(params: { seq: number; limit: number }): Promise<ArchivePage>;
}
