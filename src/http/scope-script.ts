/**
 * Which stores a promoted script reaches. A manager's script goes to the stores they manage (or the ones of
 * those they name); only an admin writes for the whole company, and an admin's script is company-wide unless
 * stores are named. The library is shared by every store, so a manager of one store must not be able to
 * put words in the mouths of another store's guides.
 */
import { badRequest } from '../errors.ts';
import type { Member, Org } from '../org/org.ts';

export interface ScopeRequest {
  stores?: string[] | undefined;
  companyWide?: boolean | undefined;
}

/** The script's `stores`, or undefined for company-wide. Throws 400/403 with a stable code. */
export function scopeScript(member: Member, org: Org, request: ScopeRequest): string[] | undefined {
  if (request.companyWide && request.stores) throw badRequest('bad_scope', 'give either stores or companyWide, not both');
  if (request.companyWide && member.role !== 'admin') {
    throw badRequest('company_wide_admin_only', 'only an admin may add a company-wide script; it is limited to the stores you manage', 403);
  }
  const named = request.stores ? [...new Set(request.stores)] : undefined;
  const unknown = named?.filter((id) => !org.stores.some((store) => store.id === id)) ?? [];
  if (unknown.length > 0) throw badRequest('unknown_store', `no such store: ${unknown.join(' ')}`);
  if (member.role === 'admin') return named;
  const foreign = named?.filter((id) => !member.stores.includes(id)) ?? [];
  if (foreign.length > 0) throw badRequest('not_your_store', `you do not manage ${foreign.join(' ')}`, 403);
  return named ?? [...member.stores];
}
