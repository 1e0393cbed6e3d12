import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Access } from './access.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { Faults } from './faults.ts';
import { readBody, sendJson } from './http-kit.ts';

/** The `/cgi-bin/` side of the emulator: WeCom's answer format, token checks, faults. */

const ERRMSG: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid credential',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40050: 'chatid not found',
  40056: 'invalid agentid',
  40058: 'invalid parameter',
  40068: 'invalid tagid',
  40071: 'UserTag Name Already Exist',
  40096: 'invalid external userid',
  41001: 'access_token missing',
  41051: 'externaluser has started chatting',
  42001: 'access_token expired',
  44004: 'empty content',
  45009: 'reach max api daily quota limit',
  45033: 'api concurrent out of limit',
  47001: 'data format error',
  48002: 'api forbidden',
  60020: 'not allow to access from your ip',
  60111: 'invalid string value `userid`. UserID not found',
  81013: 'user & party & tag all invalid',
  84061: 'not external contact',
  95000: 'invalid open_kfid',
  95007: 'invalid msg token',
};

/** Answer a WeCom errcode from inside a handler. */
export class CgiError extends Error {
  readonly errcode: number;
  constructor(errcode: number, detail?: string) {
    super(detail ?? ERRMSG[errcode] ?? 'error');
    this.errcode = errcode;
  }
}

export interface CgiContext {
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** Which secret the caller's token came from (`''` for gettoken). */
  secretName: string;
}

export type CgiHandler = (ctx: CgiContext) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface CgiRoute {
  method: 'GET' | 'POST';
  /** Without the `/cgi-bin/` prefix, e.g. `externalcontact/get`. */
  path: string;
  handler: CgiHandler;
  /** gettoken takes a secret instead of a token. */
  noToken?: boolean;
}

export interface CgiDeps {
  state: EmulatorState;
  faults: Faults;
  access: Access;
}

function answerError(res: ServerResponse, errcode: number, detail?: string): void {
  const hint = `more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
  sendJson(res, 200, { errcode, errmsg: `${detail ?? ERRMSG[errcode] ?? 'error'}, hint: [emulator], ${hint}` });
}

function parseBody(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs one `/cgi-bin/` call the way WeCom answers it: HTTP 200 and `{errcode, errmsg, …}` always. */
export async function serveCgi(deps: CgiDeps, route: CgiRoute, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { state, faults, access } = deps;
  state.calls.set(route.path, (state.calls.get(route.path) ?? 0) + 1);
  if (faults.latencyMs > 0) await delay(faults.latencyMs);
  const injected = faults.takeFailure(route.path);
  if (injected !== undefined) return answerError(res, injected);
  let secretName = '';
  if (!route.noToken) {
    const checked = access.checkToken(url.searchParams.get('access_token'));
    if (checked.errcode !== 0) return answerError(res, checked.errcode);
    secretName = checked.secretName;
  }
  const body = route.method === 'POST' ? parseBody(await readBody(req)) : {};
  if (body === undefined) return answerError(res, 47001);
  try {
    const answer = await route.handler({ query: url.searchParams, body, secretName });
    sendJson(res, 200, { errcode: 0, errmsg: 'ok', ...answer });
  } catch (error) {
    if (error instanceof CgiError) return answerError(res, error.errcode, error.message);
    throw error;
  }
}

export function bodyString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

export function bodyStrings(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
