import { ApiError, createRequest } from '../../shared/api-request.ts';
import type {
  CardTag,
  ChatMessage,
  CustomerCard,
  CustomerSummary,
  FeedbackAction,
  GroupCard,
  GroupMessage,
  GroupSummary,
  JssdkSignatures,
  KnowledgeResult,
  MarketingCopy,
  Me,
  OpenTask,
  RecommendedProduct,
  SendCheck,
  StoredSuggestion,
  TagProposal,
  TaskOutcome,
  TaskStatus,
} from './api-types.ts';
import { chatPath, type ChatRef } from './chat-ref.ts';
import type { ContentRequest } from './content-request.ts';

// The guide API answers 202 (regenerate queued) and 204 without a body.
const request = createRequest({ bodiless: [202, 204] });

const customer = (id: string): string => `/api/customers/${encodeURIComponent(id)}`;

/** The guide API, one function per route of the contract. */
export const api = {
  // /api/session answers "not signed in" with 200, so a first visit logs no 401; the page still sees one.
  me: async () => {
    const { member } = await request<{ member: Me | null }>('GET', '/api/session');
    if (!member) throw new ApiError(401, 'not_signed_in', 'sign in first');
    return member;
  },
  logout: () => request<void>('POST', '/auth/logout'),
  signatures: (url: string) => request<JssdkSignatures>('GET', `/api/jssdk/signatures?url=${encodeURIComponent(url)}`),
  customers: async () => (await request<{ customers?: CustomerSummary[] }>('GET', '/api/customers')).customers ?? [],
  card: async (id: string) => normaliseCard(await request<CustomerCard>('GET', customer(id))),
  messages: async (id: string, limit: number) =>
    (await request<{ messages?: ChatMessage[] }>('GET', `${customer(id)}/messages?limit=${limit}`)).messages ?? [],
  paste: (id: string, text: string) => request<{ message: ChatMessage }>('POST', `${customer(id)}/paste`, { text }),
  // Drafts, sending and feedback: the same routes for a customer's chat and a customer group.
  sendCheck: (chat: ChatRef, body: { text: string; suggestionId?: string; draftId?: string }) => request<SendCheck>('POST', `${chatPath(chat)}/send-check`, body),
  sent: (chat: ChatRef, body: { text: string; suggestionId?: string; draftId?: string }) => request<{ message: unknown }>('POST', `${chatPath(chat)}/sent`, body),
  suggestion: async (chat: ChatRef) => normaliseSuggestion((await request<{ suggestion: StoredSuggestion | null }>('GET', `${chatPath(chat)}/suggestion`)).suggestion),
  regenerate: (chat: ChatRef, instruction: string) => request<void>('POST', `${chatPath(chat)}/suggestion/regenerate`, { instruction }),
  feedback: (chat: ChatRef, draftId: string, body: { suggestionId: string; action: FeedbackAction; reason?: string }) =>
    request<void>('POST', `${chatPath(chat)}/drafts/${encodeURIComponent(draftId)}/feedback`, body),
  groups: async () => (await request<{ groups?: GroupSummary[] }>('GET', '/api/groups')).groups ?? [],
  group: async (id: string) => normaliseGroup(await request<GroupCard>('GET', `/api/groups/${encodeURIComponent(id)}`)),
  groupMessages: async (id: string, limit: number) =>
    (await request<{ messages?: GroupMessage[] }>('GET', `/api/groups/${encodeURIComponent(id)}/messages?limit=${limit}`)).messages ?? [],
  proposals: async (id: string) => (await request<{ proposals?: TagProposal[] }>('GET', `${customer(id)}/tag-proposals`)).proposals ?? [],
  decideTag: async (id: string, tag: string, decision: 'accepted' | 'dismissed') =>
    (await request<{ tags?: CardTag[] }>('POST', `${customer(id)}/tags/decide`, { tag, decision })).tags ?? null,
  /** `customerId` fills the results for that chat; `sku` fills a product slot with that catalog product. */
  search: async (q: string, limit: number, fill: { customerId?: string; sku?: string } = {}) => {
    const extra = `${fill.customerId ? `&customerId=${encodeURIComponent(fill.customerId)}` : ''}${fill.sku ? `&sku=${encodeURIComponent(fill.sku)}` : ''}`;
    return (await request<{ results?: KnowledgeResult[] }>('GET', `/api/knowledge/search?q=${encodeURIComponent(q)}&limit=${limit}${extra}`)).results ?? [];
  },
  recommendations: async (id: string, limit: number) =>
    (await request<{ products?: RecommendedProduct[] }>('GET', `${customer(id)}/recommendations?limit=${limit}`)).products ?? [],
  tasks: async () => ((await request<{ tasks?: OpenTask[] }>('GET', '/api/tasks')).tasks ?? []).map(normaliseTask),
  closeTask: (taskId: string, body: { status: TaskStatus; outcome?: TaskOutcome }) =>
    request<{ task: unknown }>('POST', `/api/tasks/${encodeURIComponent(taskId)}/close`, body),
  writeCopy: async (body: ContentRequest) => {
    const { copy } = await request<{ copy: MarketingCopy }>('POST', '/api/content', body);
    return { ...copy, flags: copy.flags ?? [], skus: copy.skus ?? [] };
  },
};

function normaliseTask(task: OpenTask): OpenTask {
  const customerId = task.customer?.customerId ?? '';
  return { ...task, customer: { customerId, name: task.customer?.name || customerId }, following: task.following !== false };
}

/** Lists the page iterates are defaulted so a field the server omits cannot crash a render. */
function normaliseCard(card: CustomerCard): CustomerCard {
  return {
    ...card,
    relationship: card.relationship ?? { status: 'active', since: 0 },
    tags: card.tags ?? [],
    facts: card.facts ?? [],
    tasks: card.tasks ?? [],
  };
}

function normaliseGroup(card: GroupCard): GroupCard {
  return { ...card, customers: (card.customers ?? []).map((c) => ({ ...c, guides: c.guides ?? [], tags: c.tags ?? [], proposals: c.proposals ?? [] })) };
}

function normaliseSuggestion(suggestion: StoredSuggestion | null): StoredSuggestion | null {
  if (!suggestion) return null;
  return {
    ...suggestion,
    drafts: (suggestion.drafts ?? []).slice(0, 3).map((d) => ({ ...d, flags: d.flags ?? [], skus: d.skus ?? [] })),
    tags: suggestion.tags ?? [],
  };
}

/** What the guide should do about an error, in the guide's words. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return '页面出了点问题，请刷新重试。';
  switch (error.code) {
    case 'network':
      return '网络不稳定，请检查网络后重试。';
    case 'not_signed_in':
    case 'bad_session':
      return '登录已过期，请重新打开导购助手。';
    case 'not_your_customer':
      return '这位客户不在你的客户列表中，无法查看。如需跟进，请先添加客户或联系店长分配。';
    case 'not_your_group':
      return '你不在这个客户群里，无法查看。如需跟进，请先请群主把你拉进群。';
    case 'unknown_group':
      return '企业微信里找不到这个客户群（可能已解散，或群主不在应用的可见范围内）。';
    case 'forbidden_role':
      return '你的账号没有导购权限，请联系管理员开通。';
    case 'task_closed':
      return '这条待办已经处理过了。';
    case 'task_not_found':
      return '这条待办已过期或不存在，请刷新。';
    case 'not_your_task':
      return '这条待办属于其他导购，无法处理。';
    case 'unfilled_placeholder':
      return '内容里还有没填写的占位符（如商品名），请先选择商品或补全后再发送。';
    case 'draft_held':
      return '这条回复正在等店长审核，通过后才能发送。';
    case 'edit_held':
    case 'draft_reviewed':
      return '修改后的内容需要店长审核，请用审核通过的内容或改为不含风险的说法。';
    case 'unknown_products':
      return '所选商品不在商品库中（可能已下架），请重新选择。';
    default:
      if (error.status === 404) return '没有找到相关内容，可能已被删除，请刷新重试。';
      if (error.status >= 500) return '服务暂时不可用，请稍后重试；如持续出现请联系管理员。';
      return error.message ? `操作未成功：${error.message}` : '操作未成功，请重试。';
  }
}
