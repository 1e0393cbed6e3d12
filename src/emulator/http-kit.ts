import type { IncomingMessage, ServerResponse } from 'node:http';

/** The few HTTP helpers the emulator needs on top of node:http. */

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** A 4xx for the admin API, answered as `{error}`. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface Router {
  on(method: string, path: string, handler: Handler): void;
  find(method: string, pathname: string): Handler | undefined;
}

export function createRouter(): Router {
  const routes = new Map<string, Handler>();
  return {
    on: (method, path, handler) => void routes.set(`${method} ${path}`, handler),
    find: (method, pathname) => routes.get(`${method} ${pathname}`),
  };
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, 'body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'body must be a JSON object');
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * The admin API and ww.js are called from the sidebar's origin: CORS for the service's pages only, never `*`
 * (any site could otherwise drive the emulated chat and read its customers).
 */
export function allowOrigin(req: IncomingMessage, res: ServerResponse, trusted: ReadonlySet<string>): void {
  res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !trusted.has(origin)) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type');
}

export function requireString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new HttpError(400, `${name} is required`);
  return value;
}

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `${name} must be a string`);
  return value;
}

export function stringList(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new HttpError(400, `${name} must be a list of strings`);
  return value;
}
