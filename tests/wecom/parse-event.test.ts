import { describe, expect, it } from 'vitest';
import { dedupeKeyOf } from '../../src/wecom/dedupe-key.ts';
import { parseEvent } from '../../src/wecom/parse-event.ts';
import { OFFICIAL } from '../support/vectors.ts';
import { codeOf } from '../support/error-code.ts';

const envelope = (inner: string, from = 'sys'): string =>
  `<xml><ToUserName><![CDATA[ww1234567890]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>1403610513</CreateTime>${inner}</xml>`;
const event = (name: string, rest: string): string => envelope(`<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${name}]]></Event>${rest}`);
const contact = (changeType: string, rest = ''): string =>
  event('change_external_contact', `<ChangeType><![CDATA[${changeType}]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID>${rest}`);

describe('parseEvent', () => {
  it('parses the official text message, keeping the 19-digit MsgId exact', () => {
    expect(parseEvent(OFFICIAL.post.plaintext)).toEqual({
      type: 'text',
      corpId: 'wx5823bf96d3bd56c7',
      createTime: 1409659813,
      msgId: '4561255354251345929',
      fromUser: 'mycreate',
      agentId: '218',
      content: 'hello',
    });
  });

  it('keeps the type of other app messages', () => {
    const xml = envelope('<MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/y.png]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>1234567890123456789</MsgId><AgentID>1</AgentID>', 'lisi');
    expect(parseEvent(xml)).toMatchObject({ type: 'unsupported_message', msgType: 'image', msgId: '1234567890123456789', fromUser: 'lisi' });
  });

  it.each([
    ['add_external_contact', '<State><![CDATA[teststate]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>', { state: 'teststate', welcomeCode: 'WELCOMECODE' }],
    ['add_half_external_contact', '<State><![CDATA[qr1]]></State><WelcomeCode><![CDATA[W2]]></WelcomeCode>', { state: 'qr1', welcomeCode: 'W2' }],
    ['edit_external_contact', '', {}],
    ['del_external_contact', '<Source><![CDATA[DELETE_BY_TRANSFER]]></Source>', { source: 'DELETE_BY_TRANSFER' }],
    ['del_follow_user', '', {}],
    ['transfer_fail', '<FailReason><![CDATA[customer_refused]]></FailReason>', { failReason: 'customer_refused' }],
  ])('parses change_external_contact/%s with its fields', (changeType, rest, fields) => {
    expect(parseEvent(contact(changeType, rest))).toEqual({
      type: 'change_external_contact',
      changeType,
      corpId: 'ww1234567890',
      createTime: 1403610513,
      userId: 'zhangsan',
      externalUserId: 'woAJ2GCAAAXtWyujaWJHDDGi0mAAAA',
      ...fields,
    });
  });

  it.each(['create', 'update', 'delete'])('parses change_external_tag/%s', (changeType) => {
    const xml = event('change_external_tag', `<Id><![CDATA[etXXX]]></Id><TagType><![CDATA[tag_group]]></TagType><ChangeType><![CDATA[${changeType}]]></ChangeType>`);
    expect(parseEvent(xml)).toMatchObject({ type: 'change_external_tag', changeType, id: 'etXXX', tagType: 'tag_group' });
  });

  it('parses change_external_tag/shuffle with its strategy id', () => {
    const xml = event('change_external_tag', '<Id><![CDATA[etG]]></Id><ChangeType><![CDATA[shuffle]]></ChangeType><StrategyId>1</StrategyId>');
    expect(parseEvent(xml)).toMatchObject({ type: 'change_external_tag', changeType: 'shuffle', id: 'etG', strategyId: '1' });
  });

  it('parses msgaudit_notify, kf_msg_or_event and enter_agent', () => {
    expect(parseEvent(event('msgaudit_notify', '<AgentID>2000003</AgentID>'))).toMatchObject({ type: 'msgaudit_notify', agentId: '2000003' });
    expect(parseEvent(event('kf_msg_or_event', '<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token><OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId>'))).toMatchObject({
      type: 'kf_msg_or_event',
      token: 'ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR',
      openKfId: 'wkxxxxxxx',
    });
    const enter = envelope('<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1</AgentID>', 'guide.lin');
    expect(parseEvent(enter)).toMatchObject({ type: 'enter_agent', fromUser: 'guide.lin', agentId: '1' });
  });

  it('keeps the raw XML of events it does not know', () => {
    const xml = event('change_contact', '<ChangeType><![CDATA[create_user]]></ChangeType><UserID><![CDATA[u]]></UserID>');
    expect(parseEvent(xml)).toEqual({ type: 'unknown', corpId: 'ww1234567890', createTime: 1403610513, msgType: 'event', event: 'change_contact', xml });
    const odd = contact('some_future_change');
    expect(parseEvent(odd)).toMatchObject({ type: 'unknown', event: 'change_external_contact/some_future_change', xml: odd });
  });

  it('refuses DOCTYPE, entities, malformed XML and missing fields with stable codes', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><xml><ToUserName>&lol2;</ToUserName></xml>`;
    expect(codeOf(() => parseEvent(laughs))).toBe('forbidden_xml');
    expect(codeOf(() => parseEvent('<!doctype xml SYSTEM "file:///etc/passwd"><xml/>'))).toBe('forbidden_xml');
    expect(codeOf(() => parseEvent('<xml><ToUserName>a</ToUserName>'))).toBe('bad_xml');
    expect(codeOf(() => parseEvent('not xml at all'))).toBe('bad_xml');
    expect(codeOf(() => parseEvent(envelope('<MsgType><![CDATA[text]]></MsgType><Content>hi</Content>', 'u')))).toBe('bad_event');
    expect(codeOf(() => parseEvent(event('kf_msg_or_event', '<OpenKfId>wk1</OpenKfId>')))).toBe('bad_event');
  });

  it('dedupes messages by MsgId and events by their exact bytes', () => {
    const msg = parseEvent(OFFICIAL.post.plaintext);
    expect(dedupeKeyOf(msg, OFFICIAL.post.plaintext)).toBe('msg-4561255354251345929');
    const a = contact('del_follow_user');
    const b = contact('edit_external_contact');
    expect(dedupeKeyOf(parseEvent(a), a)).toBe(dedupeKeyOf(parseEvent(a), a));
    expect(dedupeKeyOf(parseEvent(a), a)).not.toBe(dedupeKeyOf(parseEvent(b), b));
  });
});
