import {
  actionsFor,
  canEdit,
  guardsFor,
  issuesCeilings,
  type TCommentTarget,
  type TFindingLocation,
  type TTableId,
} from '@budgetflow/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TSessionUser } from '../../lib/api-types';
import { attrSelector } from '../../lib/attr-selector';
import { formatDateTime, localDate } from '../../lib/dates';
import { useCatalogueInForce } from '../editor/use-catalogue';
import { useDeskI18n } from '../../lib/desk-i18n';
import { useWorkflowAction } from '../../lib/use-workflow-action';
import { ErrorBanner } from '../../ui/error-banner';
import { ConfirmModal } from '../../ui/confirm-modal';
import { StateBadge } from '../../ui/state-badge';
import { Status } from '../../ui/status';
import { CommentsPanel } from '../comments/comments-panel';
import { CeilingsPanel } from '../ceilings/ceilings-panel';
import { targetLabel } from '../comments/target-label';
import { LiveTables } from '../editor/live-tables';
import { FindingsPanel } from '../editor/findings-panel';
import { BudgetJobsPanel } from '../jobs/budget-jobs-panel';
import { useBudgetView } from '../editor/use-budget-editor';
import { RevisionDiffView } from './revision-diff-view';
import { LineGrid, type TLineGridHandle } from '../editor/line-grid';
import type { TInvalidCell } from '../editor/working-copy';
import { useDiff, useRevision, useRevisions } from './use-revisions';
import { ReviewTrail } from './review-trail';
import { AdjustmentsPanel } from '../adjustments/adjustments-panel';
import { useReview } from './use-review';
import { problemText } from '../../lib/problem-text';
import { useBudgets } from '../home/use-budgets';
import { UnitBudgetsPanel } from '../units/unit-budgets-panel';
import { lockedUnitsOf } from '../units/unit-lines';
import { budgetTitle } from '../units/unit-text';
import { useUnitWords } from '../units/unit-words';

function RevisionSelect({
  label,
  revisions,
  value,
  onChange,
}: {
  label: string;
  revisions: readonly number[];
  value: number | undefined;
  onChange(no: number): void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {revisions.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

const NO_LINES: ReadonlySet<string> = new Set();
const NO_CELLS: ReadonlyMap<string, string> = new Map();
const NO_INVALID: ReadonlyMap<string, TInvalidCell> = new Map();
const ignore = () => undefined;

/** A side-by-side row key ("a|b|c") names one row per section; a comment anchors to the first. */
function rowOf(key: string): string {
  return key.split('|').find((k) => k !== '') ?? key;
}

/**
 * The reviewer's desk: what changed between revisions, the tables as submitted, comments
 * anchored to rows and lines, and approve or return with a reason. Nothing here edits the budget.
 * The department reviewer (部门审核人) reviews a unit budget here the same way (主管部门审核): the
 * approval takes an opinion and is no 批复; it is refused while the department budget is with the
 * finance bureau, which the page says beforehand.
 */
export default function ReviewPage({ budgetId, user }: { budgetId: string; user: TSessionUser }) {
  const { t } = useDeskI18n();
  const { u, locale } = useUnitWords();
  const view = useBudgetView(budgetId);
  const revisions = useRevisions(budgetId);
  const workflow = useWorkflowAction(budgetId);
  const [from, setFrom] = useState<number | undefined>(undefined);
  const [to, setTo] = useState<number | undefined>(undefined);
  const [table, setTable] = useState<TTableId>('T1');
  const grid = useRef<TLineGridHandle>(null);
  const [anchor, setAnchor] = useState<TCommentTarget>({ kind: 'budget' });
  const [confirm, setConfirm] = useState<'approve' | 'return' | 'issue-ceilings' | null>(null);
  const [reason, setReason] = useState('');
  const [opinion, setOpinion] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [replyDate, setReplyDate] = useState('');
  const review = useReview(budgetId);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const items = revisions.data;
    if (items === undefined || items.length === 0 || to !== undefined) return;
    const sorted = [...items].sort((a, b) => a.revisionNo - b.revisionNo);
    setTo(sorted.at(-1)?.revisionNo);
    setFrom((sorted.at(-2) ?? sorted.at(-1))?.revisionNo);
  }, [revisions.data, to]);
  const diff = useDiff(budgetId, from, to);
  const revision = useRevision(budgetId, to);
  const fiscalYear = view.data?.fiscalYear;
  const catalogue = useCatalogueInForce(fiscalYear);
  // A unit budget waits on its department budget: approved units are 汇总 into it while it is a draft.
  const isUnit = Boolean(view.data?.unit);
  const department = useBudgets({ year: fiscalYear }, isUnit && user.role === 'department_reviewer' && fiscalYear !== undefined);
  const unitBudgets = view.data?.unitBudgets;
  const lockedUnits = useMemo(() => lockedUnitsOf({ unit: view.data?.unit ?? null, unitBudgets: unitBudgets ?? [] }, locale), [view.data?.unit, unitBudgets, locale]);

  if (view.isError) return <Status error>{t('error', { reason: problemText(view.error, t) })}</Status>;
  if (view.data === undefined) return <Status>{t('loading')}</Status>;
  const budget = view.data;
  const role = user.role === 'admin' ? 'reviewer' : user.role;
  const departmentBudget = department.data?.items.find((b) => !b.unit && b.department.code === budget.department.code);
  // A unit budget once published (its trail says so) is under 更正: its figures stay as consolidated,
  // so the 部门预算's state does not hold its review.
  const correcting = isUnit && review.data?.trail.some((entry) => entry.action === 'publish') === true;
  // 部门预算已报送或已批复: its units can be neither approved nor, once approved, returned.
  const departmentLocked = isUnit && !correcting && departmentBudget !== undefined && !canEdit(departmentBudget.state);
  // Where the budget is in its rounds and chain decides what this stage may do, and whether its approval is the 批复.
  const where =
    review.data === undefined ? undefined : { round: review.data.round, correcting, ...(review.data.stage === null ? {} : { stage: review.data.stage }) };
  // A reviewer whose office is not at the current stage reads and comments; the stage's own office acts.
  const waitsOnOthers = user.role === 'reviewer' && review.data?.stage != null && !review.data.yourStage;
  const actions = (where === undefined || waitsOnOthers ? [] : actionsFor(budget.state, role, where)).filter(
    (a) => !departmentLocked || !(a === 'approve' || (a === 'return' && budget.state === 'approved')),
  );
  // A unit budget's approval (主管部门审核) is never the 批复.
  const replies = !isUnit && where !== undefined && guardsFor(budget.state, 'approve', role, where).includes('replyGiven');
  // A 批复 already signed: its date is today or before (the API refuses a later one too).
  const replyDateLater = replyDate > localDate(new Date());
  const approvable = opinion.trim() !== '' && (!replies || (documentNo.trim() !== '' && replyDate !== '' && !replyDateLater));
  const submittedLines = revision.data?.document.expenditureLines;
  const lineNos = new Map((submittedLines ?? []).map((l, i) => [l.id, i + 1]));
  /** A finding shows where it points: the line as submitted, or the table row. */
  const jumpTo = (l: TFindingLocation) => {
    if (l.kind === 'line') grid.current?.focusCell(l.lineId, l.field);
    if (l.kind === 'table') {
      setTable(l.table);
      const row = l.row;
      if (row !== undefined) {
        requestAnimationFrame(() =>
          document
            .querySelector(`#live-table ${attrSelector('data-row', row, '*=')}`)
            ?.scrollIntoView({ block: 'center' }),
        );
      }
    }
  };
  const diffLines =
    diff.data === undefined
      ? []
      : [
          ...diff.data.diff.expenditureLines.changed.map((c) => c.after),
          ...diff.data.diff.expenditureLines.added,
        ];
  const revisionNos = [...(revisions.data ?? [])].map((r) => r.revisionNo).sort((a, b) => a - b);

  const act = (action: 'approve' | 'return' | 'issue-ceilings') => {
    const fields =
      action === 'return'
        ? { reason: reason.trim() }
        : { opinion: opinion.trim(), ...(action === 'approve' && replies ? { documentNo: documentNo.trim(), date: replyDate } : {}) };
    workflow.mutate(
      { action, version: budget.version, ...fields },
      {
        onSuccess: () => {
          setConfirm(null);
          setDone(t('actionDone', { action: t(`trail_${action}`) }));
        },
      },
    );
  };

  return (
    <main className="page review" aria-labelledby="review-title">
      <h1 id="review-title">
        {budget.unit ? `${budgetTitle(t, budget)} · ${t('reviewDesk')}` : `${budget.department.name} ${budget.fiscalYear} · ${t('reviewDesk')}`}{' '}
        <StateBadge state={budget.state} unit={isUnit} />
      </h1>
      {done !== null && (
        <p className="banner" role="status">
          {done}
        </p>
      )}
      {departmentLocked && (budget.state === 'submitted' || budget.state === 'approved') && (
        <p className="banner" role="note">
          {u('unitDepartmentLocked')}
        </p>
      )}
      {waitsOnOthers && review.data?.stage != null && (
        <p className="banner" role="status">
          {t('stageOfOthers', { stage: review.data.stage.stage.name })}
        </p>
      )}
      <div className="toolbar">
        <RevisionSelect label={t('fromRevision')} revisions={revisionNos} value={from} onChange={setFrom} />
        <RevisionSelect label={t('toRevision')} revisions={revisionNos} value={to} onChange={setTo} />
        {actions.includes('approve') && (
          <button type="button" className="primary" onClick={() => setConfirm('approve')}>
            {replies ? t('approve') : t('approveStage')}
          </button>
        )}
        {actions.includes('return') && (
          <button type="button" onClick={() => setConfirm('return')}>
            {budget.state === 'approved' && isUnit ? u('unitReturnApproved') : t('return')}
          </button>
        )}
        {actions.includes('issue-ceilings') && (
          <button type="button" onClick={() => setConfirm('issue-ceilings')}>
            {t('issueCeilings')}
          </button>
        )}
      </div>
      <ErrorBanner error={workflow.error} />
      <BudgetJobsPanel budgetId={budgetId} />
      <div className="desk">
        <div>
          {review.data !== undefined && <ReviewTrail review={review.data} state={budget.state} />}
          <AdjustmentsPanel budgetId={budgetId} fiscalYear={budget.fiscalYear} />
          {!isUnit && <UnitBudgetsPanel unitBudgets={budget.unitBudgets ?? []} />}
          <section aria-labelledby="revisions-title">
            <h2 id="revisions-title">{t('revisions')}</h2>
            <ul className="muted">
              {(revisions.data ?? []).map((r) => (
                <li key={r.revisionNo}>
                  #{r.revisionNo} · {r.submittedBy.username} · {formatDateTime(r.createdAt)} ·{' '}
                  <code className="hash">{r.sha256.slice(0, 12)}</code>
                </li>
              ))}
            </ul>
            {from !== undefined && from === to ? (
              <p className="muted">{t('onlyRevision')}</p>
            ) : diff.isPending ? (
              <Status>{t('loading')}</Status>
            ) : diff.isError ? (
              <Status error>{problemText(diff.error, t)}</Status>
            ) : (
              <RevisionDiffView
                diff={diff.data.diff}
                disclosure={budget.disclosure}
                onPickLine={(lineId) => setAnchor({ kind: 'line', lineId })}
              />
            )}
          </section>
          {revision.data !== undefined && catalogue !== null && (
            <section aria-labelledby="lines-title">
              <h2 id="lines-title">{t('lines')}</h2>
              <LineGrid
                ref={grid}
                lines={revision.data.document.expenditureLines}
                document={revision.data.document}
                catalogue={catalogue}
                editable={false}
                dirty={NO_LINES}
                cellFindings={NO_CELLS}
                invalid={NO_INVALID}
                onLineChange={ignore}
                onLineRemove={ignore}
                onInvalidCell={ignore}
                onPickLine={(lineId) => setAnchor({ kind: 'line', lineId })}
                lockedUnits={lockedUnits}
              />
            </section>
          )}
          <section aria-labelledby="tables-title">
            <h2 id="tables-title">{t('tables')}</h2>
            <LiveTables
              disclosure={budget.disclosure}
              selected={table}
              onSelect={setTable}
              stale={false}
              onRowClick={(id, row) => setAnchor({ kind: 'row', table: id, row: rowOf(row) })}
            />
          </section>
        </div>
        <aside className="desk-side">
          {!isUnit && <CeilingsPanel budgetId={budgetId} budgetVersion={budget.version} editable={user.role === 'reviewer' && issuesCeilings(user.office?.kind ?? null) && budget.state === 'submitted'} />}
          <CommentsPanel
            budgetId={budgetId}
            mode="comment"
            anchor={anchor}
            describe={(target) => targetLabel(target, budget.disclosure, submittedLines ?? diffLines)}
          />
          {anchor.kind !== 'budget' && (
            <button type="button" onClick={() => setAnchor({ kind: 'budget' })}>
              {t('commentOn')}: {t('target_budget')}
            </button>
          )}
          <FindingsPanel
            findings={budget.findings}
            onJump={(f) => jumpTo(f.location)}
            lineNo={(id) => lineNos.get(id)}
            doc={revision.data?.document ?? null}
            disclosure={budget.disclosure}
          />
        </aside>
      </div>
      {confirm === 'approve' && (
        <ConfirmModal
          title={replies ? t('replyTitle') : t('approveStage')}
          confirmLabel={replies ? t('approve') : t('approveStage')}
          disabled={workflow.isPending || !approvable}
          onConfirm={() => act('approve')}
          onCancel={() => setConfirm(null)}
        >
          <label>
            {t('opinion')}
            <textarea name="opinion" rows={4} value={opinion} onChange={(e) => setOpinion(e.target.value)} autoFocus />
          </label>
          {opinion.trim() === '' && <p className="muted">{t('opinionRequired')}</p>}
          {replies && (
            <>
              <label>
                {t('replyDocument')}
                <input name="documentNo" value={documentNo} onChange={(e) => setDocumentNo(e.target.value)} />
              </label>
              <label>
                {t('replyDate')}
                <input name="replyDate" type="date" max={localDate(new Date())} value={replyDate} onChange={(e) => setReplyDate(e.target.value)} />
              </label>
              {(documentNo.trim() === '' || replyDate === '') && <p className="muted">{t('replyRequired')}</p>}
              {replyDateLater && <p className="error">{t('replyDateLater')}</p>}
            </>
          )}
        </ConfirmModal>
      )}
      {confirm === 'issue-ceilings' && (
        <ConfirmModal
          title={t('issueCeilings')}
          confirmLabel={t('issueCeilings')}
          disabled={workflow.isPending || opinion.trim() === ''}
          onConfirm={() => act('issue-ceilings')}
          onCancel={() => setConfirm(null)}
        >
          <label>
            {t('opinion')}
            <textarea name="opinion" rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} autoFocus />
          </label>
          {opinion.trim() === '' && <p className="muted">{t('opinionRequired')}</p>}
        </ConfirmModal>
      )}
      {confirm === 'return' && (
        <ConfirmModal
          title={budget.state === 'approved' && isUnit ? u('unitReturnApproved') : t('return')}
          confirmLabel={t('return')}
          disabled={workflow.isPending || reason.trim() === ''}
          onConfirm={() => act('return')}
          onCancel={() => setConfirm(null)}
        >
          <label>
            {t('returnReason')}
            <textarea
              name="reason"
              rows={4}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          </label>
          {reason.trim() === '' && <p className="muted">{t('reasonRequired')}</p>}
        </ConfirmModal>
      )}
    </main>
  );
}
