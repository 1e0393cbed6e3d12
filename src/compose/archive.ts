import type { Config } from '../config.ts';
import type { Logger } from '../ops/logger.ts';
import type { ArchiveRecord, ArchiveSource } from '../wecom/archive/archive-source.ts';
import { createHttpArchiveSource } from '../wecom/archive/http-archive-source.ts';

/**
 * The chat archive's source from config: Tencent's Finance SDK loaded into this process (FINANCE_SDK_PATH),
 * a sidecar speaking the HTTP contract (ARCHIVE_URL), or none. The SDK and the private keys are loaded
 * here, at start, so a wrong path or key stops the worker with the reason instead of failing every pull.
 * koffi and node-forge are imported only when the SDK is configured: other processes never load them.
 */
export async function archiveSourceOf(config: Config, log: Logger, mayStoreMedia: (record: ArchiveRecord) => Promise<boolean>): Promise<ArchiveSource | undefined> {
  const { archive, secrets } = config;
  if (archive.sdk.path) {
    const [{ createFinanceArchiveSource }, { loadFinanceSdk }, { createMediaStore }, { loadPrivateKeyRing }] = await Promise.all([
      import('../wecom/archive/finance/finance-archive-source.ts'),
      import('../wecom/archive/finance/finance-sdk-library.ts'),
      import('../wecom/archive/finance/media-store.ts'),
      import('../wecom/archive/finance/private-key-ring.ts'),
    ]);
    const media = archive.media.mode === 'store' ? createMediaStore(archive.media) : undefined;
    return createFinanceArchiveSource({
      library: loadFinanceSdk(archive.sdk.path),
      corpId: config.wecom.corpId,
      secret: secrets.archiveSecret,
      keys: loadPrivateKeyRing(archive.sdk.privateKeys, archive.sdk.rsaThreads),
      proxy: archive.sdk.proxy,
      proxyPassword: secrets.archiveProxyPassword,
      timeoutSec: archive.sdk.timeoutSec,
      graceMs: archive.sdk.callGraceMs,
      retry: { maxRetries: archive.sdk.maxRetries, baseDelayMs: archive.sdk.retryBaseMs, maxDelayMs: archive.sdk.retryMaxMs },
      ...(media ? { media, mayStoreMedia } : {}),
      onMediaFailure: ({ msgid, type, error }) => log.warn({ msgid, type, err: error }, 'archived media not fetched; kept as a placeholder'),
    });
  }
  if (archive.url) return createHttpArchiveSource({ baseUrl: archive.url, token: secrets.archiveToken, timeoutMs: archive.timeoutMs });
  return undefined;
}
