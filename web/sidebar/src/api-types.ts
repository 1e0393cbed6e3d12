/**
 * The guide API as the sidebar reads it (see the guide API contract). Kept on the page side so the bundle
 * never pulls server modules; fields the page can live without are optional and defaulted where read.
 */
import type { Flag, Severity } from '../../shared/flag-segments.ts';
import type { CopyKind } from './content-request.ts';
import type { TagProposal } from '../../../src/assist/suggestion-schema.ts';

export type Role = 'guide' | 'manager' | 'admin';

export interface Me {
  userId: string;
  name: string;
  role: Role;
  stores: string[];
}

export interface JssdkSignature {
  timestamp: number;
  nonceStr: string;
  signature: string;
}

export interface JssdkSignatures {
  corpId: string;
  agentId: string | number;
  config: JssdkSignature;
  agentConfig: JssdkSignature;
  /** The emulator's `ww` stand-in in demo mode; null means the bundled @wecom/jssdk. */
  sdkUrl?: string | null;
}

export interface CardTag {
  id: string;
  group: string;
  name: string;
}

export interface ProfileFact {
  key: string;
  value: string;
  sourceMessageId?: string;
  at: number;
}

export interface CustomerTask {
  id: string;
  kind: string;
  title: string;
  due?: number;
  draft?: string;
}

/** A task from `GET /api/tasks`: across the guide's customers, with whose it is. */
export interface OpenTask {
  id: string;
  kind: string;
  title: string;
  draft?: string;
  due: number;
  createdAt?: number;
  customer: { customerId: string; name: string };
  /** False when the customer is no longer among the guide's WeCom contacts. */
  following: boolean;
}

export type TaskStatus = 'done' | 'dismissed';
export type TaskOutcome = 'sent' | 'replied' | 'purchased' | 'no_response';

export interface Relationship {
  status: 'active' | 'pending' | 'closed' | string;
  since: number;
  remark?: string;
  channel?: string;
  /** The org file's name for the channel, when it names it. */
  channelName?: string;
}

export interface CustomerCard {
  customerId: string;
  name: string;
  gender: 0 | 1 | 2;
  relationship: Relationship;
  tags: CardTag[];
  facts: ProfileFact[];
  tasks: CustomerTask[];
}

export interface CustomerSummary {
  customerId: string;
  name: string;
  lastMessage?: { text: string; speaker: 'customer' | 'guide'; at: number };
  hasSuggestion: boolean;
}

export interface ChatMessage {
  id: string;
  guideId: string;
  customerId: string;
  speaker: 'customer' | 'guide';
  text: string;
  source: string;
  at: number;
  kind?: string;
}

// Flags (guardrail findings on a draft) have one shape in both pages' APIs.
export type { Flag, Severity };

export interface Approval {
  state: 'pending' | 'approved' | 'rejected';
  text?: string;
  /** The guide's own edit that the store policy held (absent when the engine held the draft itself). */
  heldText?: string;
  comment?: string;
  decidedBy?: string;
  decidedAt?: number;
}

export type DraftSource = 'script' | 'faq' | 'model';

export interface Draft {
  id: string;
  source: DraftSource;
  sourceId?: string;
  text: string;
  skus: string[];
  flags: Flag[];
  needsApproval: boolean;
  approval?: Approval;
}

/** The server's own shapes, imported as types only (nothing of the server reaches the bundle). */
export type { TagProposal } from '../../../src/assist/suggestion-schema.ts';
export type { KnowledgeResult } from '../../../src/http/guide-deps.ts';
export type { StateData } from '../../../src/assist/dialogue/describe-state.ts';
import type { StateData } from '../../../src/assist/dialogue/describe-state.ts';

export interface StoredSuggestion {
  id: string;
  guideId: string;
  customerId: string;
  createdAt: number;
  status: 'fresh' | 'stale';
  instruction?: string;
  drafts: Draft[];
  tags: TagProposal[];
  summary: string;
  nextAction: string;
  engine: 'offline' | 'llm';
  fallbackReason?: string;
  latencyMs: number;
  answeredMessageIds: string[];
  /** LLM mode: `streaming` while model drafts are still arriving, then `done` or `failed`. */
  modelStatus?: 'streaming' | 'done' | 'failed';
  /** The dialogue state the drafts were built from: what the customer asks now and has said. */
  state?: StateData;
  /** In a customer group: the customer whose question the drafts answer. */
  group?: { chatId: string; askerId: string; askerName: string; question: string };
}

export interface RecommendedProduct {
  sku: string;
  name: string;
  price: number;
  reason: string;
}

/** What `POST /api/content` writes: the copy, the skus it used, and the guardrails' findings. */
export interface MarketingCopy {
  kind: CopyKind;
  text: string;
  skus: string[];
  flags: Flag[];
  /** The guardrails would hold this for a manager: it must be changed before anyone uses it. */
  needsApproval: boolean;
}

/** The server's answer before anything is sent: clear, or held for the store manager. */
export interface SendCheck {
  status: 'clear' | 'held';
  flags: Flag[];
  approvalId?: string;
}

export type FeedbackAction = 'shown' | 'copied' | 'rejected' | 'ignored';

export type LiveEventType = 'suggestion' | 'suggestion_stale' | 'message' | 'tags' | 'approval' | 'task' | 'group';

/** One of our customers in a customer group, with their tags and (when they are yours) open tag proposals. */
export interface GroupCustomer {
  customerId: string;
  name: string;
  followedByYou: boolean;
  /** The guides of ours this customer is a contact of. */
  guides: string[];
  tags: CardTag[];
  proposals: TagProposal[];
}

/** `GET /api/groups/:chatId`: the group the sidebar was opened in. */
export interface GroupCard {
  chatId: string;
  name: string;
  owner: { userId: string; name: string };
  notice?: string;
  status: 'active' | 'dismissed';
  memberCount: number;
  externalCount: number;
  customers: GroupCustomer[];
  you: { owner: boolean; admin: boolean };
}

export interface GroupMessage {
  id: string;
  speakerId: string;
  speakerName: string;
  speaker: 'customer' | 'member';
  text: string;
  at: number;
  kind?: string;
}

export interface GroupSummary {
  chatId: string;
  name: string;
  memberCount: number;
  status: 'active' | 'dismissed';
  lastMessage?: GroupMessage;
  hasSuggestion: boolean;
}

export interface LiveEvent {
  type: LiveEventType;
  customerId: string;
  suggestionId?: string;
  messageId?: string;
  draftId?: string;
  taskId?: string;
  decision?: 'approved' | 'rejected';
}
