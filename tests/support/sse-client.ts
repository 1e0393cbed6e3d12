import { request, type ClientRequest } from 'node:http';

export interface SseEvent {
  id: string;
  event: string;
  data: Record<string, unknown>;
}

/** A minimal EventSource over node:http that records every event (and lets a test drop the connection). */
export function openSse(url: string, cookie: string, lastEventId?: string): { events: SseEvent[]; close(): void; ready: Promise<void>; ended: Promise<void> } {
  const events: SseEvent[] = [];
  let req: ClientRequest;
  let markEnded: () => void = () => undefined;
  /** Resolves when the server ends the stream. */
  const ended = new Promise<void>((ok) => (markEnded = ok));
  const ready = new Promise<void>((resolve, reject) => {
    req = request(url, { headers: { cookie, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`SSE answered ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('end', () => markEnded());
      res.on('close', () => markEnded());
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
          if (fields.data) events.push({ id: fields.id ?? '', event: fields.event ?? 'message', data: JSON.parse(fields.data) as Record<string, unknown> });
          end = buffer.indexOf('\n\n');
        }
      });
      resolve();
    });
    req.on('error', () => undefined);
    req.end();
  });
  return { events, ready, ended, close: () => req.destroy() };
}
