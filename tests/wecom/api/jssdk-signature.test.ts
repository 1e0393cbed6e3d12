import { describe, expect, it } from 'vitest';
import { signJsApi } from '../../../src/wecom/jssdk.ts';

// Official example (wecom-platform.md §2.5, doc 90506).
const VECTOR = {
  ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
  nonceStr: 'Wm3WZYTPz0wzccnW',
  timestamp: 1414587457,
  url: 'http://mp.weixin.qq.com?params=value',
  signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
};

describe('signJsApi', () => {
  it('reproduces the official vector', () => {
    const { ticket, nonceStr, timestamp, url } = VECTOR;
    expect(signJsApi({ ticket, nonceStr, timestamp, url })).toEqual({ timestamp, nonceStr, signature: VECTOR.signature });
  });

  it('ignores the URL fragment', () => {
    const { ticket, nonceStr, timestamp, url } = VECTOR;
    expect(signJsApi({ ticket, nonceStr, timestamp, url: `${url}#/customer/wm123?tab=tags` }).signature).toBe(VECTOR.signature);
  });

  it('changes with any signed field', () => {
    const { ticket, nonceStr, timestamp, url } = VECTOR;
    expect(signJsApi({ ticket, nonceStr, timestamp: timestamp + 1, url }).signature).not.toBe(VECTOR.signature);
    expect(signJsApi({ ticket, nonceStr, timestamp, url: `${url}&x=1` }).signature).not.toBe(VECTOR.signature);
  });
});
