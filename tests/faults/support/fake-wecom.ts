import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../../src/emulator/start-emulator.ts';
import type { CallbackKeys } from '../../../src/wecom/crypto.ts';
import { EMU_KEYS, EMU_SECRETS } from '../../support/emulator-harness.ts';
import { writeFixtureSeed } from '../../support/emulator-seed.ts';

/**
 * WeCom's servers for a fault scenario: the emulator on a real port, its tenant a store of `guideCount`
 * guides (`guide.f01` …). Service processes get credentials for it and its org file; every outbound call
 * they make lands here and is counted, so a repeated send shows.
 */
export interface FakeWecom {
  emulator: Emulator;
  guides: string[];
  /** What the platform signs and encrypts callbacks with (the service is given the same). */
  keys: CallbackKeys;
  /** Environment that points a service process at this WeCom. */
  env: Record<string, string>;
  /** App messages (message/send) that reached `guide`, counting any WeCom dropped over its rate limit. */
  repliesTo(guide: string): number;
  close(): Promise<void>;
}

function tenantYaml(guides: string[]): string {
  const members = guides.map((id, i) => `  - { userid: ${id}, name: 导购${i + 1}, role: guide, store: store-f01 }`).join('\n');
  return `corp: { id: ${EMU_KEYS.corpId}, name: 故障演练服饰 }
stores:
  - { id: store-f01, name: 演练店 }
members:
${members}
customers: []
kf: { open_kfid: wkFaultKf01, name: 演练客服, servicers: [] }
`;
}

export async function startFakeWecom(guideCount: number): Promise<FakeWecom> {
  const guides = Array.from({ length: guideCount }, (_, i) => `guide.f${String(i + 1).padStart(2, '0')}`);
  const seed = writeFixtureSeed(tenantYaml(guides));
  const emulator = await startEmulator({ seedDir: seed.seedDir, keys: EMU_KEYS, secrets: EMU_SECRETS });
  return {
    emulator,
    guides,
    keys: { token: EMU_KEYS.token, encodingAesKey: EMU_KEYS.encodingAesKey, corpId: EMU_KEYS.corpId },
    env: {
      WECOM_CORP_ID: EMU_KEYS.corpId,
      WECOM_AGENT_ID: EMU_KEYS.agentId,
      WECOM_TOKEN: EMU_KEYS.token,
      WECOM_AES_KEY: EMU_KEYS.encodingAesKey,
      WECOM_SECRET: EMU_SECRETS.app,
      WECOM_CONTACT_SECRET: EMU_SECRETS.contact,
      WECOM_KF_SECRET: EMU_SECRETS.kf,
      WECOM_API_BASE_URL: `${emulator.url}/cgi-bin`,
      ORG_FILE: join(seed.seedDir, 'stores.yaml'),
      SESSION_SECRET: 'f'.repeat(32),
      PUBLIC_URL: 'https://ga.faults.invalid',
    },
    repliesTo: (guide) => emulator.state.appMessages.filter((m) => m.touser === guide).length,
    async close() {
      await emulator.close();
      seed.cleanup();
    },
  };
}
