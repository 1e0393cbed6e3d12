/**
 * A local OpenAI-compatible model server for tests and benchmarks: a real node:http server on an
 * ephemeral port serving POST /v1/chat/completions. Each request takes the next scripted step (valid
 * JSON, invalid JSON, an HTTP error, a slow answer ...) or, when the script is empty, the default.
 * Every request body is recorded so tests can assert on the prompt the real `openai` SDK sent.
 *
 * A request with `stream: true` gets the content as Server-Sent Events, the way OpenAI streams
 * (`chat.completion.chunk` deltas, a usage chunk, `[DONE]`), split into `chunks` pieces or `chunkChars`
 * characters; `gate(i)` holds piece i until it resolves (a server a test can pause between chunks) and
 * `pace` spaces them in time (the benchmark's model speed).
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
  | {
      kind: 'content';
      content: string;
      delayMs?: number;
      usage?: { prompt_tokens: number; completion_tokens: number };
      /** Answer a stream request with one plain JSON completion (a provider that ignores `stream`). */
      ignoreStream?: boolean;
      /** How to split a streamed answer (default: pieces of `chunkChars`, 16 characters). */
      chunks?: string[];
      chunkChars?: number;
      /** Streamed piece `index` waits for this (the first piece is index 0). */
      gate?: (index: number) => Promise<unknown>;
      /** Streamed pieces: the first after `firstMs`, then one every `everyMs`. */
      pace?: { firstMs: number; everyMs: number };
    }
  /** A stream request gets a chunk that is not JSON after `after` good pieces of `content`. */
  | { kind: 'broken_stream'; content: string; after: number }
  /** No answer at all until `release` resolves (then the step `answer`). */
  | { kind: 'hang'; release: Promise<unknown>; answer: Step }
  /** Answer with an HTTP error status and an OpenAI-style error body. */
  | { kind: 'status'; status: number; message?: string; delayMs?: number }
  /** Reject `response_format: json_schema` with a 400, answer anything else with `then`. */
  | { kind: 'no_json_schema'; otherwise: Step };

export type Responder = (body: ChatRequestBody) => Step;

export interface FakeLlmServer {
  /** For `new OpenAI({ baseURL })`. */
  baseURL: string;
  requests: ChatRequestBody[];
  /** How many requests the client abandoned before the answer was complete. */
  aborted(): number;
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

/** Splits a streamed answer into the pieces the step asks for. */
export function pieces(content: string, chunkChars = 16): string[] {
  const out: string[] = [];
  for (let i = 0; i < content.length; i += chunkChars) out.push(content.slice(i, i + chunkChars));
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function chunkEvent(id: string, model: string, delta: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const chunk = { id, object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: null }], ...extra };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** Streams `parts` as chat.completion.chunk events; stops when the client goes away. */
async function streamParts(res: ServerResponse, body: ChatRequestBody, id: string, parts: string[], step: { gate?: (i: number) => Promise<unknown>; pace?: { firstMs: number; everyMs: number }; usage?: { prompt_tokens: number; completion_tokens: number } }): Promise<boolean> {
  const gone = new Promise<void>((resolve) => res.once('close', () => resolve()));
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunkEvent(id, body.model, { role: 'assistant', content: '' }));
  const started = performance.now();
  for (let i = 0; i < parts.length; i++) {
    // On a schedule from the start, so timer lateness does not add up over hundreds of pieces.
    if (step.pace) await sleep(started + step.pace.firstMs + i * step.pace.everyMs - performance.now());
    if (step.gate) await Promise.race([step.gate(i), gone]);
    if (res.destroyed || res.writableEnded) return false;
    res.write(chunkEvent(id, body.model, { content: parts[i] }));
  }
  if (res.destroyed || res.writableEnded) return false;
  const usage = step.usage ?? { prompt_tokens: 120, completion_tokens: 40 };
  res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`);
  res.end('data: [DONE]\n\n');
  return true;
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
  let abandoned = 0;

  const answer = (res: ServerResponse, body: ChatRequestBody, step: Step): void => {
    if (step.kind === 'hang') {
      const next = step.answer;
      void (async () => {
        await step.release;
        if (!res.destroyed) answer(res, body, next);
      })();
      return;
    }
    if (step.kind === 'broken_stream') {
      const id = `chatcmpl-fake-${++counter}`;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const part of pieces(step.content).slice(0, step.after)) res.write(chunkEvent(id, body.model, { content: part }));
      res.end('data: {"choices": [{"delta": {"content": "\n\n');
      return;
    }
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
      if (body.stream === true && !step.ignoreStream) {
        const parts = step.chunks ?? pieces(step.content, step.chunkChars);
        void streamParts(res, body, `chatcmpl-fake-${counter}`, parts, step);
        return;
      }
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
      res.once('close', () => {
        if (!res.writableFinished) abandoned++;
      });
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
    aborted: () => abandoned,
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
