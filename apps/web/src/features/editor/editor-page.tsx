import {
  actionsFor,
  canEdit,
  type TFinding,
  type TFindingLocation,
  type TTableId,
} from '@budgetflow/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { attrSelector } from '../../lib/attr-selector';
import { useDeskI18n } from '../../lib/desk-i18n';
import { OpenedForBanner } from './opened-for-banner';
import { problemText } from '../../lib/problem-text';
import { useWorkflowAction } from '../../lib/use-workflow-action';
import { ReviseButton } from './revise-button';
import { AdjustButton } from '../adjustments/adjust-button';
import { AdjustmentsPanel } from '../adjustments/adjustments-panel';
import { ErrorBanner } from '../../ui/error-banner';
import { StateBadge } from '../../ui/state-badge';
import { Status } from '../../ui/status';
import { CommentsPanel } from '../comments/comments-panel';
import { CeilingsPanel } from '../ceilings/ceilings-panel';
import { targetLabel } from '../comments/target-label';
import { BudgetJobsPanel } from '../jobs/budget-jobs-panel';
import { cellFindings } from './cell-findings';
import { ConflictDialog } from './conflict-dialog';
import { FindingsPanel } from './findings-panel';
import { invalidCellFindings } from './invalid-findings';
import { ImportExport } from './import-export';
import { TemplatePicker } from './template-picker';
import { LineGrid, type TLineField, type TLineGridHandle } from './line-grid';
import { LiveTables } from './live-tables';
import { SubmitDialog } from './submit-dialog';
import { useBudgetEditor, useBudgetView } from './use-budget-editor';
import { IncomePanel } from './income-panel';
import { ConfirmModal } from '../../ui/confirm-modal';
import { DraftBanner } from './draft-banner';
import { CarriedBanner } from './forms/carry-forward';
import { DocumentForms, FORM_TABS, isFormTab } from './forms/document-forms';
import { formTarget, type TEditorTab } from './forms/finding-target';
import { useFormText } from './forms/form-text';
import { newLineLike } from './grid/new-line';
import { useLineEdits } from './grid/use-line-edits';
import { useLeaveGuard } from './use-leave-guard';
import { UnitBudgetsPanel } from '../units/unit-budgets-panel';
import { lockedUnitsOf, UNIT_ROUND } from '../units/unit-lines';
import { budgetTitle } from '../units/unit-text';
import { useUnitWords } from '../units/unit-words';
import { useUndo } from './use-undo';
import {
  changeCount,
  cellKey,
  newLineId,
  removeIncomeLine,
  setIncomeLine,
  setInvalid,
  startWorkingCopy,
  type TInvalidCell,
} from './working-copy';

type TTab = TEditorTab;

/** The preparer's desk: the lines as a grid, the template's tables live, findings, projects, workflow. */
export default function EditorPage({ budgetId }: { budgetId: string }) {
  const { t, locale } = useDeskI18n();
  const { f } = useFormText();
  const { u } = useUnitWords();
  const view = useBudgetView(budgetId);
  const editor = useBudgetEditor(budgetId);
  const workflow = useWorkflowAction(budgetId);
  const grid = useRef<TLineGridHandle>(null);
  const [tab, setTab] = useState<TTab>('lines');
  const [table, setTable] = useState<TTableId>('T1');
  const [projectFocus, setProjectFocus] = useState<{ projectId: string; part?: string | undefined } | null>(
    null,
  );
  const [submitting, setSubmitting] = useState(false);
  const { copy, setCopy, document, catalogue, derived } = editor;

  const state = view.data?.state;
  const editable = state !== undefined && canEdit(state);
  // A department budget's lines of the units that prepare their own budget are read-only here.
  const unitBudgets = view.data?.unitBudgets;
  const ownUnit = view.data?.unit;
  const lockedUnits = useMemo(() => lockedUnitsOf({ unit: ownUnit ?? null, unitBudgets: unitBudgets ?? [] }, locale), [ownUnit, unitBudgets, locale]);
  const lines = document?.expenditureLines ?? [];
  const ruleFindings = derived?.findings ?? view.data?.findings ?? [];
  const invalid = copy?.invalid;
  // What was typed and refused is listed first: it is what stands between the person and a save.
  const findings = useMemo(
    () =>
      invalid === undefined || invalid.size === 0 || document === null
        ? ruleFindings
        : [...invalidCellFindings(invalid, document.expenditureLines, document.incomeLines), ...ruleFindings],
    [invalid, document, ruleFindings],
  );
  const cells = useMemo(() => cellFindings(findings, locale), [findings, locale]);
  const dirty = useMemo(() => new Set(copy?.lineEdits.keys() ?? []), [copy?.lineEdits]);
  // The rows the findings name, numbered in the document they were derived from (by the worker).
  const lineNos = derived?.lineNos;
  const lineNo = useCallback((id: string) => lineNos?.get(id), [lineNos]);
  const unsaved = copy === null ? 0 : changeCount(copy);

  // Every edit, paste and removal of lines is a step of the page's undo history (kept across saves).
  const history = useUndo(setCopy);
  const { onLineChange, onLinesPut, onLineRemove } = useLineEdits(copy, setCopy, history);
  const leave = useLeaveGuard(unsaved > 0);
  const onInvalidCell = useCallback(
    (id: string, field: TLineField, value: TInvalidCell | null) =>
      setCopy((c) => (c === null ? c : setInvalid(c, cellKey(id, field), value))),
    [setCopy],
  );

  const { save } = editor;
  const { undo, redo } = history;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void save();
        return;
      }
      // In the grid (or outside any field) Ctrl+Z/Ctrl+Y are the page's; a form's own field keeps its native undo.
      const target = e.target as HTMLElement;
      const field = target.closest('input, textarea, select') !== null;
      if (field && target.closest('.line-grid') === null) return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, undo, redo]);

  // The document as it is now, read when a finding is followed: the jump stays the same function
  // while lines are typed, so the findings list is not drawn again at every keystroke.
  const shownDocument = useRef(document);
  shownDocument.current = document;
  const jumpTo = useCallback((l: TFindingLocation) => {
    switch (l.kind) {
      case 'line':
        setTab('lines');
        requestAnimationFrame(() => grid.current?.focusCell(l.lineId, l.field));
        return;
      case 'table':
        setTab('tables');
        setTable(l.table);
        if (l.row !== undefined) {
          const row = l.row;
          requestAnimationFrame(() =>
            globalThis.document
              .querySelector(`#live-table ${attrSelector('data-row', row, '*=')}`)
              ?.scrollIntoView({ block: 'center' }),
          );
        }
        return;
      case 'project':
      case 'document':
      case 'text': {
        // A field of a form (部门概况, 表9, last year, Part 3, a project): its tab, then the field itself.
        const doc = shownDocument.current;
        const target = doc === null ? null : formTarget(l, doc);
        if (target === null) return;
        setTab(target.tab);
        if (target.projectId !== undefined) setProjectFocus({ projectId: target.projectId });
        requestAnimationFrame(() => {
          const element = target.fieldIds.map((id) => globalThis.document.getElementById(id)).find((e) => e !== null);
          element?.scrollIntoView({ block: 'center' });
          element?.focus();
        });
        return;
      }
    }
  }, []);
  const onJump = useCallback((finding: TFinding) => jumpTo(finding.location), [jumpTo]);

  if (view.isError) return <Status error>{t('error', { reason: problemText(view.error, t) })}</Status>;
  if (editor.loaded.isError)
    return <Status error>{t('error', { reason: problemText(editor.loaded.error, t) })}</Status>;
  if (view.data === undefined || copy === null || document === null || catalogue === null)
    return <Status>{t('loading')}</Status>;
  const budget = view.data;
  // A unit budget's preparer submits to the department (round unit) and corrects (更正) its published
  // 单位预算; no 预算调整 of their own (that is the department's).
  const actions = actionsFor(budget.state, 'preparer', budget.unit ? { round: UNIT_ROUND } : undefined);
  // Why 保存 cannot be pressed, said beside it: refused text first, since saving would lose it.
  const cannotSave = editor.saving
    ? t('saving')
    : copy.invalid.size > 0
      ? t('saveBlockedInvalid', { n: copy.invalid.size })
      : unsaved === 0
        ? t('saveNothing')
        : null;

  // Every unit prepares its own budget: a line added here would be in a read-only unit.
  const canAddLine = document.department.units.some((u) => !lockedUnits.has(u.code));
  const addLine = () => {
    const line = newLineLike(lines.at(-1), document, lockedUnits);
    // The grid holds the new line before this click ends, so it scrolls to it now and the rows
    // there are drawn once, in the next frame, rather than a frame later.
    flushSync(() => {
      onLinesPut([line], 'add');
      setTab('lines');
    });
    grid.current?.focusCell(line.id, 'functionCode');
  };

  return (
    <main className="page editor" aria-labelledby="editor-title">
      <h1 id="editor-title">
        {budget.unit ? `${budgetTitle(t, budget)} · ${t('editor')}` : `${budget.department.name} ${budget.fiscalYear} · ${t('editor')}`}{' '}
        <StateBadge state={budget.state} unit={Boolean(budget.unit)} />{' '}
        <span className="muted">
          {t('version')} {copy.baseVersion}
        </span>
      </h1>
      {budget.state === 'returned' && budget.returnReason !== null && (
        <p className="banner error" role="note">
          <strong>{t('returnReason')}：</strong>
          {budget.returnReason}
        </p>
      )}
      <OpenedForBanner budget={budget} />
      {!editable && <p className="banner">{t('readOnly')}</p>}
      <CarriedBanner />
      <div className="toolbar">
        {editable && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void editor.save()}
              disabled={cannotSave !== null}
              aria-keyshortcuts="Control+S"
              aria-describedby={cannotSave === null ? undefined : 'save-why'}
              title={cannotSave ?? undefined}
            >
              {editor.saving ? t('saving') : t('save')}
            </button>
            {cannotSave !== null && !editor.saving && (
              <span id="save-why" className="muted">
                {cannotSave}
              </span>
            )}
            <span className="muted" role="status">
              {unsaved > 0 ? t('unsaved', { n: unsaved }) : t('saved', { version: copy.baseVersion })}
              {unsaved > 0 && editor.draft.kept ? t('draftKept') : ''}
            </span>
            <button type="button" onClick={addLine} disabled={!canAddLine} title={canAddLine ? undefined : u('unitNoEditableUnit')}>
              {t('addLine')}
            </button>
            <button type="button" onClick={undo} disabled={history.nextUndo === undefined} aria-keyshortcuts="Control+Z">
              {t('undo')}
            </button>
            <button type="button" onClick={redo} disabled={history.nextRedo === undefined} aria-keyshortcuts="Control+Y">
              {t('redo')}
            </button>
          </>
        )}
        <TemplatePicker saved={copy.base} editable={editable} unsaved={unsaved} onChange={editor.importDocument} />
        <ImportExport
          budgetId={budgetId}
          saved={copy.base}
          editable={editable}
          onImport={editor.importDocument}
          onImportWorkbook={editor.importWorkbook}
        />
        {actions.includes('submit') && (
          <button type="button" className="primary" onClick={() => setSubmitting(true)}>
            {t('submit')}
          </button>
        )}
        {actions.includes('withdraw') && (
          <button
            type="button"
            onClick={() => workflow.mutate({ action: 'withdraw', version: budget.version })}
          >
            {t('withdraw')}
          </button>
        )}
        {actions.includes('revise') && (
          <ReviseButton pending={workflow.isPending} onRevise={(fields) => workflow.mutate({ action: 'revise', version: budget.version, ...fields })} />
        )}
        {actions.includes('adjust') && (
          <AdjustButton pending={workflow.isPending} onAdjust={(fields) => workflow.mutate({ action: 'adjust', version: budget.version, ...fields })} />
        )}
      </div>
      {editor.draft.restored !== null && unsaved > 0 && (
        <DraftBanner
          restored={editor.draft.restored}
          unsaved={unsaved}
          canSave={cannotSave === null}
          onSave={() => void editor.save()}
          onDiscard={() => {
            setCopy(startWorkingCopy(copy.base, copy.baseVersion));
            editor.draft.dismiss();
          }}
        />
      )}
      <ErrorBanner error={editor.saveError} />
      <ErrorBanner error={workflow.error} />
      <BudgetJobsPanel budgetId={budgetId} />
      <AdjustmentsPanel budgetId={budgetId} fiscalYear={budget.fiscalYear} />
      {!budget.unit && <UnitBudgetsPanel unitBudgets={budget.unitBudgets ?? []} lines={lines} />}
      <div className="desk">
        <div>
          <div className="tabs" role="tablist" aria-label={t('editor')}>
            {(['lines', 'incomeLines', 'tables', 'projects', ...FORM_TABS] as const).map((id) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
                {id === 'lines' || id === 'incomeLines' || id === 'tables' || id === 'projects' ? t(id) : f(`tab_${id}`)}
                {id === 'lines' ? ` (${lines.length})` : ''}
                {/* as many as the budget's template prints: 10 in Hubei, 9 in Shanghai, 12 in Jiangsu */}
                {id === 'tables' && derived !== null ? ` (${derived.disclosure.tables.length})` : ''}
              </button>
            ))}
          </div>
          {tab === 'lines' && (
            <LineGrid
              ref={grid}
              lines={lines}
              document={document}
              catalogue={catalogue}
              editable={editable}
              dirty={dirty}
              cellFindings={cells}
              invalid={copy.invalid}
              onLineChange={onLineChange}
              onLineRemove={onLineRemove}
              onInvalidCell={onInvalidCell}
              onLinesPut={onLinesPut}
              onUndo={undo}
              onCellLeave={history.seal}
              lockedUnits={lockedUnits}
            />
          )}
          {tab === 'incomeLines' && (
            <IncomePanel
              lines={document.incomeLines}
              editable={editable}
              invalid={copy.invalid}
              onChange={(line) => setCopy(setIncomeLine(copy, line))}
              onRemove={(id) => setCopy(removeIncomeLine(copy, id))}
              onAdd={() =>
                setCopy(
                  setIncomeLine(copy, {
                    id: newLineId(),
                    source: 'general-budget-appropriation',
                    amount: '0.00',
                  }),
                )
              }
              onInvalid={(id, value) => setCopy(setInvalid(copy, `income:${id}`, value))}
            />
          )}
          {tab === 'tables' && derived !== null && (
            <LiveTables
              disclosure={derived.disclosure}
              selected={table}
              onSelect={setTable}
              stale={editor.stale}
              findings={findings}
            />
          )}
          {isFormTab(tab) && (
            <DocumentForms
              tab={tab}
              document={document}
              copy={copy}
              setCopy={setCopy}
              catalogue={catalogue}
              editable={editable}
              projectFocus={projectFocus}
            />
          )}
        </div>
        <aside className="desk-side">
          {/* the ceilings (控制数) are the department budget's, issued by the finance bureau; a unit budget has none */}
          {!budget.unit && <CeilingsPanel budgetId={budgetId} budgetVersion={budget.version} editable={false} lines={lines} />}
          <FindingsPanel
            findings={findings}
            onJump={onJump}
            lineNo={lineNo}
            doc={document}
            disclosure={derived?.disclosure}
          />
          <CommentsPanel
            budgetId={budgetId}
            mode="answer"
            describe={(target) => targetLabel(target, derived?.disclosure, lines)}
            onOpenTarget={(target) => {
              if (target.kind === 'line') jumpTo({ kind: 'line', lineId: target.lineId });
              if (target.kind === 'row')
                jumpTo({ kind: 'table', table: target.table as TTableId, row: target.row });
            }}
          />
        </aside>
      </div>
      {editor.conflict !== null && (
        <ConflictDialog
          conflict={editor.conflict}
          myLineIds={dirty}
          onKeepMine={editor.keepMine}
          onDiscardMine={editor.discardMine}
        />
      )}
      {leave.state === 'blocked' && (
        <ConfirmModal
          title={t('leaveTitle')}
          confirmLabel={t('leaveConfirm')}
          onConfirm={() => leave.proceed()}
          onCancel={() => leave.reset()}
        >
          <p>{t('leaveExplain', { n: unsaved })}</p>
        </ConfirmModal>
      )}
      {submitting && derived !== null && (
        <SubmitDialog
          disclosure={derived.disclosure}
          findings={findings}
          lineCount={lines.length}
          unsaved={unsaved}
          onCancel={() => setSubmitting(false)}
          onSubmit={async () => {
            await workflow.mutateAsync({ action: 'submit', version: copy.baseVersion });
            setSubmitting(false);
          }}
        />
      )}
    </main>
  );
}
