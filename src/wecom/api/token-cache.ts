/**
 * Where access tokens and JS-SDK tickets live between calls and processes, with the lock that makes a
 * refresh single-flight across processes. Only the operations credential.ts calls.
 */

export type TicketKind = 'jsapi' | 'agent_config';

/** An access_token of one secret, or one of the two JS-SDK tickets. */
export type CredentialId = { type: 'access_token'; secret: string } | { type: 'ticket'; kind: TicketKind };

export interface CachedCredential {
  value: string;
  /** Epoch ms after which the value must not be used (already 300 s before WeCom's expiry). */
  expiresAt: number;
}

export interface TokenCache {
  get(id: CredentialId): Promise<CachedCredential | undefined>;
  /** Stores the value; the entry disappears by itself after `ttlMs`. */
  set(id: CredentialId, credential: CachedCredential, ttlMs: number): Promise<void>;
  /** Removes the entry only if it still holds `value` (a newer value from another process stays). */
  invalidate(id: CredentialId, value: string): Promise<void>;
  /** Returns a lock handle when this caller won the right to refresh, undefined when someone else holds it. */
  tryLock(id: CredentialId, ttlMs: number): Promise<string | undefined>;
  unlock(id: CredentialId, handle: string): Promise<void>;
}

export function describeCredential(id: CredentialId): string {
  return id.type === 'access_token' ? `access_token(${id.secret})` : `ticket(${id.kind})`;
}
