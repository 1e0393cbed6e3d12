import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createRequest, isApiError } from '../../web/shared/api-request.ts';

// The JSON core both pages' API clients call, against a real HTTP server answering like the service does.
let server: Server;
let base: string;
const seen: Array<{ method: string; url: string; type: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', type: req.headers['content-type'], body });
      const send = (status: number, text: string): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(text);
      };
      if (req.url === '/ok') send(200, JSON.stringify({ hello: '你好' }));
      else if (req.url === '/echo') send(200, body);
      else if (req.url === '/queued') send(202, JSON.stringify({ queued: true }));
      else if (req.url === '/empty') send(204, '');
      else if (req.url === '/refused') send(403, JSON.stringify({ error: { code: 'forbidden_role', message: '无权限' } }));
      else if (req.url === '/signed-out') send(401, JSON.stringify({ error: { code: 'not_signed_in', message: 'sign in' } }));
      else send(502, '<html>bad gateway</html>');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('createRequest', () => {
  const request = createRequest({ bodiless: [202, 204] });

  it('reads JSON answers and sends JSON bodies', async () => {
    await expect(request('GET', `${base}/ok`)).resolves.toEqual({ hello: '你好' });
    await expect(request('POST', `${base}/echo`, { text: '试试' })).resolves.toEqual({ text: '试试' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', type: 'application/json', body: '{"text":"试试"}' });
    await request('GET', `${base}/ok`);
    expect(seen.at(-1)?.type).toBeUndefined();
    // A POST without a body (logout) still goes as JSON: the server takes no other state change.
    await request('POST', `${base}/empty`);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', type: 'application/json', body: '{}' });
  });

  it('resolves to undefined for the statuses the page declares bodiless, and reads the rest', async () => {
    await expect(request('POST', `${base}/queued`)).resolves.toBeUndefined();
    await expect(request('POST', `${base}/empty`)).resolves.toBeUndefined();
    await expect(createRequest({ bodiless: [204] })('POST', `${base}/queued`)).resolves.toEqual({ queued: true });
  });

  it('turns the server error into an ApiError with its stable code, or http_<status> when there is none', async () => {
    const refused = await refusal(request('GET', `${base}/refused`));
    expect(refused).toMatchObject({ status: 403, code: 'forbidden_role', message: '无权限' });
    expect(isApiError(refused, 'forbidden_role')).toBe(true);
    expect(isApiError(refused, 'not_signed_in')).toBe(false);
    expect(isApiError(new Error('x'), 'forbidden_role')).toBe(false);
    const broken = await refusal(request('GET', `${base}/gateway`));
    expect(broken).toMatchObject({ status: 502, code: 'http_502', message: 'Bad Gateway' });
  });

  it('calls the page’s sign-in hook on a 401 only, then still refuses', async () => {
    let calls = 0;
    const guarded = createRequest({ bodiless: [204], onUnauthorized: () => calls++ });
    await refusal(guarded('GET', `${base}/refused`));
    expect(calls).toBe(0);
    const signedOut = await refusal(guarded('GET', `${base}/signed-out`));
    expect(signedOut.code).toBe('not_signed_in');
    expect(calls).toBe(1);
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const error = await refusal(request('GET', `http://127.0.0.1:${port}/ok`));
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });
});
