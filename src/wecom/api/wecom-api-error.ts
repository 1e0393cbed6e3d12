import { AppError } from '../../errors.ts';

/**
 * Errcodes are the contract; errmsg wording changes without notice (全局错误码, doc 90455).
 * Hints tell the operator what to change, not what WeCom said.
 */
const HINTS: Record<number, string> = {
  [-1]: 'WeCom was busy and stayed busy through every retry; the job will be retried',
  40001: "wrong secret: check WECOM_SECRET (and the contact/kf secrets) against the app's settings",
  40013: 'wrong corp id: check WECOM_CORP_ID',
  40014: 'access_token rejected twice in a row: check that only this service refreshes the token for this secret',
  40029: 'the OAuth code is invalid, used or older than 5 minutes: restart the login',
  40050: "unknown chat id: the customer group is gone, or its owner is outside the app's visible range",
  40056: 'wrong agent id: check WECOM_AGENT_ID',
  40068: 'unknown tag or tag group id: refresh the tag library',
  40071: 'a tag of that name already exists in the group',
  40091: "wrong secret: check WECOM_SECRET (and the contact/kf secrets) against the app's settings",
  40096: 'unknown external_userid: the customer is not visible to this app or belongs to another corp',
  41001: 'access_token missing twice in a row: report this as a bug',
  42001: 'access_token expired twice in a row: check the server clock and the token cache',
  45009: 'WeCom frequency limit reached and still reached after backing off: lower the call rate',
  45033: 'WeCom concurrency limit reached: lower the number of parallel workers',
  48002: 'the app may not call this API: add it in the admin console under 客户联系 → 可调用接口的应用',
  48007: 'the app is not authorised for this 微信客服 account: add it in 微信客服 → 可调用接口的应用',
  60011: "the member or customer is outside the app's visible range: widen the app's 可见范围",
  60020: "this server's egress IP is not trusted: add it to the app's 企业可信IP list (takes about a minute)",
  81013: 'none of the recipients is a member in the app’s visible range',
  84061: 'the guide and the customer are no longer connected (the guide deleted the customer)',
  95000: 'unknown open_kfid: check the 微信客服 account id',
  95007: 'the 微信客服 callback token expired (10 minutes): the next callback brings a fresh one',
};

export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40014, 42001, 41001]);
export const BUSY_ERRCODES: ReadonlySet<number> = new Set([-1, 45009, 45033]);

/** A nonzero errcode from a WeCom API, with the path that answered it. */
export class WecomApiError extends AppError {
  readonly errcode: number;
  readonly path: string;

  constructor(errcode: number, path: string, options: { cause?: unknown; retries?: number } = {}) {
    const hint = HINTS[errcode] ?? `see https://developer.work.weixin.qq.com/devtool/query?e=${errcode}`;
    const tried = options.retries ? ` after ${options.retries} retries` : '';
    super('wecom_api_error', `WeCom ${path} answered errcode ${errcode}${tried}`, {
      status: 502,
      expose: false,
      hint,
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.name = 'WecomApiError';
    this.errcode = errcode;
    this.path = path;
  }
}

export function isWecomApiError(error: unknown, errcode?: number): error is WecomApiError {
  return error instanceof WecomApiError && (errcode === undefined || error.errcode === errcode);
}

/**
 * WeCom silently drops app messages beyond 30 per member per minute (访问频率限制, doc 90312); we refuse the
 * 31st instead so the caller can reschedule it.
 */
export class SendRateLimitedError extends AppError {
  readonly retryAfterMs: number;
  readonly userIds: string[];

  constructor(userIds: string[], retryAfterMs: number) {
    super('send_rate_limited', `app message limit (30/min per member) reached for ${userIds.join(', ')}`, {
      status: 429,
      expose: true,
      hint: `reschedule the message in ${retryAfterMs} ms`,
    });
    this.name = 'SendRateLimitedError';
    this.retryAfterMs = retryAfterMs;
    this.userIds = userIds;
  }
}

/** An OAuth code that belongs to a WeChat user (openid), not a corp member: not a guide login. */
export function notAMember(): AppError {
  return new AppError('not_a_member', 'this WeCom account is not a member of the corp', {
    status: 403,
    expose: true,
    hint: 'open the page from inside WeCom as a member of the corp',
  });
}

const notSent = new WeakSet<object>();

/**
 * Marks an error raised before the request it was for left this process (its access_token could not be
 * had: gettoken timed out, the token cache failed). Whatever the error says, WeCom cannot have acted on the
 * request, so a job may send it again (call-once.ts).
 */
export function beforeSending<E>(error: E): E {
  if (typeof error === 'object' && error !== null) notSent.add(error);
  return error;
}

export function failedBeforeSending(error: unknown): boolean {
  return typeof error === 'object' && error !== null && notSent.has(error);
}

/** Network failure, timeout or a non-JSON answer. The call may or may not have taken effect. */
export function wecomUnreachable(path: string, cause: unknown): AppError {
  return new AppError('wecom_unreachable', `WeCom ${path} did not answer`, {
    status: 502,
    expose: false,
    hint: 'check outbound HTTPS to WECOM_API_BASE (proxy, DNS, firewall)',
    cause,
  });
}

export function wecomBadResponse(path: string, cause: unknown): AppError {
  return new AppError('wecom_bad_response', `WeCom ${path} answered in an unexpected shape`, {
    status: 502,
    expose: false,
    hint: 'WeCom changed a response shape or WECOM_API_BASE points at something else',
    cause,
  });
}
