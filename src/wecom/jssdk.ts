import { getJsApiSignature } from '@wecom/crypto';

export interface JsApiSignatureInput {
  /** The corp jsapi_ticket (for `config`) or the app ticket (for `agentConfig`). */
  ticket: string;
  /** The page URL exactly as the browser has it; the `#…` part is removed here. */
  url: string;
  nonceStr: string;
  /** Epoch seconds. */
  timestamp: number;
}

export interface JsApiSignature {
  timestamp: number;
  nonceStr: string;
  signature: string;
}

/**
 * The JS-SDK signature: sha1 over `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` with raw values
 * (doc 90506). The URL must not carry its fragment, or WeCom answers 40093.
 */
export function signJsApi(input: JsApiSignatureInput): JsApiSignature {
  const hash = input.url.indexOf('#');
  const url = hash === -1 ? input.url : input.url.slice(0, hash);
  const signed = getJsApiSignature({ ticket: input.ticket, url, nonceStr: input.nonceStr, timestamp: input.timestamp });
  return { timestamp: input.timestamp, nonceStr: input.nonceStr, signature: signed.signature };
}
