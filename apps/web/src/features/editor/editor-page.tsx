import {
  actionsFor,
  canEdit,
  type TExpenditureLine,
  type TFindingLocation,
  type TTableId,
} from '@budgetflow/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { attrSelector } from '../../lib/attr-selector';
import { useI18n } from '../../lib/i18n';
import { useWorkflowAction } from '../../lib/use-workflow-action';
import { ReviseButton } from './revise-button';
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
import { ImportExport } from './import-export';
import { TemplatePicker } from './template-picker';
import { LineGrid, type TLineGridHandle } from './line-grid';
import { LiveTables } from './live-tables';
import { ProjectEditor } from './project-editor';
import { SubmitDialog } from './submit-dialog';
import { useBudgetEditor, useBudgetView } from './use-budget-editor';
import { IncomePanel } from './income-panel';
import {
  changeCount,
  cellKey,
  newLineId,
  removeIncomeLine,
  removeLine,
  setIncomeLine,
  setInvalid,
  setLine,
  setProjects,
} from './working-copy';

type TTab = 'lines' | 'incomeLines' | 'tables' | 'projects';

/** The preparer's desk: the lines as a grid, the template's tables live, findings, projects, workflow. */
export default function EditorPage({ budgetId }: { budgetId: string }) {
  const { t, locale } = useI18n();
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
  const lines = document?.expenditureLines ?? [];
  const findings = derived?.findings ?? view.data?.findings ?? [];
  const cells = useMemo(() => cellFindings(findings, locale), [findings, locale]);
  const dirty = useMemo(() => new Set(copy?.lineEdits.keys() ?? []), [copy?.lineEdits]);
  const lineIndex = useMemo(() => new Map(lines.map((l, i) => [l.id, i + 1])), [lines]);
  const unsaved = copy === null ? 0 : changeCount(copy);

  const onLineChange = useCallback(
    (line: TExpenditureLine) => setCopy((c) => (c === null ? c : setLine(c, line))),
    [setCopy],
  );
  const onLineRemove = useCallback(
    (id: string) => setCopy((c) => (c === null ? c : removeLine(c, id))),
    [setCopy],
  );
  const onInvalidAmount = useCallback(
    (id: string, value: { text: string; reason: string } | null) =>
      setCopy((c) => (c === null ? c : setInvalid(c, cellKey(id, 'amount'), value))),
    [setCopy],
  );

  const { save } = editor;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

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
        setTab('projects');
        setProjectFocus({ projectId: l.projectId, part: l.part });
        requestAnimationFrame(() =>
          globalThis.document
            .getElementById(`project-${l.projectId}-${l.part ?? 'details'}`)
            ?.scrollIntoView({ block: 'center' }),
        );
        return;
      case 'document':
        setTab(l.path.startsWith('incomeLines') ? 'incomeLines' : 'tables');
        return;
      case 'text':
        setTab('tables');
        return;
    }
  }, []);

  if (view.isError) return <Status error>{t('error', { reason: view.error.message })}</Status>;
  if (editor.loaded.isError)
    return <Status error>{t('error', { reason: editor.loaded.error.message })}</Status>;
  if (view.data === undefined || copy === null || document === null || catalogue === null)
    return <Status>{t('loading')}</Status>;
  const budget = view.data;
  const actions = actionsFor(budget.state, 'preparer');

  const addLine = () => {
    const unit = document.department.units[0]?.code ?? '';
    const template = lines.at(-1);
    const line: TExpenditureLine = {
      id: newLineId(),
      unitCode: template?.unitCode ?? unit,
      functionCode: template?.functionCode ?? '',
      economicCode: template?.economicCode ?? '',
      kind: template?.kind ?? 'basic-public',
      fundSource: template?.fundSource ?? 'general-budget-appropriation',
      amount: '0.00',
    };
    setCopy(setLine(copy, line));
    setTab('lines');
    requestAnimationFrame(() => grid.current?.focusCell(line.id, 'functionCode'));
  };

  return (
    <main className="page editor" aria-labelledby="editor-title">
      <h1 id="editor-title">
        {budget.department.name} {budget.fiscalYear} · {t('editor')} <StateBadge state={budget.state} />{' '}
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
      {!editable && <p className="banner">{t('readOnly')}</p>}
      <div className="toolbar">
        {editable && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => void editor.save()}
              disabled={unsaved === 0 || editor.saving || copy.invalid.size > 0}
              aria-keyshortcuts="Control+S"
            >
              {editor.saving ? t('saving') : t('save')}
            </button>
            <span className="muted" role="status">
              {unsaved > 0 ? t('unsaved', { n: unsaved }) : t('saved', { version: copy.baseVersion })}
            </span>
            <button type="button" onClick={addLine}>
              {t('addLine')}
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
      </div>
      <ErrorBanner error={editor.saveError} />
      <ErrorBanner error={workflow.error} />
      <BudgetJobsPanel budgetId={budgetId} />
      <div className="desk">
        <div>
          <div className="tabs" role="tablist" aria-label={t('editor')}>
            {(['lines', 'incomeLines', 'tables', 'projects'] as const).map((id) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
                {t(id)}
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
              onInvalidAmount={onInvalidAmount}
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
            />
          )}
          {tab === 'projects' && (
            <ProjectEditor
              projects={document.projects}
              editable={editable}
              focus={projectFocus}
              onApply={(projects) => setCopy(setProjects(copy, projects))}
            />
          )}
        </div>
        <aside className="desk-side">
          <CeilingsPanel budgetId={budgetId} budgetVersion={budget.version} editable={false} />
          <FindingsPanel
            findings={findings}
            onJump={(f) => jumpTo(f.location)}
            lineNo={(id) => lineIndex.get(id)}
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
