import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../ops/redis-client.ts';
import type { Keys } from '../conversation/keys.ts';
import type { Role } from './org.ts';

/** A signed-in session as the server keeps it: who, and the role they had when they signed in. */
export interface Session {
  userId: string;
  role: Role;
}

/**
 * Server-side sessions: the cookie carries only a random id, so ending a session here ends it everywhere
 * at once (logout, a role change, a member leaving), which a self-contained signed cookie cannot do.
 */
export interface SessionStore {
  start(session: Session, ttlSec: number): Promise<string>;
  get(sessionId: string): Promise<Session | undefined>;
  end(sessionId: string): Promise<void>;
  /** Ends every session of a member (role changed, left the org). */
  endAll(userId: string): Promise<void>;
}

const ID = /^[A-Za-z0-9_-]{43}$/;

export function createRedisSessionStore(redis: RedisClient, keys: Keys): SessionStore {
  return {
    async start(session, ttlSec) {
      const id = randomBytes(32).toString('base64url');
      const index = keys.memberSessions(session.userId);
      // The index lives as long as its newest session; ids of expired sessions in it are harmless. It is
      // written first (the two keys sit in different slots): a session is never out of reach of endAll.
      await redis.multi().sadd(index, id).expire(index, ttlSec).exec();
      await redis.set(keys.session(id), JSON.stringify(session), 'EX', ttlSec);
      return id;
    },
    async get(sessionId) {
      if (!ID.test(sessionId)) return undefined;
      const raw = await redis.get(keys.session(sessionId));
      if (!raw) return undefined;
      try {
        return JSON.parse(raw) as Session;
      } catch {
        return undefined;
      }
    },
    async end(sessionId) {
      if (!ID.test(sessionId)) return;
      const raw = await redis.getdel(keys.session(sessionId));
      const userId = raw ? (JSON.parse(raw) as Session).userId : undefined;
      if (userId) await redis.srem(keys.memberSessions(userId), sessionId);
    },
    async endAll(userId) {
      const index = keys.memberSessions(userId);
      const ids = await redis.smembers(index);
      // Sessions first, one key at a time (each in its own slot), the index last: a failure halfway leaves the
      // index naming what is still to end, and calling again ends it.
      await Promise.all(ids.map((id) => redis.del(keys.session(id))));
      await redis.del(index);
    },
  };
}
