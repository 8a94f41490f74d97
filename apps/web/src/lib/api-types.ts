import type {
  BudgetState,
  TBudgetDocument,
  TDisclosure,
  TFinding,
  TRevisionDiff,
  WorkflowAction,
} from '@budgetflow/domain';

/** The shapes the API answers (apps/api/src/modules/*), as the client reads them. */
export type TRole = 'admin' | 'preparer' | 'publisher' | 'reviewer';

export interface TSessionUser {
  id: string;
  username: string;
  role: TRole;
  departmentCode: string | null;
}

export interface TLoginAnswer {
  accessToken: string;
  expiresAt: string;
  csrfToken: string;
  user: TSessionUser;
}

export interface TDepartmentRef {
  id: string;
  code: string;
  name: string;
}

export interface TBudgetSummary {
  id: string;
  department: TDepartmentRef;
  fiscalYear: number;
  state: BudgetState;
  version: number;
  revisionNo: number;
  updatedAt: string;
}

export interface TPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface TBudgetView extends TBudgetSummary {
  returnReason: string | null;
  findings: TFinding[];
  errorCount: number;
  disclosure: TDisclosure;
}

export interface TActionResult {
  id: string;
  action: WorkflowAction;
  state: BudgetState;
  version: number;
  revisionNo: number;
  publication?: { id: string; versionNo: number };
}

export interface TRevisionMeta {
  revisionNo: number;
  budgetVersion: number;
  sha256: string;
  submittedBy: { id: string; username: string };
  editorIds: string[];
  createdAt: string;
}

export interface TRevision extends TRevisionMeta {
  document: TBudgetDocument;
  disclosure: TDisclosure;
  findings: TFinding[];
}

export interface TDiffAnswer {
  from: TRevisionMeta;
  to: TRevisionMeta;
  diff: TRevisionDiff;
}

export type TCommentTarget =
  { kind: 'budget' } | { kind: 'row'; table: string; row: string } | { kind: 'line'; lineId: string };

export interface TComment {
  id: string;
  budgetId: string;
  target: TCommentTarget;
  body: string;
  author: { id: string; username: string };
  createdAt: string;
  answer: { text: string; by: { id: string; username: string }; at: string } | null;
}

export interface TPublicFile {
  format: string;
  /** e.g. t1.csv, disclosure.pdf: several files may share a format (one CSV per table). */
  name?: string;
  url: string;
  size: number;
  sha256: string;
}

export interface TPublicationSummary {
  id: string;
  budgetId: string;
  versionNo: number;
  revisionNo: number;
  fiscalYear: number;
  department: { code: string; name: string };
  publishedAt: string;
  latest: boolean;
}

export interface TPublication extends TPublicationSummary {
  sha256: string;
  disclosure: TDisclosure;
  files: TPublicFile[];
}

/** An in-app notification (the jobs' notifications table): a workflow action on a budget. */
export interface TNotification {
  id: string;
  budgetId: string;
  action: string;
  reason: string | null;
  createdAt: string;
  read: boolean;
}

/**
 * One of a budget's background jobs (its outbox row), as GET /api/budgets/:id/jobs and the
 * budget's event stream list them, newest first. waiting: not yet handed to the queue; queued: with
 * a worker or retrying; failed: given up after its attempts; done: its effect is stored.
 */
export interface TBudgetJob {
  id: string;
  topic: string;
  state: 'waiting' | 'queued' | 'failed' | 'done';
  createdAt: string;
  doneAt: string | null;
  attempts: number;
  failedReason: string | null;
}
