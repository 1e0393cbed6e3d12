import type { Middleware } from 'koa';
import type { ConversationStore } from '../conversation/conversation-store.ts';
import { badRequest } from '../errors.ts';
import type { Logger } from '../ops/logger.ts';
import { currentMember } from './current-member.ts';

const CUSTOMER_ID = /^[\w@.-]{1,128}$/;

/** The `:customerId` of the route, after ownership was checked. */
export function customerIdOf(params: Record<string, string | undefined>): string {
  return params.customerId as string;
}

/**
 * Ownership, on the server, for every customer route: a guide sees only customers they follow (an open
 * relationship). Anything else is 403 and logged: it is either a bug or someone probing.
 */
export function ownCustomer(deps: { store: ConversationStore; log: Logger }): Middleware {
  return async (ctx, next) => {
    const member = currentMember(ctx);
    const customerId = (ctx as unknown as { params: Record<string, string> }).params.customerId ?? '';
    if (!CUSTOMER_ID.test(customerId)) throw badRequest('bad_customer_id', 'customer id is malformed');
    if (!(await deps.store.isFollowing(member.userId, customerId))) {
      deps.log.warn({ userId: member.userId, customerId, path: ctx.path }, 'refused: customer is not followed by this guide');
      throw badRequest('not_your_customer', 'this customer is not in your customer list', 403);
    }
    await next();
  };
}
