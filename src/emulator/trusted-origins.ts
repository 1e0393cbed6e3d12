/**
 * WeCom hands OAuth codes only to the app's 可信域名 and the emulator does the same: the origins of the
 * service it was told about (sidebar and callback URL). 127.0.0.1 and localhost name the same machine, so
 * either is taken for a local service.
 */
export function trustedOrigins(urls: ReadonlyArray<string | undefined>): Set<string> {
  const out = new Set<string>();
  for (const raw of urls) {
    if (!raw) continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    out.add(url.origin);
    const alias = url.hostname === '127.0.0.1' ? 'localhost' : url.hostname === 'localhost' ? '127.0.0.1' : '';
    if (alias) {
      url.hostname = alias;
      out.add(url.origin);
    }
  }
  return out;
}

/** True when `target` is an absolute http(s) URL on one of the trusted origins. */
export function isTrustedUrl(target: string, trusted: ReadonlySet<string>): boolean {
  try {
    const url = new URL(target);
    return (url.protocol === 'http:' || url.protocol === 'https:') && trusted.has(url.origin);
  } catch {
    return false;
  }
}
