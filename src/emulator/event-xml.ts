/** Decrypted callback bodies exactly as WeCom formats them (doc 92130 客户联系, 94670 微信客服). */

function cdata(value: string): string {
  // "]]>" cannot appear inside a CDATA section: close it and reopen around the ">".
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** A flat `<xml>` document; numbers go bare (CreateTime), strings in CDATA. */
export function buildEventXml(fields: Record<string, string | number | undefined>): string {
  const body = Object.entries(fields)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `<${name}>${typeof value === 'number' ? String(value) : cdata(value)}</${name}>`)
    .join('');
  return `<xml>${body}</xml>`;
}

/** The POST body WeCom sends: the encrypted message in `<Encrypt>` plus the receiving app. */
export function buildEnvelope(corpId: string, encrypt: string, agentId: string): string {
  return `<xml><ToUserName>${cdata(corpId)}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt><AgentID>${cdata(agentId)}</AgentID></xml>`;
}

export type ContactChange =
  | { changeType: 'add_external_contact' | 'add_half_external_contact'; userid: string; externalUserId: string; state?: string; welcomeCode?: string }
  | { changeType: 'edit_external_contact' | 'del_follow_user'; userid: string; externalUserId: string }
  | { changeType: 'del_external_contact'; userid: string; externalUserId: string; source?: string }
  | { changeType: 'transfer_fail'; userid: string; externalUserId: string; failReason: string };

export function contactChangeXml(corpId: string, createTime: number, change: ContactChange): string {
  return buildEventXml({
    ToUserName: corpId,
    FromUserName: 'sys',
    CreateTime: createTime,
    MsgType: 'event',
    Event: 'change_external_contact',
    ChangeType: change.changeType,
    UserID: change.userid,
    ExternalUserID: change.externalUserId,
    State: 'state' in change ? change.state : undefined,
    WelcomeCode: 'welcomeCode' in change ? change.welcomeCode : undefined,
    Source: 'source' in change ? change.source : undefined,
    FailReason: 'failReason' in change ? change.failReason : undefined,
  });
}

export function tagChangeXml(corpId: string, createTime: number, change: { changeType: 'create' | 'update' | 'delete'; id: string; tagType: 'tag' | 'tag_group' }): string {
  return buildEventXml({
    ToUserName: corpId,
    FromUserName: 'sys',
    CreateTime: createTime,
    MsgType: 'event',
    Event: 'change_external_tag',
    Id: change.id,
    TagType: change.tagType,
    ChangeType: change.changeType,
  });
}

export function kfEventXml(corpId: string, createTime: number, token: string, openKfId: string): string {
  return buildEventXml({ ToUserName: corpId, CreateTime: createTime, MsgType: 'event', Event: 'kf_msg_or_event', Token: token, OpenKfId: openKfId });
}

export type ChatChange =
  | { changeType: 'create' | 'dismiss'; chatId: string }
  | {
      changeType: 'update';
      chatId: string;
      updateDetail: 'add_member' | 'del_member' | 'change_owner' | 'change_name' | 'change_notice';
      joinScene?: number;
      quitScene?: number;
      memChangeList?: string[];
      lastMemVer?: string;
      curMemVer?: string;
    };

/** 客户群变更 (doc 92130); MemChangeList as `<Item>` elements, the form WeCom sends today. */
export function chatChangeXml(corpId: string, createTime: number, change: ChatChange): string {
  const update = change.changeType === 'update' ? change : undefined;
  const list = update?.memChangeList;
  const flat = buildEventXml({
    ToUserName: corpId,
    FromUserName: 'sys',
    CreateTime: createTime,
    MsgType: 'event',
    Event: 'change_external_chat',
    ChatId: change.chatId,
    ChangeType: change.changeType,
    UpdateDetail: update?.updateDetail,
    JoinScene: update?.joinScene,
    QuitScene: update?.quitScene,
    MemChangeCnt: list?.length,
    LastMemVer: update?.lastMemVer,
    CurMemVer: update?.curMemVer,
  });
  if (!list) return flat;
  return flat.replace(/<\/xml>$/, `<MemChangeList>${list.map((id) => `<Item>${cdata(id)}</Item>`).join('')}</MemChangeList></xml>`);
}
