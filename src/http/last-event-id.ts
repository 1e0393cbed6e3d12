import type { Context } from 'koa';
import { badRequest } from '../errors.ts';

const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;
const MAX_U64 = 18446744073709551615n;

/**
 * The stream id to resume from (Last-Event-ID, or `?lastEventId=` where EventSource cannot set headers), or
 * '' for none. Both halves of a Redis stream id are unsigned 64-bit numbers: anything else would only fail
 * later inside XRANGE as a 500, so it is refused here.
 */
export function readLastEventId(ctx: Context): string {
  const given = ctx.get('last-event-id') || (typeof ctx.query.lastEventId === 'string' ? ctx.query.lastEventId : '');
  if (!given) return '';
  const match = STREAM_ID.exec(given);
  if (!match || BigInt(match[1] as string) > MAX_U64 || BigInt(match[2] as string) > MAX_U64) {
    throw badRequest('bad_last_event_id', 'Last-Event-ID is not an id this stream sent');
  }
  return given;
}
