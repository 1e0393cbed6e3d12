import type { EmulatorState, EmConsent } from './emulator-state.ts';
import type { GroupActions } from './group-actions.ts';
import { describeGroup, type GroupChats } from './group-chats.ts';
import { HttpError, optionalString, readJsonObject, requireString, sendJson, stringList, type Router } from './http-kit.ts';

/** `/__emulator/groups…`: the demo page's customer groups (their lines, who is in them) and what people do to them. */

const CONSENT: Record<string, EmConsent> = { agree: 'Agree', disagree: 'Disagree', default_agree: 'Default_Agree' };

export function registerGroupRoutes(router: Router, deps: { state: EmulatorState; chats: GroupChats; actions: GroupActions }): void {
  const { state, chats, actions } = deps;
  const post = (path: string, run: (body: Record<string, unknown>) => Promise<unknown>): void =>
    router.on('POST', `/__emulator/${path}`, async (req, res) => sendJson(res, 200, await run(await readJsonObject(req))));

  // The groups a guide is in (or every group), for the demo page's picker.
  router.on('GET', '/__emulator/groups', async (_req, res, url) => {
    const guide = url.searchParams.get('guide');
    const groups = [...state.groups.values()].filter((g) => !guide || g.members.some((m) => m.userid === guide));
    sendJson(res, 200, { groups: groups.map(describeGroup) });
  });

  router.on('GET', '/__emulator/groups/lines', async (_req, res, url) => {
    const chatId = url.searchParams.get('chat') ?? '';
    if (!state.groups.has(chatId)) throw new HttpError(404, `unknown group ${chatId}`);
    sendJson(res, 200, { lines: chats.lines(chatId, Number(url.searchParams.get('after') ?? 0)) });
  });

  // A line in the group goes the real way: an archive record with the roomid, then a signed msgaudit_notify.
  router.on('POST', '/__emulator/groups/lines', async (req, res, url) => {
    const body = await readJsonObject(req);
    const text = optionalString(body, 'text');
    const msgtype = optionalString(body, 'msgtype');
    const { line, delivery } = chats.post({
      chatId: requireString(body, 'chat_id'),
      from: requireString(body, 'from'),
      ...(text === undefined ? {} : { text }),
      ...(msgtype === undefined ? {} : { msgtype }),
    });
    if (url.searchParams.get('wait') === '1') return sendJson(res, 200, { line, delivery: delivery ? await delivery : null });
    delivery?.catch(() => undefined);
    sendJson(res, 200, { line });
  });

  post('groups', async (body) => {
    const chatId = optionalString(body, 'chat_id');
    return actions.createGroup({ name: requireString(body, 'name'), owner: requireString(body, 'owner'), members: stringList(body, 'members'), ...(chatId ? { chatId } : {}) });
  });
  post('groups/members', async (body) => {
    const scene = body.scene;
    if (scene !== undefined && scene !== 1 && scene !== 2 && scene !== 3) throw new HttpError(400, 'scene must be 1, 2 or 3');
    return actions.changeMembers({ chatId: requireString(body, 'chat_id'), add: stringList(body, 'add'), remove: stringList(body, 'remove'), ...(scene ? { scene } : {}) });
  });
  post('groups/update', async (body) => {
    const name = optionalString(body, 'name');
    const notice = optionalString(body, 'notice');
    const owner = optionalString(body, 'owner');
    return actions.updateGroup({ chatId: requireString(body, 'chat_id'), ...(name === undefined ? {} : { name }), ...(notice === undefined ? {} : { notice }), ...(owner === undefined ? {} : { owner }) });
  });
  post('groups/dismiss', async (body) => actions.dismissGroup(requireString(body, 'chat_id')));
  post('consent', async (body) => {
    const status = CONSENT[requireString(body, 'status')];
    if (!status) throw new HttpError(400, 'status must be agree, disagree or default_agree');
    actions.setConsent({ externalUserId: requireString(body, 'external_userid'), chatId: requireString(body, 'chat_id'), status });
    return { status };
  });
}
