import { ApiError, createRequest } from '../../shared/api-request.ts';
import type { ApprovalItem, AuditEntry, Decision, FiguresReport, Me, Period, ReviewStore, Script, SentItem } from './api-types.ts';
import { approvalsUrl, figuresUrl, loginUrl, sentUrl } from './review-urls.ts';

let leaving = false;

/** A 401 anywhere means the session is gone: sign in again and come back to this very page (and item). */
function goSignIn(): void {
  if (leaving) return;
  leaving = true;
  window.location.assign(loginUrl(`${window.location.pathname}${window.location.search}`));
}

const request = createRequest({ bodiless: [204], onUnauthorized: goSignIn });

const approval = (id: string): string => `/api/review/approvals/${encodeURIComponent(id)}`;

/** Lists the page iterates are defaulted so a field the server omits cannot crash a render. */
function normaliseApproval(item: ApprovalItem): ApprovalItem {
  return { ...item, flags: item.flags ?? [], conversation: item.conversation ?? [] };
}

/** The review API, one function per route of the contract. */
export const api = {
  // /api/session answers "not signed in" with 200, so a first visit logs no 401 on its way to sign-in.
  me: async () => {
    const { member } = await request<{ member: Me | null }>('GET', '/api/session');
    if (!member) {
      goSignIn();
      throw new ApiError(401, 'not_signed_in', 'sign in first');
    }
    return member;
  },
  stores: async () => (await request<{ stores?: ReviewStore[] }>('GET', '/api/review/stores')).stores ?? [],
  approvals: async (state: 'pending' | 'decided', store?: string) =>
    ((await request<{ items?: ApprovalItem[] }>('GET', approvalsUrl(state, store))).items ?? []).map(normaliseApproval),
  approval: async (id: string) => normaliseApproval(await request<ApprovalItem>('GET', approval(id))),
  decide: async (id: string, decision: Decision) => normaliseApproval(await request<ApprovalItem>('POST', `${approval(id)}/decision`, decision)),
  sent: async (status: 'open' | 'all', store?: string) =>
    ((await request<{ items?: SentItem[] }>('GET', sentUrl(status, store))).items ?? []).map((item) => ({ ...item, flags: item.flags ?? [] })),
  sentAction: (id: string, action: 'noted' | 'coach', note?: string) =>
    request<SentItem>('POST', `/api/review/sent/${encodeURIComponent(id)}/action`, note ? { action, note } : { action }),
  figures: async (period: Period, store?: string) => {
    const report = await request<FiguresReport>('GET', figuresUrl(period, store));
    return { ...report, stores: report.stores ?? [], series: report.series ?? [], topQuestions: report.topQuestions ?? [] };
  },
  intents: async () => (await request<{ intents?: string[] }>('GET', '/api/review/intents')).intents ?? [],
  saveScript: async (body: { text: string; intent: string; tags: string[]; fromMessageId?: string }) =>
    (await request<{ script: Script }>('POST', '/api/review/scripts', body)).script,
  audit: async (limit: number) => (await request<{ entries?: AuditEntry[] }>('GET', `/api/review/audit?limit=${limit}`)).entries ?? [],
};

export const FORBIDDEN_ROLE_TEXT = '只有店长和总部运营可以使用审核台';

/** What the manager should do about an error, in the manager's words. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return '页面出了点问题，请刷新页面重试。';
  switch (error.code) {
    case 'network':
      return '网络连接不上，请检查网络后点“重试”。';
    case 'not_signed_in':
    case 'bad_session':
      return '登录已过期，正在跳转到登录页…';
    case 'forbidden_role':
      return `${FORBIDDEN_ROLE_TEXT}。如需开通，请联系总部运营。`;
    case 'not_your_store':
      return '这条内容属于你未管理的门店，无法查看或处理。如有疑问请联系总部运营。';
    case 'already_decided':
      return '这条回复已由其他人处理。';
    case 'script_flagged':
      return '这条话术有必须拦截的风险（如目录外的价格、政策外的退款承诺），不能加入话术库，请改写标记的内容后再试。';
    case 'company_wide_admin_only':
      return '只有总部运营可以添加全公司通用的话术；你添加的话术只给你管理的门店使用。';
    case 'unknown_intent':
      return '这个意图已不在话术库的意图列表中，请刷新页面后重新选择。';
    case 'bad_request':
    case 'bad_json':
      // The server's detail is for developers; the manager needs to know what to fix.
      return `提交的内容不符合要求（如文字过长、标签格式不对），请检查后重试。${error.message ? `（${error.message}）` : ''}`;
    default:
      if (error.status === 404) return '没有找到这条内容，可能已过期或被删除。请刷新列表。';
      if (error.status === 429) return '操作太频繁，请稍等片刻再试。';
      if (error.status >= 500) return '服务暂时不可用，请稍后重试；如持续出现请联系 IT。';
      return error.message ? `操作未成功：${error.message}` : '操作未成功，请重试。';
  }
}
