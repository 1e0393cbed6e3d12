import { CgiError, bodyString, type CgiRoute } from './cgi.ts';
import type { EmulatorState } from './emulator-state.ts';

/**
 * 会话内容存档 consent (doc 91782): msgaudit/check_single_agree and check_room_agree. Every customer has
 * agreed unless a test or the demo says otherwise; a room set here wins over an emulated customer group's
 * own members. Only the archive Secret's token is accepted (48002).
 */
export interface ArchiveConsent {
  /** (member, customer) 1:1 consent; default agreed. */
  setSingle(userId: string, externalUserId: string, agreed: boolean): void;
  /** The customers of a group chat and their consent. */
  setRoom(roomId: string, customers: Record<string, boolean>): void;
  /** Everyone agreed again, no group known. */
  reset(): void;
}

const STATUS_CHANGED = 1_700_000_000;

export function createArchiveConsent(): ArchiveConsent & { single: Map<string, boolean>; rooms: Map<string, Map<string, boolean>> } {
  const single = new Map<string, boolean>();
  const rooms = new Map<string, Map<string, boolean>>();
  return {
    single,
    rooms,
    setSingle: (userId, externalUserId, agreed) => void single.set(`${userId}|${externalUserId}`, agreed),
    setRoom: (roomId, customers) => void rooms.set(roomId, new Map(Object.entries(customers))),
    reset() {
      single.clear();
      rooms.clear();
    },
  };
}

const status = (agreed: boolean) => (agreed ? 'Agree' : 'Disagree');

/** An emulated customer group's external members and their consent (the seed's archive_consent, setConsent). */
function groupConsent(state: EmulatorState, roomId: string): Map<string, boolean> | undefined {
  const group = state.groups.get(roomId);
  return group ? new Map(group.members.filter((m) => m.type === 2).map((m) => [m.userid, m.consent !== 'Disagree'])) : undefined;
}

export function msgauditRoutes(state: EmulatorState, consent: ReturnType<typeof createArchiveConsent>): CgiRoute[] {
  const archiveOnly = (secretName: string) => {
    if (secretName !== 'archive') throw new CgiError(48002, 'api forbidden: msgaudit needs the 会话内容存档 secret');
  };
  return [
    {
      method: 'POST',
      path: 'msgaudit/check_single_agree',
      handler: ({ body, secretName }) => {
        archiveOnly(secretName);
        const info = Array.isArray(body.info) ? body.info : undefined;
        if (!info || info.length === 0 || info.length > 100) throw new CgiError(40058, 'info must hold 1..100 entries');
        const agreeinfo = info.map((entry) => {
          const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
          const userid = bodyString(item, 'userid') ?? '';
          const external = bodyString(item, 'exteranalopenid') ?? '';
          if (!state.members.has(userid)) throw new CgiError(60111);
          if (!state.customers.has(external)) throw new CgiError(40096);
          return { userid, exteranalopenid: external, agree_status: status(consent.single.get(`${userid}|${external}`) ?? true), status_change_time: STATUS_CHANGED };
        });
        return { agreeinfo };
      },
    },
    {
      method: 'POST',
      path: 'msgaudit/check_room_agree',
      handler: ({ body, secretName }) => {
        archiveOnly(secretName);
        const roomId = bodyString(body, 'roomid') ?? '';
        const room = consent.rooms.get(roomId) ?? groupConsent(state, roomId);
        if (!room) throw new CgiError(40058, 'invalid roomid');
        return { agreeinfo: [...room].map(([external, agreed]) => ({ exteranalopenid: external, agree_status: status(agreed), status_change_time: STATUS_CHANGED })) };
      },
    },
  ];
}
