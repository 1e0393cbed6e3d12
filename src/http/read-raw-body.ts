import type { IncomingMessage } from 'node:http';
import { badRequest } from '../errors.ts';

/** Reads a request body as UTF-8 text, refusing anything above `limit` bytes with 413 before buffering it. */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw badRequest('body_too_large', `body exceeds ${limit} bytes`, 413);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      req.resume();
      throw badRequest('body_too_large', `body exceeds ${limit} bytes`, 413);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
