import { z } from 'zod';
import type { ArchiveRecord } from '../archive-source.ts';

/**
 * A DecryptData plaintext (doc 91774) as an ArchiveRecord. Shapes differ by action: `switch` (企业切换) has
 * `time` and `user` instead of `msgtime` and `from`; images and voice carry the `sdkfileid` GetMediaData
 * takes. Fields this service does not read are dropped.
 */

const mediaBody = z.object({
  sdkfileid: z.string().min(1),
  md5sum: z.string().optional(),
  filesize: z.number().optional(),
  voice_size: z.number().optional(),
});

const plaintextSchema = z.object({
  msgid: z.string().optional(),
  action: z.string().optional(),
  from: z.string().optional(),
  user: z.string().optional(),
  tolist: z.array(z.string()).optional(),
  roomid: z.string().optional(),
  msgtime: z.number().optional(),
  time: z.number().optional(),
  msgtype: z.string().optional(),
  text: z.object({ content: z.string() }).optional().catch(undefined),
  image: mediaBody.optional().catch(undefined),
  voice: mediaBody.optional().catch(undefined),
});

/** What GetMediaData needs for one image or voice note. */
export interface MediaRef {
  type: 'image' | 'voice';
  sdkFileId: string;
  md5?: string;
  size?: number;
}

const ACTIONS = new Set(['send', 'recall', 'switch']);

export function toArchiveRecord(seq: number, outerMsgId: string, plaintext: unknown): { record: ArchiveRecord; media?: MediaRef } | undefined {
  const parsed = plaintextSchema.safeParse(plaintext);
  if (!parsed.success) return undefined;
  const p = parsed.data;
  // An action Tencent adds later is kept as a record nothing reads (like switch), so the seq moves past it.
  const action = (ACTIONS.has(p.action ?? '') ? p.action : 'switch') as ArchiveRecord['action'];
  const msgtype = p.msgtype ?? (action === 'switch' ? 'switch' : '');
  const record: ArchiveRecord = {
    seq,
    msgid: p.msgid || outerMsgId,
    action,
    from: p.from ?? p.user ?? '',
    tolist: p.tolist ?? [],
    roomid: p.roomid ?? '',
    msgtime: p.msgtime ?? p.time ?? 0,
    msgtype,
    ...(msgtype === 'text' && p.text ? { text: p.text } : {}),
  };
  const body = msgtype === 'image' ? p.image : msgtype === 'voice' ? p.voice : undefined;
  if (!body || action !== 'send') return { record };
  const size = body.filesize ?? body.voice_size;
  return {
    record,
    media: { type: msgtype as MediaRef['type'], sdkFileId: body.sdkfileid, ...(body.md5sum ? { md5: body.md5sum } : {}), ...(size === undefined ? {} : { size }) },
  };
}
