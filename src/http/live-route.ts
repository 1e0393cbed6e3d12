import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Router } from '@koa/router';
import type { LiveEvent, LiveFeed } from '../suggestions/live-feed.ts';
import type { Presence } from '../suggestions/presence.ts';
import { currentMember, requireMember, sessionIdOf } from './current-member.ts';
import type { GuideApiDeps } from './guide-deps.ts';
import { readLastEventId } from './last-event-id.ts';
import { streamIdAfter, type LiveHub } from './live-hub.ts';

const HEARTBEAT_MS = 15_000;

function frame(id: string, event: LiveEvent): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * GET /api/live: Server-Sent Events for the signed-in guide. With Last-Event-ID (EventSource sends it on
 * reconnect) the missed events are replayed from the guide's feed first; live events that arrive during the
 * replay are held and sent after it, in order and without duplicates.
 */
export function mountLiveRoute(router: Router, deps: GuideApiDeps & { hub: LiveHub; feedReader: LiveFeed; presence: Presence; heartbeatMs?: number }): void {
  router.get('/api/live', requireMember(deps, ['guide']), async (ctx) => {
    const { userId } = currentMember(ctx);
    const lastEventId = readLastEventId(ctx);
    const sessionId = sessionIdOf(ctx, deps) ?? '';
    const stream = new PassThrough();
    ctx.req.socket.setTimeout(0);
    ctx.req.socket.setNoDelay(true);
    ctx.set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    ctx.status = 200;
    ctx.body = stream;

    let held: Array<[string, LiveEvent]> | undefined = [];
    let lastSent = '0-0';
    const send = (id: string, event: LiveEvent): void => {
      if (!streamIdAfter(id, lastSent)) return;
      lastSent = id;
      stream.write(frame(id, event));
    };
    // A stream opened before logout (or a role change) must not outlive its session: each live event and
    // heartbeat first asks whether the session still exists, in order, and the stream ends when it does not.
    let checks: Promise<void> = Promise.resolve();
    const whileSignedIn = (then: () => void): void => {
      checks = checks.then(async (): Promise<void> => {
        const session = await deps.sessions.get(sessionId).catch(() => undefined);
        return session ? then() : close();
      });
    };
    const remove = deps.hub.add(userId, (id, event) => (held ? held.push([id, event]) : whileSignedIn(() => send(id, event))));
    // Presence tells the review side whether a decision reaches an open sidebar or needs an app message.
    const connectionId = randomUUID();
    const touch = (): void => void deps.presence.touch(userId, connectionId, deps.now()).catch(() => undefined);
    touch();
    const heartbeat = setInterval(() => {
      whileSignedIn(() => {
        stream.write(': ping\n\n');
        touch();
      });
    }, deps.heartbeatMs ?? HEARTBEAT_MS);
    let closed = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      remove();
      void deps.presence.leave(userId, connectionId).catch(() => undefined);
      stream.end();
    };
    ctx.req.on('close', close);

    stream.write('retry: 2000\n\n');
    if (lastEventId) {
      lastSent = lastEventId;
      for (const { id, event } of await deps.feedReader.since(userId, lastEventId)) send(id, event);
    }
    for (const [id, event] of held ?? []) send(id, event);
    held = undefined;
  });
}
