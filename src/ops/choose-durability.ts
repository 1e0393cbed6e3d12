import type { RedisPersistence } from './redis-persistence.ts';

/**
 * durability.mode: what makes the 200 to a WeCom callback mean "kept even if the machine dies now".
 * - `always`: Redis fsyncs its AOF before it answers (`appendonly yes`, `appendfsync always`); nothing extra.
 * - `waitaof`: every intake batch ends with WAITAOF (Redis ≥ 7.2), which answers once the AOF is fsync'd.
 * - `journal`: a local, group-committed journal fsync'd before the 200 and replayed after a Redis restart.
 * - `off`: Redis's reply is enough (a crash of the machine may lose Redis's unsynced last second).
 * - `auto`: `always` when the server is set so, the journal otherwise.
 */
export const DURABILITY_MODES = ['auto', 'always', 'waitaof', 'journal', 'off'] as const;
export type DurabilityMode = (typeof DURABILITY_MODES)[number];
export type AckMode = Exclude<DurabilityMode, 'auto'>;

export interface DurabilityChoice {
  /** What the intake does. */
  mode: AckMode;
  /** Whether a 200 survives a crash of the machine with these settings. */
  durable: boolean;
  /** One sentence for the operator naming the setting to change; present exactly when not durable. */
  warning?: string;
}

const FIX_AOF = 'set appendonly yes and appendfsync always in the Redis configuration (docker-compose.yml does)';

function describe(p: RedisPersistence): string {
  return `Redis ${p.version} has appendonly ${p.aof ? 'yes' : 'no'}, appendfsync ${p.appendfsync ?? 'unreadable (CONFIG is disabled)'}`;
}

/** Picks the acknowledgement mode for the configured one and what the server does; never throws. */
export function chooseDurability(requested: DurabilityMode, p: RedisPersistence): DurabilityChoice {
  const fsyncsAlways = p.aof && p.appendfsync === 'always';
  const notDurable = (mode: AckMode, why: string): DurabilityChoice => ({
    mode,
    durable: false,
    warning: `Callbacks answered 200 are not durable: ${why} (${describe(p)}, durability.mode ${requested}).`,
  });
  if (!p.aof) {
    // A restart loses everything since the last snapshot; no journal window covers that.
    const mode: AckMode = requested === 'auto' || requested === 'waitaof' ? 'journal' : requested;
    return notDurable(mode, `Redis keeps no append-only file, so a Redis restart loses what it held; ${FIX_AOF}`);
  }
  switch (requested) {
    case 'auto':
    case 'journal':
      if (requested === 'auto' && fsyncsAlways) return { mode: 'always', durable: true };
      if (p.appendfsync === 'no') {
        return notDurable('journal', 'with appendfsync no the kernel may hold Redis writes for 30 s, longer than durability.journalWindowMs; set appendfsync everysec or always');
      }
      return { mode: 'journal', durable: true };
    case 'always':
      if (fsyncsAlways) return { mode: 'always', durable: true };
      return notDurable(
        'always',
        p.appendfsync === undefined
          ? 'durability.mode always trusts appendfsync always, which cannot be read here; confirm it with your Redis provider or set durability.mode journal'
          : 'durability.mode always needs appendfsync always; set appendfsync always in the Redis configuration or durability.mode auto',
      );
    case 'waitaof':
      if (p.waitAof) return { mode: 'waitaof', durable: true };
      return notDurable('off', `WAITAOF needs Redis 7.2 or later; upgrade Redis or set durability.mode auto`);
    case 'off':
      if (fsyncsAlways) return { mode: 'off', durable: true };
      return notDurable('off', 'durability.mode off leaves Redis’s unsynced last second unprotected; set durability.mode auto or appendfsync always');
  }
}
