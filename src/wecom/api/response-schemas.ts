import { z } from 'zod';

/**
 * The parts of WeCom's answers we rely on. Unknown fields are stripped; optional fields WeCom leaves out
 * for some accounts (unionid, state, …) are optional here too. Ids stay strings.
 */

const text = z.string().catch('');
const seconds = z.coerce.number().catch(0);

export const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
export const ticketResponse = z.object({ ticket: z.string().min(1), expires_in: z.coerce.number().positive() });

export const externalContactSchema = z.object({
  external_userid: z.string(),
  name: text,
  avatar: z.string().optional(),
  type: z.union([z.literal(1), z.literal(2)]).catch(1),
  gender: z.union([z.literal(0), z.literal(1), z.literal(2)]).catch(0),
  unionid: z.string().optional(),
  corp_name: z.string().optional(),
  position: z.string().optional(),
});

const contactTagSchema = z.object({
  group_name: text,
  tag_name: text,
  tag_id: z.string().optional(),
  type: z.union([z.literal(1), z.literal(2), z.literal(3)]).catch(1),
});

const followBase = {
  userid: z.string(),
  remark: text,
  description: text,
  createtime: seconds,
  state: z.string().optional(),
  add_way: z.number().optional(),
  oper_userid: z.string().optional(),
  remark_mobiles: z.array(z.string()).default([]),
};

export const externalContactResponse = z.object({
  external_contact: externalContactSchema,
  follow_user: z.array(z.object({ ...followBase, tags: z.array(contactTagSchema).default([]) })).default([]),
  next_cursor: z.string().optional(),
});

export const contactListResponse = z.object({ external_userid: z.array(z.string()).default([]) });

export const batchByUserResponse = z.object({
  external_contact_list: z
    .array(
      z.object({
        external_contact: externalContactSchema,
        follow_info: z.object({ ...followBase, tag_id: z.array(z.string()).default([]) }),
      }),
    )
    .default([]),
  next_cursor: z.string().catch(''),
});

const corpTagSchema = z.object({ id: z.string(), name: z.string(), order: z.number().catch(0), create_time: seconds, deleted: z.boolean().optional() });

export const corpTagGroupSchema = z.object({
  group_id: z.string(),
  group_name: z.string(),
  order: z.number().catch(0),
  create_time: seconds,
  deleted: z.boolean().optional(),
  tag: z.array(corpTagSchema).default([]),
});

export const corpTagListResponse = z.object({ tag_group: z.array(corpTagGroupSchema).default([]) });
export const addCorpTagResponse = z.object({ tag_group: corpTagGroupSchema });
export const emptyResponse = z.object({});

export const sendMessageResponse = z.object({ msgid: z.string().catch(''), invaliduser: z.string().catch('') });

const kfMessageSchema = z.object({
  msgid: z.string(),
  open_kfid: z.string().catch(''),
  external_userid: z.string().catch(''),
  send_time: seconds,
  origin: z.number(),
  servicer_userid: z.string().optional(),
  msgtype: z.string(),
  text: z.object({ content: z.string() }).optional(),
});

export const kfSyncResponse = z.object({
  next_cursor: z.string().catch(''),
  has_more: z.coerce.number().catch(0),
  msg_list: z.array(kfMessageSchema).default([]),
});

export const kfServiceStateResponse = z.object({ service_state: z.number(), servicer_userid: z.string().optional() });

/** A member answers `userid`; a WeChat user answers `openid` (doc 91023). Older answers used `UserId`/`OpenId`. */
export const userInfoResponse = z.object({
  userid: z.string().optional(),
  UserId: z.string().optional(),
  openid: z.string().optional(),
  OpenId: z.string().optional(),
});

/** msgaudit/check_single_agree and check_room_agree; `exteranalopenid` is WeCom's own spelling. */
export const agreeResponse = z.object({
  agreeinfo: z
    .array(
      z.object({
        userid: z.string().optional(),
        exteranalopenid: z.string(),
        agree_status: z.string().catch(''),
        status_change_time: seconds,
      }),
    )
    .default([]),
});
