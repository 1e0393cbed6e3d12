import type { CallbackSender } from './callback-sender.ts';
import type { ContactActions, TagChangeInput } from './contact-actions.ts';
import { findTag, type EmulatorState } from './emulator-state.ts';
import { describeGroup } from './group-chats.ts';
import type { Faults } from './faults.ts';
import { HttpError, optionalString, readJsonObject, requireString, sendJson, stringList, type Router } from './http-kit.ts';

/** `/__emulator/…`: drive the emulated tenant (contacts, tags, faults) and look inside it. */

export interface AdminDeps {
  state: EmulatorState;
  faults: Faults;
  actions: ContactActions;
  sender: CallbackSender;
  sidebarUrl?: string;
}

function numberField(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new HttpError(400, `${name} must be a non-negative number`);
  return value;
}

function applyFaults(faults: Faults, body: Record<string, unknown>): void {
  if (body.reset === true) faults.reset();
  faults.latencyMs = numberField(body, 'latencyMs') ?? faults.latencyMs;
  faults.tokenExpiresIn = numberField(body, 'tokenExpiresIn') ?? faults.tokenExpiresIn;
  faults.kfPageSize = numberField(body, 'kfPageSize') ?? faults.kfPageSize;
  faults.kfEmptyPages = numberField(body, 'kfEmptyPages') ?? faults.kfEmptyPages;
  if (body.expireTokens === true) faults.expireTokens();
  const failures = Array.isArray(body.failNext) ? body.failNext : body.failNext === undefined ? [] : [body.failNext];
  for (const entry of failures) {
    const failure = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof failure.errcode !== 'number') throw new HttpError(400, 'failNext.errcode must be a number');
    faults.failNext(failure.errcode, numberField(failure, 'count') ?? 1, optionalString(failure, 'path'));
  }
}

/** Everything the demo page shows in its pickers. */
export function describeDirectory(state: EmulatorState, sidebarUrl?: string): Record<string, unknown> {
  return {
    corp: state.corp,
    stores: state.stores,
    members: [...state.members.values()],
    customers: [...state.customers.values()].map((c) => ({
      external_userid: c.externalUserId,
      name: c.name,
      gender: c.gender,
      follow: [...c.follows.values()].map((f) => ({
        userid: f.userid,
        remark: f.remark,
        status: f.status,
        state: f.state,
        tags: f.tagIds.map((id) => {
          const found = findTag(state, id);
          return { id, name: found?.tag.name ?? id, group: found?.group.name ?? '' };
        }),
      })),
    })),
    tagGroups: state.tagGroups,
    groups: [...state.groups.values()].map(describeGroup),
    kf: { open_kfid: state.kf.openKfId, name: state.kf.name, servicers: state.kf.servicers },
    sidebarUrl: sidebarUrl ?? null,
  };
}

function sidebarPath(url: string | undefined): string | undefined {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

function tagChange(body: Record<string, unknown>): TagChangeInput {
  const change = requireString(body, 'change');
  if (change === 'create') {
    const groupId = optionalString(body, 'group_id');
    const groupName = optionalString(body, 'group_name');
    const single = optionalString(body, 'name');
    return { change, names: single ? [single] : stringList(body, 'names'), ...(groupId ? { groupId } : {}), ...(groupName ? { groupName } : {}) };
  }
  if (change === 'update') return { change, id: requireString(body, 'id'), name: requireString(body, 'name') };
  if (change === 'delete') return { change, id: requireString(body, 'id') };
  throw new HttpError(400, 'change must be create, update or delete');
}

export function registerAdminRoutes(router: Router, deps: AdminDeps): void {
  const { state, faults, actions, sender } = deps;
  const post = (path: string, run: (body: Record<string, unknown>) => Promise<unknown>): void =>
    router.on('POST', `/__emulator/${path}`, async (req, res) => sendJson(res, 200, await run(await readJsonObject(req))));

  // Through the service's own port (its forwarded routes) the sidebar is on the page's origin: a path then,
  // so a phone or a published container port frames it where it reached the demo, not at 127.0.0.1.
  router.on('GET', '/__emulator/directory', async (req, res) => {
    const forwarded = req.headers['x-forwarded-host'] !== undefined && deps.sidebarUrl;
    sendJson(res, 200, describeDirectory(state, forwarded ? sidebarPath(deps.sidebarUrl) : deps.sidebarUrl));
  });
  router.on('GET', '/__emulator/calls', async (_req, res) => sendJson(res, 200, { calls: Object.fromEntries(state.calls) }));
  router.on('GET', '/__emulator/callbacks', async (_req, res) => sendJson(res, 200, { callbacks: state.callbacks }));
  router.on('GET', '/__emulator/app-messages', async (_req, res, url) => {
    const userid = url.searchParams.get('userid');
    sendJson(res, 200, { messages: state.appMessages.filter((m) => !userid || m.touser === userid) });
  });

  post('faults', async (body) => {
    applyFaults(faults, body);
    return { latencyMs: faults.latencyMs, tokenExpiresIn: faults.tokenExpiresIn, kfPageSize: faults.kfPageSize, kfEmptyPages: faults.kfEmptyPages };
  });
  post('contacts', async (body) => {
    const gender = body.gender === 1 || body.gender === 2 ? body.gender : undefined;
    const externalUserId = optionalString(body, 'external_userid');
    const name = optionalString(body, 'name');
    const channel = optionalString(body, 'state');
    return actions.addContact({
      userid: requireString(body, 'userid'),
      half: body.half === true,
      ...(externalUserId ? { externalUserId } : {}),
      ...(name ? { name } : {}),
      ...(gender ? { gender } : {}),
      ...(channel ? { state: channel } : {}),
    });
  });
  post('contacts/edit', async (body) => {
    const remark = optionalString(body, 'remark');
    const description = optionalString(body, 'description');
    return actions.editContact({
      userid: requireString(body, 'userid'),
      externalUserId: requireString(body, 'external_userid'),
      addTags: stringList(body, 'add_tag'),
      removeTags: stringList(body, 'remove_tag'),
      ...(remark === undefined ? {} : { remark }),
      ...(description === undefined ? {} : { description }),
    });
  });
  post('contacts/delete', async (body) => {
    const by = requireString(body, 'by');
    if (by !== 'guide' && by !== 'customer') throw new HttpError(400, 'by must be guide or customer');
    return actions.deleteContact({ userid: requireString(body, 'userid'), externalUserId: requireString(body, 'external_userid'), by });
  });
  post('contacts/transfer-fail', async (body) => {
    const reason = optionalString(body, 'reason') ?? 'customer_refused';
    if (reason !== 'customer_refused' && reason !== 'customer_limit_exceed') throw new HttpError(400, 'reason must be customer_refused or customer_limit_exceed');
    return actions.transferFail({ userid: requireString(body, 'userid'), externalUserId: requireString(body, 'external_userid'), reason });
  });
  post('tags', async (body) => actions.changeTags(tagChange(body)));
  post('verify-url', async () => sender.verifyUrl());
}
