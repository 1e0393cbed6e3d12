import type { Middleware } from 'koa';
import type { GuideApiDeps } from './guide-deps.ts';
import { ownGroup } from './own-group.ts';
import { customerIdOf, ownCustomer } from './own-customer.ts';

/**
 * The routes a guide's drafts need (the suggestion, regenerate, feedback, send-check) are the same for a
 * customer's 1:1 chat and for a customer group: what differs is the path, the ownership check and the id
 * the suggestion is kept under (the customer's, or the group's chat id).
 */
export interface ConversationScope {
  prefix: string;
  own: Middleware;
  idOf: (params: Record<string, string | undefined>) => string;
  /** A customer group: regenerate asks for a group job. */
  group: boolean;
}

export function customerScope(deps: GuideApiDeps): ConversationScope {
  return { prefix: '/api/customers/:customerId', own: ownCustomer(deps), idOf: customerIdOf, group: false };
}

export function groupScope(deps: GuideApiDeps): ConversationScope {
  return { prefix: '/api/groups/:chatId', own: ownGroup(deps), idOf: (params) => params.chatId as string, group: true };
}
