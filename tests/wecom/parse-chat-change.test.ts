import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/wecom/parse-event.ts';
import { chatChangeXml } from '../../src/emulator/event-xml.ts';
import { codeOf } from '../support/error-code.ts';

// The shapes of doc 92130 (客户群变更事件): ChatId, ChangeType, and for update the UpdateDetail with the member fields.
const chat = (inner: string): string =>
  `<xml><ToUserName><![CDATA[ww55ca070cb9b7eb22]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>${inner}</xml>`;
const CHAT = '<ChatId><![CDATA[wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ]]></ChatId>';
const update = (detail: string, rest = ''): string => chat(`${CHAT}<ChangeType><![CDATA[update]]></ChangeType><UpdateDetail><![CDATA[${detail}]]></UpdateDetail>${rest}`);
const base = { type: 'change_external_chat', corpId: 'ww55ca070cb9b7eb22', createTime: 1403610513, chatId: 'wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ' };

describe('parseEvent: change_external_chat', () => {
  it('parses create and dismiss', () => {
    expect(parseEvent(chat(`${CHAT}<ChangeType><![CDATA[create]]></ChangeType>`))).toEqual({ ...base, changeType: 'create' });
    expect(parseEvent(chat(`${CHAT}<ChangeType><![CDATA[dismiss]]></ChangeType>`))).toEqual({ ...base, changeType: 'dismiss' });
  });

  it('parses add_member with its scene, count, member list (as <Item>s) and versions', () => {
    const xml = update(
      'add_member',
      '<JoinScene>1</JoinScene><QuitScene>0</QuitScene><MemChangeCnt>2</MemChangeCnt><MemChangeList><Item>Jack</Item><Item><![CDATA[wmRose0001]]></Item></MemChangeList><LastMemVer>9c3f97c2ada667dfb5f6d03308d963e1</LastMemVer><CurMemVer>71217227bbd112ecfe3a49c482195cb4</CurMemVer>',
    );
    expect(parseEvent(xml)).toEqual({
      ...base,
      changeType: 'update',
      updateDetail: 'add_member',
      joinScene: 1,
      quitScene: 0,
      memChangeCnt: 2,
      memChangeList: ['Jack', 'wmRose0001'],
      lastMemVer: '9c3f97c2ada667dfb5f6d03308d963e1',
      curMemVer: '71217227bbd112ecfe3a49c482195cb4',
    });
  });

  it('parses del_member, one <Item> or the older comma-separated list', () => {
    expect(parseEvent(update('del_member', '<QuitScene>1</QuitScene><MemChangeList><Item>wmOnly0001</Item></MemChangeList>'))).toMatchObject({ updateDetail: 'del_member', quitScene: 1, memChangeList: ['wmOnly0001'] });
    expect(parseEvent(update('del_member', '<MemChangeList><![CDATA[wmA0001,wmB0002]]></MemChangeList>'))).toMatchObject({ memChangeList: ['wmA0001', 'wmB0002'] });
  });

  it.each(['change_owner', 'change_name', 'change_notice'])('parses update/%s (the new state is read with groupchat/get)', (detail) => {
    expect(parseEvent(update(detail))).toEqual({ ...base, changeType: 'update', updateDetail: detail, memChangeList: [] });
  });

  it('keeps change types and update details it does not know as unknown events', () => {
    expect(parseEvent(chat(`${CHAT}<ChangeType><![CDATA[archive]]></ChangeType>`))).toMatchObject({ type: 'unknown', event: 'change_external_chat/archive' });
    expect(parseEvent(update('change_avatar'))).toMatchObject({ type: 'unknown', event: 'change_external_chat/update/change_avatar' });
  });

  it('reads what the emulator sends as WeCom does', () => {
    const xml = chatChangeXml('wwcorp', 1700000000, { changeType: 'update', chatId: 'wrEmu0001', updateDetail: 'add_member', joinScene: 2, memChangeList: ['wmA0001', 'guide.lin'], lastMemVer: 'a1', curMemVer: 'b2' });
    expect(parseEvent(xml)).toMatchObject({ chatId: 'wrEmu0001', updateDetail: 'add_member', joinScene: 2, memChangeCnt: 2, memChangeList: ['wmA0001', 'guide.lin'] });
  });

  it.each([
    ['no ChatId', chat('<ChangeType><![CDATA[create]]></ChangeType>')],
    ['an empty ChatId', chat('<ChatId></ChatId><ChangeType><![CDATA[create]]></ChangeType>')],
    ['a ChatId that is not an id', chat('<ChatId><![CDATA[wr../../etc]]></ChatId><ChangeType><![CDATA[create]]></ChangeType>')],
    ['a ChatId given twice', chat(`${CHAT}${CHAT}<ChangeType><![CDATA[create]]></ChangeType>`)],
    ['no ChangeType', chat(CHAT)],
    ['an update without UpdateDetail', chat(`${CHAT}<ChangeType><![CDATA[update]]></ChangeType>`)],
    ['a member list with other elements inside', update('add_member', '<MemChangeList><Item>a</Item><Evil>x</Evil></MemChangeList>')],
    ['a member list nested deeper', update('add_member', '<MemChangeList><Item><Item>a</Item></Item></MemChangeList>')],
    ['a member id that is not an id', update('add_member', '<MemChangeList><Item><![CDATA[wm<script>]]></Item></MemChangeList>')],
    ['more members than a group holds', update('add_member', `<MemChangeList>${Array.from({ length: 2001 }, (_, i) => `<Item>wm${i}</Item>`).join('')}</MemChangeList>`)],
    ['a JoinScene that is not a number', update('add_member', '<JoinScene>one</JoinScene>')],
    ['a negative MemChangeCnt', update('del_member', '<MemChangeCnt>-1</MemChangeCnt>')],
    ['a version with other characters', update('add_member', '<CurMemVer><![CDATA[v1; DROP]]></CurMemVer>')],
  ])('refuses %s with bad_event', (_what, xml) => {
    expect(codeOf(() => parseEvent(xml))).toBe('bad_event');
  });

  it('refuses entities and DOCTYPE with forbidden_xml', () => {
    expect(codeOf(() => parseEvent(`<!DOCTYPE x [<!ENTITY e "wrX">]>${chat('<ChatId>&e;</ChatId><ChangeType>create</ChangeType>')}`))).toBe('forbidden_xml');
  });
});
