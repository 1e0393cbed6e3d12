import { CgiError, bodyString, bodyStrings, type CgiDeps, type CgiRoute } from './cgi.ts';
import { findTag, type EmCustomer, type EmFollow, type EmulatorState } from './emulator-state.ts';

/** 客户联系 contact endpoints: get (92114), list (92113), batch/get_by_user (92994), mark_tag (92118), remark (92115). */

/** A relationship the APIs still see: the customer deleting the guide does not end it for the API. */
const visible = (f: EmFollow): boolean => f.status === 'active' || f.status === 'deleted_by_customer';

function contactJson(c: EmCustomer): Record<string, unknown> {
  return { external_userid: c.externalUserId, name: c.name, avatar: c.avatar, type: c.type, gender: c.gender };
}

function followBase(f: EmFollow): Record<string, unknown> {
  return {
    userid: f.userid,
    remark: f.remark,
    description: f.description,
    createtime: f.createtime,
    remark_mobiles: f.remarkMobiles,
    add_way: f.state ? 1 : 0,
    oper_userid: f.userid,
    ...(f.state ? { state: f.state } : {}),
    ...(f.remarkCompany ? { remark_corp_name: f.remarkCompany } : {}),
  };
}

function requireCustomer(state: EmulatorState, externalUserId: string | undefined): EmCustomer {
  const customer = externalUserId ? state.customers.get(externalUserId) : undefined;
  if (!customer) throw new CgiError(40096);
  return customer;
}

function requireMember(state: EmulatorState, userid: string | undefined): string {
  if (!userid || !state.members.has(userid)) throw new CgiError(60111);
  return userid;
}

/** The relationship an edit applies to, or 84061 when there is none any more. */
export function requireRelationship(state: EmulatorState, body: Record<string, unknown>): EmFollow {
  const userid = requireMember(state, bodyString(body, 'userid'));
  const customer = requireCustomer(state, bodyString(body, 'external_userid'));
  const follow = customer.follows.get(userid);
  if (!follow || !visible(follow)) throw new CgiError(84061);
  return follow;
}

export const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');
export const decodeCursor = (cursor: string): number => {
  if (!cursor) return 0;
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new CgiError(40058, 'invalid cursor');
  return Number(match[1]);
};

export function contactRoutes({ state }: CgiDeps): CgiRoute[] {
  return [
    {
      method: 'GET',
      path: 'externalcontact/get',
      handler: ({ query }) => {
        const customer = requireCustomer(state, query.get('external_userid') ?? undefined);
        const follows = [...customer.follows.values()].filter(visible);
        if (follows.length === 0) throw new CgiError(84061);
        return {
          external_contact: contactJson(customer),
          follow_user: follows.map((f) => ({
            ...followBase(f),
            tags: f.tagIds.flatMap((id) => {
              const found = findTag(state, id);
              return found ? [{ group_name: found.group.name, tag_name: found.tag.name, tag_id: id, type: 1 }] : [];
            }),
          })),
          next_cursor: '',
        };
      },
    },
    {
      method: 'GET',
      path: 'externalcontact/list',
      handler: ({ query }) => {
        const userid = requireMember(state, query.get('userid') ?? undefined);
        const ids = [...state.customers.values()].filter((c) => {
          const f = c.follows.get(userid);
          return f !== undefined && visible(f);
        });
        if (ids.length === 0) throw new CgiError(84061);
        return { external_userid: ids.map((c) => c.externalUserId) };
      },
    },
    {
      method: 'POST',
      path: 'externalcontact/batch/get_by_user',
      handler: ({ body }) => {
        const userids = bodyStrings(body, 'userid_list');
        if (userids.length === 0 || userids.length > 100) throw new CgiError(40058, 'userid_list must hold 1..100 userids');
        for (const id of userids) requireMember(state, id);
        const limit = typeof body.limit === 'number' ? body.limit : 50;
        if (limit < 1 || limit > 100) throw new CgiError(40058, 'limit must be 1..100');
        const all = userids.flatMap((userid) =>
          [...state.customers.values()].flatMap((c) => {
            const f = c.follows.get(userid);
            return f && visible(f) ? [{ customer: c, follow: f }] : [];
          }),
        );
        const offset = decodeCursor(bodyString(body, 'cursor') ?? '');
        const page = all.slice(offset, offset + limit);
        return {
          external_contact_list: page.map(({ customer, follow }) => ({
            external_contact: contactJson(customer),
            follow_info: { ...followBase(follow), tag_id: follow.tagIds },
          })),
          next_cursor: offset + limit < all.length ? encodeCursor(offset + limit) : '',
        };
      },
    },
    {
      method: 'POST',
      path: 'externalcontact/mark_tag',
      handler: ({ body }) => {
        const follow = requireRelationship(state, body);
        const add = bodyStrings(body, 'add_tag');
        const remove = bodyStrings(body, 'remove_tag');
        if (add.length === 0 && remove.length === 0) throw new CgiError(40058, 'add_tag and remove_tag are both empty');
        if ([...add, ...remove].some((id) => !findTag(state, id))) throw new CgiError(40068);
        follow.tagIds = [...new Set([...follow.tagIds.filter((id) => !remove.includes(id)), ...add])];
        return {};
      },
    },
    {
      method: 'POST',
      path: 'externalcontact/remark',
      handler: ({ body }) => {
        const follow = requireRelationship(state, body);
        const remark = bodyString(body, 'remark');
        const description = bodyString(body, 'description');
        if ((remark !== undefined && [...remark].length > 20) || (description !== undefined && [...description].length > 150)) {
          throw new CgiError(40058, 'remark ≤ 20 and description ≤ 150 characters');
        }
        if (remark !== undefined) follow.remark = remark;
        if (description !== undefined) follow.description = description;
        const company = bodyString(body, 'remark_company');
        if (company !== undefined) follow.remarkCompany = company;
        if (Array.isArray(body.remark_mobiles)) follow.remarkMobiles = bodyStrings(body, 'remark_mobiles');
        return {};
      },
    },
  ];
}
