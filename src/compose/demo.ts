import { dirname } from 'node:path';
import type { Config } from '../config.ts';
import { startEmulator, type Emulator } from '../emulator/start-emulator.ts';
import type { CallbackKeys } from '../wecom/crypto.ts';

/** Demo mode: the emulator signs callbacks and answers API calls with these public, demo-only values. */
export const DEMO_CALLBACK_KEYS: CallbackKeys = {
  token: 'demo-token',
  encodingAesKey: 'DemoOnlyAesKeyForTheBuiltInWeComEmulator123',
  corpId: 'wwlanting0001demo',
};
export const DEMO_AGENT_ID = '1000002';
export const DEMO_SECRETS = { app: 'demo-app-secret', contact: 'demo-contact-secret', kf: 'demo-kf-secret', archive: 'demo-archive-secret' };

/**
 * Starts the WeCom emulator seeded from the org file's directory (config/demo). Its chat-archive stand-in
 * is on (a bearer token of this start): the demo's customer group reaches the service through the archive,
 * as a real tenant's groups do; the 1:1 chats stay on 微信客服.
 */
export function startDemoEmulator(config: Config, now: () => number, archiveToken: string): Promise<Emulator> {
  return startEmulator({
    port: config.demo.emulatorPort,
    host: '127.0.0.1',
    seedDir: dirname(config.org.file),
    keys: { ...DEMO_CALLBACK_KEYS, agentId: DEMO_AGENT_ID },
    secrets: DEMO_SECRETS,
    now,
    archive: { token: archiveToken },
  });
}
