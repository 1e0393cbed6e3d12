/** The review console API as documented in the contract (notes/review-api.md); the server is the source of truth. */
import type { Flag, Severity } from '../../shared/flag-segments.ts';
import type { Figures } from '../../../src/suggestions/compute-figures.ts';

export type Role = 'guide' | 'manager' | 'admin';
// Flags (guardrail findings on a text) have one shape in both pages' APIs.
export type { Flag, Severity };

export interface Me {
  userId: string;
  name: string;
  role: Role;
  stores: string[];
}

export interface Person {
  userId: string;
  name: string;
}

export interface StoreRef {
  id: string;
  name: string;
}

export interface ReviewStore extends StoreRef {
  guides: Person[];
}

export interface ConversationLine {
  id: string;
  speaker: 'customer' | 'guide';
  text: string;
  at: number;
}

export interface CustomerRef {
  customerId: string;
  name: string;
}

export type ApprovalState = 'pending' | 'approved' | 'rejected';

export interface ApprovalItem {
  id: string;
  state: ApprovalState;
  createdAt: number;
  waitingMs: number;
  escalated: boolean;
  store: StoreRef;
  guide: Person;
  customer: CustomerRef;
  originalText: string;
  /** The text the guide may send once approved (the manager's edit, or the original). */
  text?: string;
  comment?: string;
  decidedBy?: Person;
  decidedAt?: number;
  flags: Flag[];
  conversation: ConversationLine[];
}

export type Decision = { decision: 'approve'; text?: string; comment?: string } | { decision: 'reject'; comment: string };

export type SentSource = 'sidebar' | 'kf' | 'archive';
export type SentStatus = 'open' | 'noted' | 'coach';

export interface SentItem {
  id: string;
  at: number;
  store: StoreRef;
  guide: Person;
  customer: CustomerRef;
  text: string;
  source: SentSource;
  fromDraft: boolean;
  edited: boolean;
  flags: Flag[];
  status: SentStatus;
  note?: string;
}

/** The server's figures, imported as a type only. */
export type { Figures } from '../../../src/suggestions/compute-figures.ts';

export type Period = 'day' | 'week';

export interface FiguresReport {
  period: Period;
  from: number | string;
  to: number | string;
  stores: Array<StoreRef & { totals: Figures; guides: Array<Person & { figures: Figures }> }>;
  series: Array<{ day: string; adoption: number | null; shown: number; sent: number }>;
  topQuestions: Array<{ text: string; count: number }>;
}

export interface Script {
  id: string;
  intent: string;
  text: string;
  tags: string[];
}

export interface AuditEntry {
  at: number;
  actor: Person;
  action: string;
  target: string;
  before?: string;
  after?: string;
  comment?: string;
}
