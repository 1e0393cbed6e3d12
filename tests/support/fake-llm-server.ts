/**
 * A local OpenAI-compatible model server for tests and benchmarks: a real node:http server on an
 * ephemeral port serving POST /v1/chat/completions. Each request takes the next scripted step (valid
 * JSON, invalid JSON, an HTTP error, a slow answer ...) or, when the script is empty, the default.
 * Every request body is recorded so tests can assert on the prompt the real `openai` SDK sent.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: unknown };
  [key: string]: unknown;
}

export type Step =
  /** Answer with this message content (any string: valid JSON, broken JSON, prose). */
  | { kind: 'content'; content: string; delayMs?: number; usage?: { prompt_tokens: number; completion_tokens: number } }
  /** Answer with an HTTP error status and an OpenAI-style error body. */
  | { kind: 'status'; status: number; message?: string; delayMs?: number }
  /** Reject `response_format: json_schema` with a 400, answer anything else with `then`. */
  | { kind: 'no_json_schema'; otherwise: Step };

export type Responder = (body: ChatRequestBody) => Step;

export interface FakeLlmServer {
  /** For `new OpenAI({ baseURL })`. */
  baseURL: string;
  requests: ChatRequestBody[];
  /** Queue steps for the next requests, in order. */
  enqueue(...steps: Step[]): void;
  /** What to answer when the queue is empty. */
  setDefault(responder: Responder): void;
  close(): Promise<void>;
}

/** A content step carrying `value` as JSON. */
export function json(value: unknown, delayMs = 0): Step {
  return { kind: 'content', content: JSON.stringify(value), delayMs };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const queue: Step[] = [];
  const requests: ChatRequestBody[] = [];
  let responder: Responder = () => ({ kind: 'status', status: 500, message: 'no scripted answer' });
  let counter = 0;

  const answer = (res: ServerResponse, body: ChatRequestBody, step: Step): void => {
    if (step.kind === 'no_json_schema') {
      if (body.response_format?.type === 'json_schema') {
        send(res, 400, { error: { message: 'response_format json_schema is not supported', type: 'invalid_request_error', code: null } });
        return;
      }
      answer(res, body, step.otherwise);
      return;
    }
    const respond = (): void => {
      if (step.kind === 'status') {
        send(res, step.status, { error: { message: step.message ?? `status ${step.status}`, type: 'server_error', code: null } });
        return;
      }
      counter++;
      const usage = step.usage ?? { prompt_tokens: 120, completion_tokens: 40 };
      send(res, 200, {
        id: `chatcmpl-fake-${counter}`,
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: step.content } }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      });
    };
    const delay = step.delayMs ?? 0;
    if (delay <= 0) {
      respond();
      return;
    }
    // The client may give up first (timeout): drop the timer with the connection.
    const timer = setTimeout(respond, delay);
    res.on('close', () => clearTimeout(timer));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      send(res, 404, { error: { message: 'not found' } });
      return;
    }
    try {
      const body = JSON.parse(await readBody(req)) as ChatRequestBody;
      requests.push(body);
      answer(res, body, queue.shift() ?? responder(body));
    } catch (error) {
      send(res, 400, { error: { message: String(error) } });
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  // Keep-alive sockets would hold close() open; tests and the bench own the whole server.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...steps) => queue.push(...steps),
    setDefault: (next) => {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
