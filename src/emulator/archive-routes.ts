import type { EmulatorArchive } from './archive-log.ts';
import { HttpError, optionalString, readJsonObject, requireString, sendJson, stringList, type Router } from './http-kit.ts';

/**
 * The chat-archive sidecar contract (see src/wecom/archive/archive-source.ts), served from the emulator's
 * archive log, plus a demo route that posts a line through the archive door.
 */
export function registerArchiveRoutes(router: Router, archive: EmulatorArchive): void {
  router.on('GET', '/__emulator/archive/chatdata', async (req, res, url) => {
    if (req.headers.authorization !== `Bearer ${archive.token}`) throw new HttpError(401, 'bad or missing bearer token');
    const seq = Number(url.searchParams.get('seq') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    if (!Number.isInteger(seq) || seq < 0) throw new HttpError(400, 'seq must be a non-negative integer');
    // GetChatData refuses a limit above 1000 (doc 91774).
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HttpError(400, 'limit must be 1..1000');
    sendJson(res, 200, archive.page(seq, limit));
  });

  router.on('POST', '/__emulator/archive/chat', async (req, res, url) => {
    const body = await readJsonObject(req);
    const from = requireString(body, 'from');
    if (from !== 'customer' && from !== 'guide') throw new HttpError(400, 'from must be customer or guide');
    const action = optionalString(body, 'action') ?? 'send';
    if (action !== 'send' && action !== 'recall' && action !== 'switch') throw new HttpError(400, 'action must be send, recall or switch');
    const text = optionalString(body, 'text');
    const msgtype = optionalString(body, 'msgtype');
    const roomid = optionalString(body, 'roomid');
    const tolist = stringList(body, 'tolist');
    const record = archive.append({
      guide: requireString(body, 'guide'),
      customer: requireString(body, 'customer'),
      from,
      action,
      ...(text === undefined ? {} : { text }),
      ...(msgtype === undefined ? {} : { msgtype }),
      ...(roomid === undefined ? {} : { roomid }),
      ...(tolist.length > 0 ? { tolist } : {}),
    });
    const delivery = archive.notify();
    if (url.searchParams.get('wait') === '1') return sendJson(res, 200, { record, delivery: await delivery });
    delivery.catch(() => undefined);
    sendJson(res, 200, { record });
  });
}
