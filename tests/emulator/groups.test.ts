import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isWecomApiError } from '../../src/wecom/api/wecom-api-error.ts';
import { verifyAndDecrypt } from '../../src/wecom/crypto.ts';
import { parseEvent } from '../../src/wecom/parse-event.ts';
import { EMU_KEYS, EMU_SECRETS, startHarness, startRecorder, type Harness } from '../support/emulator-harness.ts';

/** The emulated customer groups: the server APIs our client calls, the callbacks people's actions fire, consent and archived lines. */
let h: Harness;
let hook: Awaited<ReturnType<typeof startRecorder>>;
const KEYS = { token: EMU_KEYS.token, encodingAesKey: EMU_KEYS.encodingAesKey, corpId: EMU_KEYS.corpId };

/** What reached our webhook, decrypted and parsed as the service would. */
function events() {
  return hook.requests.map((r) => {
    const q = new URL(r.url, 'http://hook').searchParams;
    const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(r.body)?.[1] ?? '';
    return parseEvent(verifyAndDecrypt(KEYS, { signature: q.get('msg_signature') ?? '', timestamp: q.get('timestamp') ?? '', nonce: q.get('nonce') ?? '', encrypt }));
  });
}

async function errcodeOf(call: Promise<unknown>): Promise<number | string> {
  try {
    await call;
    return 'no error';
  } catch (error) {
    return isWecomApiError(error) ? error.errcode : String(error);
  }
}

beforeAll(async () => {
  hook = await startRecorder();
  h = await startHarness({ webhookUrl: hook.url, archive: { token: 'group-archive-token' } });
});
afterAll(async () => {
  await h.close();
  await hook.close();
});
beforeEach(() => void (hook.requests.length = 0));

describe('customer groups in the emulator', () => {
  it('groupchat/list pages through the groups of the given owners; groupchat/get answers members with names and types', async () => {
    await h.emulator.actions.createGroup({ chatId: 'wrT0001', name: '南京西路会员群', owner: 'guide.lin', members: ['guide.chen', 'wmFixtureC001', 'wmFixtureC002', 'wmStranger01'] });
    await h.emulator.actions.createGroup({ chatId: 'wrT0002', name: '王磊的群', owner: 'guide.wang', members: ['wmFixtureC004'] });
    await h.emulator.actions.createGroup({ chatId: 'wrT0003', name: '林晓的第二个群', owner: 'guide.lin' });
    const api = h.client();
    const first = await api.listGroupChats({ ownerUserIds: ['guide.lin'], limit: 1 });
    expect(first.chats).toEqual([{ chatId: 'wrT0001', status: 0 }]);
    const second = await api.listGroupChats({ ownerUserIds: ['guide.lin'], limit: 1, cursor: first.nextCursor });
    expect(second).toEqual({ chats: [{ chatId: 'wrT0003', status: 0 }], nextCursor: '' });
    expect((await api.listGroupChats({})).chats.map((c) => c.chatId)).toEqual(['wrT0001', 'wrT0002', 'wrT0003']);
    const detail = await api.getGroupChat('wrT0001');
    expect(detail).toMatchObject({ chatId: 'wrT0001', name: '南京西路会员群', owner: 'guide.lin', memberVersion: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(detail.members.map((m) => [m.userId, m.type, m.name])).toEqual([
      ['guide.lin', 1, '林晓'],
      ['guide.chen', 1, '陈静'],
      ['wmFixtureC001', 2, '张女士'],
      ['wmFixtureC002', 2, '李先生'],
      ['wmStranger01', 2, '微信用户er01'],
    ]);
    expect(detail.members.find((m) => m.userId === 'wmFixtureC001')?.invitor).toBe('guide.lin');
    expect(await errcodeOf(api.getGroupChat('wrNope'))).toBe(40050);
    // Creating a group told our webhook.
    expect(events().map((e) => e.type === 'change_external_chat' && `${e.changeType} ${e.chatId}`)).toEqual(['create wrT0001', 'create wrT0002', 'create wrT0003']);
  });

  it('fires change_external_chat for members joining and leaving (with the list and versions), owner, name and notice changes, and dismiss', async () => {
    const before = h.emulator.state.groups.get('wrT0001')!.memberVersion;
    await h.emulator.actions.changeMembers({ chatId: 'wrT0001', add: ['wmFixtureC003', 'guide.wang'], remove: ['wmStranger01'], scene: 3 });
    await h.emulator.actions.updateGroup({ chatId: 'wrT0001', owner: 'guide.chen', name: '南京西路VIP群', notice: '周六有新品' });
    const [added, removed, ...rest] = events();
    expect(added).toMatchObject({ changeType: 'update', updateDetail: 'add_member', joinScene: 3, memChangeCnt: 2, memChangeList: ['wmFixtureC003', 'guide.wang'], lastMemVer: before });
    expect(removed).toMatchObject({ updateDetail: 'del_member', quitScene: 1, memChangeList: ['wmStranger01'], curMemVer: h.emulator.state.groups.get('wrT0001')!.memberVersion });
    expect(rest.map((e) => (e.type === 'change_external_chat' && e.changeType === 'update' ? e.updateDetail : e.type))).toEqual(['change_owner', 'change_name', 'change_notice']);
    const detail = await h.client().getGroupChat('wrT0001');
    expect(detail).toMatchObject({ owner: 'guide.chen', name: '南京西路VIP群', notice: '周六有新品' });
    expect(detail.members.map((m) => m.userId)).toContain('wmFixtureC003');
    expect(detail.members.map((m) => m.userId)).not.toContain('wmStranger01');

    await h.emulator.actions.dismissGroup('wrT0003');
    expect(events().at(-1)).toMatchObject({ type: 'change_external_chat', changeType: 'dismiss', chatId: 'wrT0003' });
    expect(await errcodeOf(h.client().getGroupChat('wrT0003'))).toBe(40050);
    expect((await h.client().listGroupChats({ ownerUserIds: ['guide.lin'] })).chats.map((c) => c.chatId)).toEqual([]);
  });

  it('answers each external member’s archive consent, only to the 会话内容存档 secret once one is configured', async () => {
    const archiveApi = h.client();
    h.emulator.actions.setConsent({ chatId: 'wrT0001', externalUserId: 'wmFixtureC002', status: 'Disagree' });
    const agreements = await archiveApi.checkRoomAgree('wrT0001');
    expect(agreements.map((a) => [a.externalUserId, a.agreed])).toEqual([
      ['wmFixtureC001', true],
      ['wmFixtureC002', false],
      ['wmFixtureC003', true],
    ]);
    const { archive: _archive, ...withoutArchive } = EMU_SECRETS;
    expect(await errcodeOf(h.client({ secrets: withoutArchive }).checkRoomAgree('wrT0001'))).toBe(48002);
  });

  it('keeps group lines as archive records with the roomid and every other member as receivers, and notifies', async () => {
    const said = await h.emulator.actions.groupSay({ chatId: 'wrT0001', from: 'wmFixtureC001', text: '@林晓 在吗' });
    expect(said.delivery?.status).toBe('delivered');
    const record = h.emulator.archive!.records.at(-1)!;
    expect(record).toMatchObject({ roomid: 'wrT0001', from: 'wmFixtureC001', action: 'send', msgtype: 'text', text: { content: '@林晓 在吗' } });
    expect(record.msgid).toMatch(/_external$/);
    expect(record.tolist).not.toContain('wmFixtureC001');
    expect(record.tolist).toContain('guide.lin');
    expect(events().at(-1)).toMatchObject({ type: 'msgaudit_notify' });
    const guideLine = await h.emulator.actions.groupSay({ chatId: 'wrT0001', from: 'guide.lin', text: '在的' });
    expect(h.emulator.archive!.records.at(-1)?.msgid).not.toMatch(/_external$/);
    expect(guideLine.line).toMatchObject({ from: 'guide.lin', fromName: '林晓', fromType: 'member' });
    await expect(h.emulator.actions.groupSay({ chatId: 'wrT0001', from: 'wmNotInGroup', text: 'hi' })).rejects.toThrow(/not in group/);
    await expect(h.emulator.actions.groupSay({ chatId: 'wrT0003', from: 'guide.lin', text: 'hi' })).rejects.toThrow(/dismissed/);
  });
});
