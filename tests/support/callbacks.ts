import { encryptAndSign, type CallbackKeys } from '../../src/wecom/crypto.ts';

export interface SignedCallback {
  query: string;
  body: string;
}

let nonceCounter = 0;

/** Encrypts and signs `xml` the way WeCom does and returns the query string and body of the POST. */
export function signedCallback(keys: CallbackKeys, xml: string, timestampSec: number, nonce = `n${++nonceCounter}`): SignedCallback {
  const signed = encryptAndSign(keys, xml, String(timestampSec), nonce);
  const query = new URLSearchParams({ msg_signature: signed.signature, timestamp: signed.timestamp, nonce }).toString();
  return { query, body: `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><Encrypt><![CDATA[${signed.encrypt}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>` };
}

export function postCallback(baseUrl: string, callback: SignedCallback): Promise<Response> {
  return fetch(`${baseUrl}/wecom/callback?${callback.query}`, { method: 'POST', body: callback.body, headers: { 'content-type': 'text/xml' } });
}

export function textMessageXml(corpId: string, msgId: string, content: string, from = 'guide.lin', createTime = 1700000000): string {
  return `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
}

export function contactEventXml(corpId: string, changeType: string, userId: string, externalUserId: string, createTime: number, extra = ''): string {
  return `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[${changeType}]]></ChangeType><UserID><![CDATA[${userId}]]></UserID><ExternalUserID><![CDATA[${externalUserId}]]></ExternalUserID>${extra}</xml>`;
}
